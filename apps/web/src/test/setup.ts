import '@testing-library/jest-dom/vitest';
import { Blob, File } from 'node:buffer';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server.ts';

// jsdom brings its own FormData, File and Blob, which Node's fetch cannot send as they are (Vitest
// converts them, but a File loses its name on the way). A browser's fetch takes its own classes;
// so here the app gets Node's, the same WHATWG classes Node's fetch takes. Defined, not assigned:
// assigning would also replace jsdom's window classes, which jsdom itself still needs.
const NodeFormData = (await new Response(new URLSearchParams()).formData()).constructor;
for (const [name, value] of Object.entries({ FormData: NodeFormData, File, Blob })) {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

// Almost every page's forms check with the API's zod schemas; they are compiled here, once per test
// file, so that a test's first page does not spend its wait on compiling them.
await import('@portal/schemas');

// findBy… and waitFor wait for what the page shows, not for a speed: on a busy machine lazy pages
// and their first queries can take longer than the default second.
configure({ asyncUtilTimeout: 5000 });

// A request no test answers is a mistake in the test, not a 404 to shrug at.
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
});
afterAll(() => server.close());
