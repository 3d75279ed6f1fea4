import type { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';

export function readSettings(db: Db, keys: string[]) {
  return db.setting.findMany({ where: { key: { in: keys } }, select: { key: true, value: true } });
}

export function writeSetting(db: Db, key: string, value: Prisma.InputJsonValue) {
  return db.setting.upsert({ where: { key }, create: { key, value }, update: { value }, select: { key: true } });
}
