import type { PendingApproval, QuoteRevisionView, QuoteView } from '@portal/schemas';
import { approvalBreach, calendarDate, currencyScale, isBelowFloor, isSent, marginFloorFor, type Instalment } from '@portal/domain';
import type * as repo from './quotes.repository.ts';

type Port = { code: string; name: string };
type RevisionEvent = Awaited<ReturnType<typeof repo.findRevisionEvents>>[number];

/** When an audited event happened by the app's clock (kept in its changes), else when it was recorded. */
export const eventTime = (e: { changes: unknown; createdAt: Date }) => {
  const at = (e.changes as { at?: unknown } | null)?.at;
  return typeof at === 'string' ? at : e.createdAt.toISOString();
};

const decimal = (d: { toString(): string } | null | undefined) => (d === null || d === undefined ? null : d.toString());

/** The margin a manager is asked to approve and the floor it breaks (see approvalBreach). */
export function breachOf(rev: { marginRate: { toString(): string } | null; lines: { marginRate: { toString(): string } | null; product: { marginFloorRate: { toString(): string } | null } | null }[] }, settingFloor: string) {
  return approvalBreach({ marginRate: decimal(rev.marginRate), lines: rev.lines.map((l) => ({ marginRate: decimal(l.marginRate), productFloor: decimal(l.product?.marginFloorRate) })) }, settingFloor);
}

/**
 * A PI as the caller may see it: buyers only the revisions sent to them and never the costing;
 * staff every revision with each line's margin and floor, the approval, and who sent a draft back.
 */
export function toQuoteView(
  quote: repo.QuoteRow,
  seen: { staff: boolean; ports: ReadonlyMap<string, Port>; settingFloor: string | null; returned: ReadonlyMap<string, RevisionEvent> },
): QuoteView {
  const revisions = seen.staff ? quote.revisions : quote.revisions.filter((r) => isSent(r.status));
  const port = (code: string | null) => (code ? { code, name: seen.ports.get(code)?.name ?? code } : null);
  return {
    id: quote.id,
    number: quote.number,
    status: quote.status,
    inquiry: { id: quote.inquiry.id, number: quote.inquiry.number },
    buyerCompany: { id: quote.buyerCompany.id, name: quote.buyerCompany.name },
    revisions: revisions.map((r): QuoteRevisionView => {
      const scale = currencyScale(r.currency);
      const view: QuoteRevisionView = {
        id: r.id,
        revisionNo: r.revisionNo,
        status: r.status,
        currency: r.currency,
        incoterm: r.incoterm,
        namedPlace: r.namedPlace,
        portOfLoading: port(r.portOfLoadingCode),
        portOfDischarge: port(r.portOfDischargeCode),
        paymentTerms: (r.paymentTerms as Instalment[]).map((t) => ({ method: t.method, percent: t.percent, trigger: t.trigger, days: t.days ?? 0 })),
        paymentTermsText: r.paymentTermsText,
        leadTimeDays: r.leadTimeDays,
        shipmentDate: r.shipmentDate ? calendarDate(r.shipmentDate) : null,
        packing: r.packing,
        specialTerms: r.specialTerms,
        shippingMarks: r.shippingMarks,
        validUntil: calendarDate(r.validUntil),
        notes: r.notes,
        total: { amount: r.totalAmount.toFixed(scale), currency: r.currency },
        lines: r.lines.map((l) => ({
          id: l.id,
          lineNo: l.lineNo,
          inquiryLineId: l.inquiryLineId,
          productId: l.productId,
          sku: l.product?.sku ?? null,
          description: l.description,
          quantity: l.quantity.toFixed(),
          unit: l.unit,
          unitPrice: { amount: l.unitPrice.toFixed(4), currency: r.currency },
          amount: { amount: l.amount.toFixed(scale), currency: r.currency },
          notes: l.notes,
          shipmentDate: l.shipmentDate ? calendarDate(l.shipmentDate) : null,
        })),
        createdAt: r.createdAt.toISOString(),
        sentAt: r.sentAt?.toISOString() ?? null,
        pdfUrl: `/api/quotes/${quote.id}/revisions/${r.revisionNo}/pdf`,
      };
      if (!seen.staff) return view;
      const back = seen.returned.get(r.id);
      return {
        ...view,
        staff: {
          marginRate: r.marginRate?.toFixed(4) ?? null,
          belowMarginFloor: r.belowMarginFloor,
          belowFloorReason: r.belowFloorReason,
          approval: r.approvedBy && r.approvedAt ? { by: r.approvedBy.name, at: r.approvedAt.toISOString(), comment: r.approvalComment } : null,
          returned: back && r.approvalComment ? { by: back.actor?.name ?? 'a manager', at: eventTime(back), comment: r.approvalComment } : null,
          lines: r.lines.map((l) => {
            const floor = l.marginRate === null ? null : marginFloorFor(decimal(l.product?.marginFloorRate), seen.settingFloor);
            return {
              lineId: l.id,
              costSheetId: l.costSheetId,
              marginRate: l.marginRate?.toFixed(4) ?? null,
              marginFloorRate: floor?.toFixed(4) ?? null,
              belowFloor: Boolean(l.marginRate && floor && isBelowFloor(l.marginRate.toString(), floor)),
            };
          }),
        },
      };
    }),
  };
}

/** A revision waiting for a manager, with who submitted it when (the latest submission). */
export function toPendingApproval(r: Awaited<ReturnType<typeof repo.findPendingRevisions>>[number], submission: RevisionEvent | undefined, settingFloor: string): PendingApproval {
  const { floor } = breachOf(r, settingFloor);
  return {
    quoteId: r.quote.id,
    quoteNumber: r.quote.number,
    revisionNo: r.revisionNo,
    buyerCompany: r.quote.buyerCompany.name,
    total: { amount: r.totalAmount.toFixed(currencyScale(r.currency)), currency: r.currency },
    marginRate: r.marginRate?.toFixed(4) ?? null,
    marginFloorRate: floor.toFixed(4),
    belowFloorReason: r.belowFloorReason,
    submittedBy: submission?.actor?.name ?? r.createdBy.name,
    submittedAt: submission ? eventTime(submission) : r.createdAt.toISOString(),
  };
}
