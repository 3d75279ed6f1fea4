import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One run, three projects: pure domain and packages, the API on a real database, the SPA in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'packages',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // One embedded Meilisearch for the run; test files reach it with inject('meilisearch').
          globalSetup: ['packages/search/src/vitest-global-setup.ts'],
        },
      },
      {
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts', 'apps/api/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite is single-threaded WASM; a few files at once keeps 2 cores busy without thrashing.
          maxWorkers: 2,
          // The catalog tests search a real Meilisearch: startTestApp(env, { search: true }).
          globalSetup: ['packages/search/src/vitest-global-setup.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.tsx', 'apps/web/src/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['apps/web/src/test/setup.ts'],
          // A test waits for several things a page shows (each up to 5 s, see setup.ts); on a loaded
          // 2-core machine a first lazy page alone can take most of the default 5 s.
          testTimeout: 15_000,
        },
      },
    ],
  },
});
