import { Id, Timestamp, nameText, optionalText, text, z } from './common.ts';
import { AttachmentInfo } from './inquiries.ts';

/*
 * The customer service centre: buyers open tickets (inquiries, suggestions, complaints), optionally
 * about a record of theirs; staff answer them from their team's queue against a response and a
 * resolution target counted in working hours. Internal notes never leave the staff side.
 */

export const TicketKind = z.enum(['INQUIRY', 'SUGGESTION', 'COMPLAINT']).describe('What the customer brings: a question, a suggestion, a complaint');
export type TicketKind = z.infer<typeof TicketKind>;
export const TicketStatus = z.enum(['OPEN', 'ASSIGNED', 'WAITING_FOR_CUSTOMER', 'RESOLVED', 'CLOSED']);
export type TicketStatus = z.infer<typeof TicketStatus>;
/** The records a ticket may name today; shipments, claims and payments join as those capabilities land. */
export const TicketSubjectType = z.enum(['PRODUCT', 'CONTRACT']).describe('The kind of record the ticket is about');
export type TicketSubjectType = z.infer<typeof TicketSubjectType>;
export const TicketTeam = z.enum(['SALES', 'QUALITY', 'LOGISTICS', 'FINANCE', 'SERVICE_DESK']).describe('The team the routing chose');
export type TicketTeam = z.infer<typeof TicketTeam>;
export const TicketAction = z.enum(['ASSIGN', 'REASSIGN', 'REPLY', 'REQUEST_INFO', 'CUSTOMER_REPLY', 'RESOLVE', 'CLOSE']);
export type TicketAction = z.infer<typeof TicketAction>;

export const TicketParams = z.strictObject({ ticketId: Id });

const attachmentIds = z.array(Id).max(10, 'at most 10 attachments').default([]).describe('Files uploaded by the caller’s company, not yet attached');

/** POST /api/tickets: a buyer opens a ticket with its first message. */
export const OpenTicketBody = z.strictObject({
  kind: TicketKind,
  subject: text(200).describe('The ticket’s headline'),
  body: text(4000).describe('The first message'),
  about: z
    .strictObject({ type: TicketSubjectType, id: Id })
    .nullish()
    .describe('The buyer’s record the ticket is about: a product of the catalog or a contract of their company'),
  attachmentIds,
});
export type OpenTicketBody = z.input<typeof OpenTicketBody>;

/** POST /api/tickets/:ticketId/messages: a message; staff may mark it internal (never shown to the buyer). */
export const TicketMessageBody = z.strictObject({
  body: text(4000),
  internal: z.boolean().default(false).describe('A staff-only note: not shown to the customer, not notified to them'),
  attachmentIds,
});
export type TicketMessageBody = z.input<typeof TicketMessageBody>;

/** A staff step that carries a message to the customer: asking for information, resolving. */
export const TicketStepMessageBody = z.strictObject({ body: text(4000), attachmentIds });
export type TicketStepMessageBody = z.input<typeof TicketStepMessageBody>;

/** POST /api/tickets/:ticketId/assign: to a member of staff (the caller when none is named). */
export const AssignTicketBody = z.strictObject({ assigneeId: Id.optional().describe('A clerk, manager or finance user; the caller by default') });
export type AssignTicketBody = z.input<typeof AssignTicketBody>;

/** POST /api/tickets/:ticketId/rating: the buyer rates the resolution. */
export const RateTicketBody = z.strictObject({
  rating: z.number().int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  comment: optionalText(1000),
});
export type RateTicketBody = z.input<typeof RateTicketBody>;

export const TicketListQuery = z.strictObject({
  status: TicketStatus.optional(),
  kind: TicketKind.optional(),
  team: TicketTeam.optional(),
});

export const TicketQueueQuery = z.strictObject({ team: TicketTeam.optional().describe('One team’s queue; every team’s when left out') });

/** One target's timer as of now, in working minutes. */
export const TicketTimerView = z.object({
  targetMinutes: z.number().int(),
  elapsedMinutes: z.number().int(),
  remainingMinutes: z.number().int(),
  dueAt: Timestamp.nullable().describe('When the target falls (null while paused)'),
  paused: z.boolean(),
  stopped: z.boolean(),
  breached: z.boolean(),
});
export type TicketTimerView = z.infer<typeof TicketTimerView>;

export const TicketSlaView = z.object({
  response: TicketTimerView,
  resolution: TicketTimerView,
  breached: z.boolean(),
  breachedAt: Timestamp.nullable(),
  nextDueAt: Timestamp.nullable(),
  urgency: z.enum(['OVERDUE', 'DUE_SOON']).nullable(),
});
export type TicketSlaView = z.infer<typeof TicketSlaView>;

export const TicketAbout = z.object({ type: TicketSubjectType, id: Id, label: z.string().describe('The record’s number or name') });
export type TicketAbout = z.infer<typeof TicketAbout>;

export const TicketSummary = z.object({
  id: Id,
  number: z.string(),
  kind: TicketKind,
  subject: z.string(),
  status: TicketStatus,
  team: TicketTeam,
  about: TicketAbout.nullable(),
  buyerCompany: z.object({ id: Id, name: z.string() }),
  assignee: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
  rating: z.number().int().nullable(),
  sla: TicketSlaView,
});
export type TicketSummary = z.infer<typeof TicketSummary>;

export const TicketMessageView = z.object({
  id: Id,
  side: z.enum(['CUSTOMER', 'STAFF']),
  author: z.string(),
  body: z.string(),
  internal: z.boolean(),
  createdAt: Timestamp,
  attachments: z.array(AttachmentInfo),
});
export type TicketMessageView = z.infer<typeof TicketMessageView>;

export const TicketView = TicketSummary.extend({
  messages: z.array(TicketMessageView).describe('Oldest first; internal notes only for staff'),
  ratingComment: z.string().nullable(),
  ratedAt: Timestamp.nullable(),
  actions: z.array(TicketAction).describe('The steps the caller may take now'),
  canRate: z.boolean(),
});
export type TicketView = z.infer<typeof TicketView>;

/** Staff who may be assigned a ticket. */
export const TicketAssignee = z.object({ id: Id, name: nameText(200), role: z.string() });
export type TicketAssignee = z.infer<typeof TicketAssignee>;
