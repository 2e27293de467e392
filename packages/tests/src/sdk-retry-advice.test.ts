import { randomBytes } from 'node:crypto';
import { type APIError, BadRequestError, NotFoundError, Oriva } from '@oriva/sdk';
import { cuttableLink, DESIGN_DOC_EVENT, dropSchema, startTestServer } from '@oriva/server/testing';
import { describe, expect, it } from 'vitest';
import { serverWithApp } from '../../server/src/testing/server-with-app.test-support.js';

// The SDK follows the server's x-should-retry over its own status rules: counted here through the
// injectable transport, against the real server.

const workBuddy = serverWithApp();

function countingClient(baseUrl: string, key: string) {
  let calls = 0;
  const sdk = new Oriva({
    apiKey: key,
    appId: 'work-buddy',
    baseUrl,
    maxRetries: 2,
    fetch: (url, init) => {
      calls++;
      return fetch(url, init);
    },
  });
  return { sdk, calls: () => calls };
}

describe('the SDK and x-should-retry, against the server', () => {
  it('sends a hopeless request once', async () => {
    const { sdk, calls } = countingClient(workBuddy.server.url, workBuddy.apiKey);
    const invalid = await sdk.events.publish({ ...DESIGN_DOC_EVENT, event_data: { n: '\u0000' } }).catch((e) => e);
    expect(invalid).toBeInstanceOf(BadRequestError);
    expect((invalid as APIError).headers.get('x-should-retry')).toBe('false');
    expect(calls()).toBe(1);

    const missing = await sdk.get('/no-such-route').catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(calls()).toBe(2);
  });

  it('retries while the database is out of reach, and succeeds once it is back', async () => {
    const database = process.env.ORIVA_TEST_DATABASE_URL;
    if (!database) throw new Error('needs ORIVA_TEST_DATABASE_URL');
    const link = await cuttableLink(new URL(database));
    const url = new URL(database);
    url.host = `127.0.0.1:${link.port}`;
    // The harness's prefix for test schemas, so a run that dies here still has it cleared.
    const schema = `oriva_h_${randomBytes(8).toString('hex')}`;
    const cut = await startTestServer({ ORIVA_DATABASE_URL: url.toString(), ORIVA_DATABASE_SCHEMA: schema });
    try {
      const key = await cut.createApp('work-buddy');
      const { sdk, calls } = countingClient(cut.url, key);
      link.cut();
      const unavailable = await sdk.events.publish(DESIGN_DOC_EVENT).catch((e) => e);
      expect((unavailable as APIError).status).toBe(503);
      expect((unavailable as APIError).code).toBe('storage_unavailable');
      expect(calls()).toBe(3);

      await link.restore();
      const published = await sdk.events.publish(DESIGN_DOC_EVENT);
      expect(published.event_id).toMatch(/^evt_/);
    } finally {
      link.cut();
      await link.restore();
      await cut.close();
      await dropSchema(database, schema);
    }
  });
});
