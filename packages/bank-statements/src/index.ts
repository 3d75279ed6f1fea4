export * from './camt.ts';
