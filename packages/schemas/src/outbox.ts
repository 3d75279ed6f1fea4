import { Id, z } from './common.ts';

/** An outbox event that needs a person's eye: held (refused for good) or stuck. */
export const OutboxEventItem = z.object({
  id: Id,
  channel: z.string().describe('mail or search'),
  topic: z.string(),
  status: z.enum(['PENDING', 'DEAD', 'DONE', 'DISCARDED']).describe('PENDING: retried until delivered; DEAD: held until someone retries or discards it'),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  nextAttemptAt: z.iso.datetime().nullable().describe('When it is tried next (null when held)'),
  summary: z.string().describe('What it is: the recipient and subject of a mail, the products of an index task'),
});
export type OutboxEventItem = z.infer<typeof OutboxEventItem>;

export const OutboxEventList = z.object({ items: z.array(OutboxEventItem) });
export type OutboxEventList = z.infer<typeof OutboxEventList>;
