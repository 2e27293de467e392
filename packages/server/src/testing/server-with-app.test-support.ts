import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

export interface ServerWithApp {
  /** The server every test in the file talks to. */
  readonly server: TestServer;
  /** The first API key of the registered app. */
  readonly apiKey: string;
}

/**
 * One test server for the whole file, with the `work-buddy` app registered: started before the first test, closed
 * after the last. Read `server` and `apiKey` inside tests and hooks, once they are set.
 */
export function serverWithApp(env: Record<string, string> = {}): ServerWithApp {
  const state: { server?: TestServer; apiKey?: string } = {};
  beforeAll(async () => {
    state.server = await startTestServer(env);
    state.apiKey = await state.server.createApp('work-buddy', 'Work Buddy');
  });
  afterAll(() => state.server?.close());
  return {
    get server() {
      if (state.server === undefined) throw new Error('the test server starts in beforeAll: read it inside a test');
      return state.server;
    },
    get apiKey() {
      if (state.apiKey === undefined) throw new Error('the app is registered in beforeAll: read it inside a test');
      return state.apiKey;
    },
  };
}
