import type { Prisma } from '@portal/db';
import type { Db } from './tx.ts';

export type AuditEntry = {
  actorId: string | null;
  companyId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes?: Prisma.InputJsonValue;
  requestId?: string;
  ip?: string;
};

/** Records who did what to which record; call inside the transaction of the change itself. */
export function recordAudit(db: Db, entry: AuditEntry) {
  return db.auditLog.create({ data: { ...entry, changes: entry.changes ?? {} }, select: { id: true } });
}
