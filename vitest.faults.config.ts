import { defineConfig } from 'vitest/config';

// `pnpm test:faults`: the fault suite. Real portal processes (apps/api/src/server.ts) are killed
// with SIGKILL and SIGTERM, started twice on one data folder, run three at once on one PostgreSQL
// database; Meilisearch is killed under them; SMTP is down longer than the retry window. Only
// local traffic (127.0.0.1, ports 3200–3299); each file bounded in time.
export default defineConfig({
  test: {
    name: 'faults',
    include: ['faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 240_000,
    // One file at a time: each runs several portals on 2 cores.
    fileParallelism: false,
    globalSetup: ['packages/search/src/vitest-global-setup.ts'],
  },
});
