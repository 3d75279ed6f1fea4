import { Dec, calendarDate, currencyScale } from '@portal/domain';
import type { MailAttachment } from '@portal/mail';
import { notify, notifyAndMail, type TellContext } from '../../infra/notify.ts';
import { groupThousands } from '../../infra/pdf-page.ts';
import { findBuyerUsers, findStaff } from '../../infra/recipients.repository.ts';
import type { Db } from '../../infra/tx.ts';
import type { QuoteRow, RevisionRow } from './quotes.repository.ts';

/** "USD 40,951.20": a total for mail text, thousands grouped. */
const moneyText = (rev: Pick<RevisionRow, 'totalAmount' | 'currency'>) => `${rev.currency} ${groupThousands(rev.totalAmount.toFixed(currencyScale(rev.currency)))}`;
const pct = (d: Dec | string) => `${new Dec(d).times(100).toFixed(1)}%`;

/** The buyer's users hear that a revision was sent: a notification each, and the PI by mail. */
export async function tellQuoteSent(tx: Db, quote: QuoteRow, rev: RevisionRow, pdf: MailAttachment, ctx: TellContext): Promise<void> {
  const total = moneyText(rev);
  const validUntil = calendarDate(rev.validUntil);
  await notifyAndMail(tx, await findBuyerUsers(tx, quote.buyerCompanyId), {
    kind: 'quote.sent',
    title: `Your quote ${quote.number} (rev. ${rev.revisionNo}) is ready`,
    body: `${total} ${rev.incoterm} ${rev.namedPlace}, Incoterms 2020; ${rev.paymentTermsText}; valid until ${validUntil}.`,
    link: `/portal/inquiries/${quote.inquiry.id}`,
    subject: `Pro-forma invoice ${quote.number} (rev. ${rev.revisionNo}): ${total} ${rev.incoterm} ${rev.namedPlace}`,
    paragraphs: [
      `Thank you for your inquiry ${quote.inquiry.number}. Please find attached our pro-forma invoice ${quote.number}, revision ${rev.revisionNo}.`,
      `Total: ${total}, ${rev.incoterm} ${rev.namedPlace} (Incoterms® 2020). Payment: ${rev.paymentTermsText}. Lead time: ${rev.leadTimeDays} days${rev.shipmentDate ? `; shipment not later than ${calendarDate(rev.shipmentDate)}` : ''}.`,
      `This offer is valid until ${validUntil}. You can accept it or ask for changes in the portal.`,
    ],
    actionLabel: 'View the quote in the portal',
    attachments: [pdf],
  }, ctx);
}

/** The managers hear that a revision below the margin floor waits for their approval. */
export async function askManagersToApprove(tx: Db, quote: QuoteRow, rev: RevisionRow, breach: { margin: Dec | null; floor: Dec }, ctx: TellContext): Promise<void> {
  const title = `${quote.number} needs your approval: margin ${breach.margin ? pct(breach.margin) : 'unknown'} below floor ${pct(breach.floor)}`;
  const body = `Revision ${rev.revisionNo} for ${quote.buyerCompany.name}, ${moneyText(rev)} ${rev.incoterm} ${rev.namedPlace}, quote margin ${rev.marginRate ? pct(rev.marginRate.toString()) : 'unknown'}.${rev.belowFloorReason ? ` Reason: ${rev.belowFloorReason}` : ''}`;
  // Managers are asked; admins may approve too, but are not chased for it.
  await notifyAndMail(tx, await findStaff(tx, ['MANAGER']), {
    kind: 'quote.approval',
    title,
    body,
    link: '/staff/approvals',
    paragraphs: [body, 'It is below the margin floor and waits for your approval before it can be sent to the buyer.'],
    actionLabel: 'Review the approvals',
  }, ctx);
}

/** The clerk who drafted a revision hears that a manager sent it back, and why. */
export async function tellDraftReturned(tx: Db, quote: QuoteRow, rev: RevisionRow, comment: string | null): Promise<void> {
  await notify(tx, [{ id: rev.createdById }], {
    kind: 'quote.returned',
    title: `${quote.number} revision ${rev.revisionNo} was sent back`,
    body: comment ?? '',
    link: `/staff/quotes/${quote.id}`,
  });
}
