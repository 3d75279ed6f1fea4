/*
 * The Content-Security-Policy allows no eval. Zod compiles fast validators with new Function() when
 * it may, and merely trying reports a CSP violation on every page load. Zod reads its settings from
 * globalThis.__zod_globalConfig (shared by every copy of zod), so jitless is set there before any
 * schema is built, without pulling zod itself into the first load. Imported first by main.tsx.
 */
const holder = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig = Object.assign(holder.__zod_globalConfig ?? {}, { jitless: true });

export {};
