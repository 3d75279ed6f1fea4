import type { NegotiationMessageView } from '@portal/schemas';
import { calendarDate, type CounterLineCosting, type Incoterm } from '@portal/domain';
import { toAttachmentInfo } from '../attachments/attachments.service.ts';
import type { MessageRow } from './negotiation.repository.ts';

/** Terms a counter-offer proposes besides its lines. */
export type ProposedTerms = { paymentTermsText?: string; incoterm?: Incoterm };

/** One message as both sides see it. */
export function toMessageView(m: MessageRow, costing?: (line: MessageRow['lines'][number]) => CounterLineCosting | null): NegotiationMessageView {
  const terms = (m.proposedTerms ?? null) as ProposedTerms | null;
  return {
    id: m.id,
    side: m.side,
    kind: m.kind,
    author: m.author.name,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    ...(m.revision ? { revisionNo: m.revision.revisionNo } : {}),
    ...(m.kind === 'COUNTER_OFFER'
      ? {
          counterOffer: {
            lines: m.lines
              .map((l) => ({
                quoteLineId: l.quoteLineId,
                lineNo: l.quoteLine.lineNo,
                description: l.quoteLine.description,
                ...(l.proposedUnitPrice ? { proposedUnitPrice: l.proposedUnitPrice.toFixed(4) } : {}),
                ...(l.proposedQuantity ? { proposedQuantity: l.proposedQuantity.toFixed() } : {}),
                ...(l.proposedShipmentDate ? { proposedShipmentDate: calendarDate(l.proposedShipmentDate) } : {}),
                ...(costing ? { staff: costing(l) } : {}),
              }))
              .sort((a, b) => a.lineNo - b.lineNo),
            ...(terms?.paymentTermsText ? { paymentTermsText: terms.paymentTermsText } : {}),
            ...(terms?.incoterm ? { incoterm: terms.incoterm } : {}),
          },
        }
      : {}),
    attachments: m.attachments.map(toAttachmentInfo),
  };
}
