import { Timestamp, z } from './common.ts';

/*
 * The home page of each role is a work queue: what waits for this user, most urgent first, each item
 * linking to where the action is done. Every capability contributes its own items (the API's home
 * module asks each capability's provider); the SPA words an item from its `kind` and `params` in the
 * reader's language, so the API sends facts, not sentences.
 */

/** How pressing an item is: past its target, close to it, or simply waiting for this user. */
export const ActionUrgency = z.enum(['OVERDUE', 'DUE_SOON', 'WAITING']).describe('OVERDUE: past its target; DUE_SOON: target within a day (or the capability’s own horizon); WAITING: no target');
export type ActionUrgency = z.infer<typeof ActionUrgency>;

/** The capabilities that put items on home pages (one name per capability, as everywhere). */
export const homeCapabilities = [
  'inquiries',
  'quotes',
  'negotiation',
  'sales-contracts',
  'letters-of-credit',
  'companies',
  'shipments',
  'payments',
  'claims',
  'tickets',
  'outbox',
] as const;
export const HomeCapability = z.enum(homeCapabilities);
export type HomeCapability = z.infer<typeof HomeCapability>;

/** One thing waiting for the user. */
export const ActionItem = z
  .object({
    id: z.string().describe('Stable per item: "<kind>:<record id>"'),
    capability: HomeCapability,
    kind: z
      .string()
      .regex(/^[a-z-]+\.[a-zA-Z]+$/)
      .describe('What to do, "<capability>.<verb>", e.g. "inquiries.respond", "quotes.answer", "sales-contracts.confirm"; the SPA has one message per kind'),
    urgency: ActionUrgency,
    /** Facts the message is worded from: record numbers, company names, counts, amounts (decimal strings) with their currency. */
    params: z.record(z.string(), z.union([z.string(), z.number()])).describe('Values for the kind’s message, e.g. { number: "INQ-2026-000012", company: "Northwind Imports Ltd" }'),
    /** When the target falls (response due, confirmation due, presentation deadline); null when there is none. */
    dueAt: Timestamp.nullable(),
    /** Since when it waits (the instant the item arose): the queue shows "waiting 3 h". */
    since: Timestamp,
    link: z.string().startsWith('/').describe('Portal path where the action is done'),
  })
  .describe('An item of a home page’s work queue');
export type ActionItem = z.infer<typeof ActionItem>;

/** A figure of the user's open business at a glance (open inquiries, contracts in execution …), linking to its list. */
export const HomeFigure = z.object({
  key: z.string().regex(/^[a-z-]+\.[a-zA-Z]+$/).describe('"<capability>.<figure>", e.g. "inquiries.open"; the SPA has one label per key'),
  count: z.number().int().min(0),
  /** Amounts that go with the count, one per currency (e.g. the value of contracts in execution). */
  amounts: z.array(z.object({ amount: z.string(), currency: z.string() })).optional(),
  link: z.string().startsWith('/'),
});
export type HomeFigure = z.infer<typeof HomeFigure>;

/** GET /api/home: the signed-in user's work queue and figures. */
export const HomeView = z.object({
  /** Most urgent first: OVERDUE, then DUE_SOON, then WAITING; within each, the earliest due (then the oldest) first. */
  items: z.array(ActionItem),
  /** How many items there are per kind, before the list was cut to its limit. */
  totals: z.record(z.string(), z.number().int()),
  figures: z.array(HomeFigure),
});
export type HomeView = z.infer<typeof HomeView>;
