export * from './auth.ts';
export * from './common.ts';
export * from './companies.ts';
export * from './costing.ts';
export * from './health.ts';
export * from './notifications.ts';
export * from './users.ts';
export * from './products.ts';
