/**
 * `@oriva/server/testing`: start the real server on a loopback port with a throwaway SQLite file,
 * for your own integration tests (and ours).
 *
 * @example
 * const server = await startTestServer();
 * const apiKey = await server.createApp('work-buddy');
 * // … exercise your code against server.url …
 * await server.close();
 */

export { cuttableLink, dropSchema } from './cuttable-link.js';
export { DESIGN_DOC_EVENT, startTestServer, TEST_ADMIN_TOKEN, TEST_JWT_SECRET, type TestServer } from './harness.js';
