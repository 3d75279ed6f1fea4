import type { TestProject } from 'vitest/node';
import { startTestMeilisearch } from './testing.ts';

/** One Meilisearch for the whole test run, handed to test files through `inject('meilisearch')`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = await startTestMeilisearch();
  project.provide('meilisearch', { url: engine.url, masterKey: engine.masterKey });
  return () => engine.stop();
}
