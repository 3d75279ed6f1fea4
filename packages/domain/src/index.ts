export * from './access.ts';
export * from './company.ts';
export * from './costing.ts';
export * from './errors.ts';
export * from './money.ts';
export * from './password.ts';
export * from './reference.ts';
