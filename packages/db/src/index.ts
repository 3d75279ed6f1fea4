export { isDatabaseUnavailable, openDatabase, type Database, type DatabaseKind, type DatabaseOptions, type NotificationHandlers, type NotificationListener } from './client.ts';
export { PrismaClient, Prisma } from './generated/client.ts';
export type * from './generated/client.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export { seedDemoData, seedEssentials, demoPassword, demoPasswordHash } from './seed.ts';
export { DataFolderInUse, DataFolderUnusable, lockDataFolder, type DataFolderLock } from './data-lock.ts';
export { MigrationError } from './migrate.ts';
