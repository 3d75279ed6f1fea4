import { setupServer } from 'msw/node';

/**
 * The network the SPA's tests talk to: Mock Service Worker intercepts `fetch` below the app, so the
 * app's own API client (cookies, refresh, problem+json) runs as in the browser. Tests add the routes
 * they need with `serveApi`; setup.ts resets them after each test.
 */
export const server = setupServer();
