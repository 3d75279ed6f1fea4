import { z } from './common.ts';

const ComponentState = z.object({
  status: z.enum(['up', 'down', 'degraded', 'disabled']),
  detail: z.string().optional(),
});

/** One outbox channel: nothing leaves it but delivered, or by a person's decision. */
export const OutboxCounts = z
  .object({
    waiting: z.number().int().describe('Not yet delivered (including those retrying)'),
    retrying: z.number().int().describe('Failed at least once; retried with capped backoff until delivered'),
    stuck: z.number().int().describe('Waiting over 15 minutes or failed 5 times or more'),
    held: z.number().int().describe('Refused for good; held until an administrator retries or discards them'),
  })
  .describe('Outbox events of one channel');
export type OutboxCounts = z.infer<typeof OutboxCounts>;

export const Health = z.object({
  status: z.enum(['ok', 'degraded', 'down', 'starting', 'stopping']),
  version: z.string(),
  uptimeSeconds: z.number(),
  components: z.object({ database: ComponentState.extend({ kind: z.enum(['pglite', 'postgres']) }), mail: ComponentState, search: ComponentState }),
  outbox: z.object({ mail: OutboxCounts, search: OutboxCounts }).optional(),
});
export type Health = z.infer<typeof Health>;
