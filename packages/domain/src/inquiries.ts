import { DomainError } from './errors.ts';
import { Dec } from './money.ts';

/*
 * The inquiry (RFQ) lifecycle: submitted → (clerk) quoted ⇄ negotiating → accepted | declined |
 * expired | withdrawn. The last four are final.
 */

export const inquiryStatuses = ['SUBMITTED', 'QUOTED', 'NEGOTIATING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

/** Statuses in which an inquiry is still being worked on (the "open" list). */
export const openInquiryStatuses = ['SUBMITTED', 'QUOTED', 'NEGOTIATING'] as const satisfies readonly InquiryStatus[];

const transitions: Record<InquiryStatus, readonly InquiryStatus[]> = {
  SUBMITTED: ['QUOTED', 'WITHDRAWN'],
  QUOTED: ['NEGOTIATING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'],
  NEGOTIATING: ['QUOTED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'],
  ACCEPTED: [],
  DECLINED: [],
  EXPIRED: [],
  WITHDRAWN: [],
};

const verbs: Record<InquiryStatus, string> = {
  SUBMITTED: 'submitted',
  QUOTED: 'quoted',
  NEGOTIATING: 'negotiated',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  EXPIRED: 'expired',
  WITHDRAWN: 'withdrawn',
};

/** Whether an inquiry may move from one status to another. */
export function canTransitionInquiry(from: InquiryStatus, to: InquiryStatus): boolean {
  return transitions[from].includes(to);
}

/** Refuses (CONFLICT) a status change the lifecycle does not allow, e.g. withdrawing an accepted inquiry. */
export function assertInquiryTransition(from: InquiryStatus, to: InquiryStatus): void {
  if (!canTransitionInquiry(from, to)) {
    throw new DomainError('CONFLICT', `an inquiry that is ${from.toLowerCase()} cannot be ${verbs[to]}`);
  }
}

/** Whether the inquiry is still open (not accepted, declined, expired or withdrawn). */
export function isOpenInquiry(status: InquiryStatus): boolean {
  return (openInquiryStatuses as readonly InquiryStatus[]).includes(status);
}

const HOUR_MS = 3_600_000;

/** How long the first answer to an inquiry may take when the managers have set nothing else. */
export const DEFAULT_RESPONSE_TARGET_HOURS = 24;

/** When the first answer is due: the submission instant plus the response target in hours. */
export function responseDueAt(submittedAt: Date, targetHours: number): Date {
  if (!Number.isFinite(targetHours) || targetHours <= 0) throw new RangeError(`the response target must be a positive number of hours, not ${targetHours}`);
  return new Date(submittedAt.getTime() + Math.round(targetHours * HOUR_MS));
}

/** An inquiry is overdue when it is still unanswered (submitted, no first response) past its due time. */
export function isOverdue(inquiry: { status: InquiryStatus; submittedAt: Date; firstResponseAt: Date | null }, now: Date, targetHours: number): boolean {
  if (inquiry.status !== 'SUBMITTED' || inquiry.firstResponseAt !== null) return false;
  return now.getTime() > responseDueAt(inquiry.submittedAt, targetHours).getTime();
}

/** Whether an inquiry still waits for its first answer (the inbox puts these first). */
export function isUnanswered(inquiry: { status: InquiryStatus; firstResponseAt: Date | null }): boolean {
  return inquiry.status === 'SUBMITTED' && inquiry.firstResponseAt === null;
}

/**
 * The minimum order quantity check. Returns null when the quantity is enough, else the message for
 * the quantity field, naming the MOQ and its unit.
 */
export function checkMoq(quantity: string | Dec, moq: string | Dec | null | undefined, unit = ''): string | null {
  if (moq === null || moq === undefined) return null;
  const q = new Dec(quantity);
  const m = new Dec(moq);
  if (q.gte(m)) return null;
  const unitText = unit ? ` ${unit}` : '';
  return `is below the minimum order quantity of ${m.toFixed()}${unitText}`;
}

/** The most products one inquiry list holds (an inquiry takes at most as many lines). */
export const INQUIRY_LIST_LIMIT = 50;

/**
 * A product may go on the buyer's inquiry list when it is in the catalog (active) and the list has
 * room for it (a product already on the list only changes its quantity).
 */
export function assertListable(product: { status: string } | null, list: { size: number; has: boolean }): void {
  if (!product || product.status !== 'ACTIVE') throw new DomainError('NOT_FOUND', 'product not found');
  if (!list.has && list.size >= INQUIRY_LIST_LIMIT) {
    throw new DomainError('CONFLICT', `the inquiry list holds at most ${INQUIRY_LIST_LIMIT} products; send an inquiry for some of them first`);
  }
}
