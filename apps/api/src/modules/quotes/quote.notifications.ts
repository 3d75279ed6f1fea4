import { Dec, currencyScale } from '@portal/domain';
import type { MailAttachment } from '@portal/mail';
import type { Lang } from '../../infra/messages.ts';
import { notify, notifyAndMail, type TellContext } from '../../infra/notify.ts';
import { findBuyerUsers, findRecipient, findStaff } from '../../infra/recipients.repository.ts';
import type { Db } from '../../infra/tx.ts';
import { quoteMessages } from './quotes.messages.ts';
import type { QuoteRow, RevisionRow } from './quotes.repository.ts';

/** A revision's total as a message param: the exact decimal and its currency (the renderer formats it per reader). */
const totalOf = (rev: Pick<RevisionRow, 'totalAmount' | 'currency'>) => ({ amount: rev.totalAmount.toFixed(currencyScale(rev.currency)), currency: rev.currency });
const rate = (d: Dec | string | null | undefined) => (d === null || d === undefined ? { has: 'no', value: 0 } : { has: 'yes', value: new Dec(d).toFixed() });

/** The buyer's users hear that a revision was sent: a notification each, and the PI (in their language) by mail. */
export async function tellQuoteSent(tx: Db, quote: QuoteRow, rev: RevisionRow, pdf: MailAttachment | ((lang: Lang) => Promise<MailAttachment>), ctx: TellContext): Promise<void> {
  await notifyAndMail(tx, await findBuyerUsers(tx, quote.buyerCompanyId), quoteMessages, {
    kind: 'quote.sent',
    params: {
      number: quote.number, revisionNo: rev.revisionNo, total: totalOf(rev), incoterm: rev.incoterm, namedPlace: rev.namedPlace,
      paymentTerms: rev.paymentTermsText, validUntil: rev.validUntil, inquiryNumber: quote.inquiry.number, leadTimeDays: rev.leadTimeDays,
      shipment: rev.shipmentDate ? 'yes' : 'no', shipmentDate: rev.shipmentDate,
    },
    link: `/portal/inquiries/${quote.inquiry.id}`,
    attachments: typeof pdf === 'function' ? async (lang) => [await pdf(lang)] : [pdf],
  }, ctx);
}

/** The managers hear that a revision below the margin floor waits for their approval. */
export async function askManagersToApprove(tx: Db, quote: QuoteRow, rev: RevisionRow, breach: { margin: Dec | null; floor: Dec }, ctx: TellContext): Promise<void> {
  const margin = rate(breach.margin);
  const quoteMargin = rate(rev.marginRate?.toString());
  // Managers are asked; admins may approve too, but are not chased for it.
  await notifyAndMail(tx, await findStaff(tx, ['MANAGER']), quoteMessages, {
    kind: 'quote.approval',
    params: {
      number: quote.number, revisionNo: rev.revisionNo, buyer: quote.buyerCompany.name, total: totalOf(rev), incoterm: rev.incoterm, namedPlace: rev.namedPlace,
      hasMargin: margin.has, margin: margin.value, floor: breach.floor.toFixed(), hasQuoteMargin: quoteMargin.has, quoteMargin: quoteMargin.value,
      hasReason: rev.belowFloorReason ? 'yes' : 'no', reason: rev.belowFloorReason ?? '',
    },
    link: '/staff/approvals',
  }, ctx);
}

/** The clerk who drafted a revision hears that a manager sent it back, and why. */
export async function tellDraftReturned(tx: Db, quote: QuoteRow, rev: RevisionRow, comment: string | null): Promise<void> {
  const clerk = await findRecipient(tx, rev.createdById);
  if (!clerk) return;
  await notify(tx, [clerk], quoteMessages, {
    kind: 'quote.returned',
    params: { number: quote.number, revisionNo: rev.revisionNo, comment: comment ?? '' },
    link: `/staff/quotes/${quote.id}`,
  });
}
