import type { Params } from '../../infra/messages.ts';
import { notifyAndMail } from '../../infra/notify.ts';
import type { Db } from '../../infra/tx.ts';
import { paymentsMessages, type PaymentsMessageKind } from './payments.messages.ts';

export type Reader = { id: string; email: string; name: string | null; locale: string };

/**
 * Tells each reader in their own language: a portal notice and a mail through the outbox, inside the
 * caller's transaction (so the change and its messages commit together).
 */
export async function tellReaders(tx: Db, readers: readonly Reader[], kind: PaymentsMessageKind, params: Params, link: string, ctx: { publicUrl: string; now: Date }): Promise<void> {
  await notifyAndMail(tx, readers.map((r) => ({ ...r, name: r.name ?? '' })), paymentsMessages, { kind, params, link }, ctx);
}
