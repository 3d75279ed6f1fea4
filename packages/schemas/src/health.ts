import { z } from './common.ts';

const ComponentState = z.object({
  status: z.enum(['up', 'down', 'degraded', 'disabled']),
  detail: z.string().optional(),
});

export const Health = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  version: z.string(),
  uptimeSeconds: z.number(),
  components: z.object({ database: ComponentState.extend({ kind: z.enum(['pglite', 'postgres']) }), mail: ComponentState, search: ComponentState }),
});
export type Health = z.infer<typeof Health>;
