export { openDatabase, type Database, type DatabaseKind, type DatabaseOptions } from './client.ts';
export { PrismaClient, Prisma } from './generated/client.ts';
export type * from './generated/client.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export { seedDemoData, seedEssentials, demoPassword } from './seed.ts';
