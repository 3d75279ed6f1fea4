import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { seedDemoData } from './seed.ts';
import { openTestDatabase } from './testing.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
}, 120_000);
afterAll(() => db?.close());

describe('the demo seed', () => {
  it('is all or nothing: a seed that fails half-way leaves no demo user, and the next one seeds everything', async () => {
    // A category the seed will try to create after the users and companies: its insert fails.
    const blocker = await db.prisma.category.create({ data: { slug: 'kitchen', nameEn: 'Blocker', nameZh: '阻挡' } });
    await expect(seedDemoData(db.prisma)).rejects.toThrow();
    expect(await db.prisma.user.count()).toBe(0);
    expect(await db.prisma.company.count({ where: { kind: 'BUYER' } })).toBe(0);

    await db.prisma.category.delete({ where: { id: blocker.id } });
    expect(await seedDemoData(db.prisma)).toEqual({ created: true });
    expect(await db.prisma.product.count()).toBe(17);
    expect(await db.prisma.user.count()).toBe(8);
    expect(await seedDemoData(db.prisma)).toEqual({ created: false });
    expect(await db.prisma.product.count()).toBe(17);
  });
});
