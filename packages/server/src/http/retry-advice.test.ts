import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isCausedByRequest, isStorageUnavailable } from '../storage/failures.js';
import { cuttableLink, dropSchema } from '../testing/cuttable-link.js';
import { DESIGN_DOC_EVENT, startTestServer, TEST_SCHEMA_PREFIX } from '../testing/harness.js';
import { serverWithApp } from '../testing/server-with-app.test-support.js';

const workBuddy = serverWithApp({ ORIVA_RATE_LIMITS: 'notifications=1/1h' });

const retryHeader = (response: Response) => response.headers.get('x-should-retry');

describe('x-should-retry', () => {
  it('is false on every answer that would be the same next time', async () => {
    const { server, apiKey: key } = workBuddy;
    const events = '/api/v1/apps/work-buddy/events';
    const hopeless: Array<[string, Promise<Response>, number]> = [
      ['validation', server.request(events, { method: 'POST', token: key, json: { event_category: 'x' } }), 400],
      [
        'malformed JSON',
        server.request(events, {
          method: 'POST',
          token: key,
          headers: { 'content-type': 'application/json' },
          body: '{"a":',
        }),
        400,
      ],
      ['no credentials', server.request(events, { method: 'POST', json: DESIGN_DOC_EVENT }), 401],
      ['wrong scope', server.request('/api/v1/apps', { token: key }), 403],
      ['unknown route', server.request('/api/v1/nothing', { token: key }), 404],
      [
        'not JSON',
        server.request(events, { method: 'POST', token: key, headers: { 'content-type': 'text/csv' }, body: 'a,b' }),
        415,
      ],
      [
        'too large',
        server.request(events, {
          method: 'POST',
          token: key,
          headers: { 'content-type': 'application/json' },
          body: `{"a":"${'x'.repeat(1_100_000)}"}`,
        }),
        413,
      ],
    ];
    for (const [what, pending, status] of hopeless) {
      const response = await pending;
      await response.body?.cancel();
      expect(response.status, what).toBe(status);
      expect(retryHeader(response), what).toBe('false');
    }
  });

  it('is false on a reused idempotency key, and true on a rate limit', async () => {
    const { server, apiKey: key } = workBuddy;
    const path = '/api/v1/apps/work-buddy/notifications';
    const notification = (external_id: string) => ({
      external_id,
      user_id: 'user_456',
      notification_type: 'reminder',
      title: 'Hi',
    });
    const headers = { 'idempotency-key': `k-${Date.now()}` };
    const first = await server.request(path, { method: 'POST', token: key, headers, json: notification('r1') });
    expect(first.status).toBe(201);
    const reused = await server.request(path, { method: 'POST', token: key, headers, json: notification('r2') });
    expect(reused.status).toBe(409);
    expect(retryHeader(reused)).toBe('false');

    const limited = await server.request(path, { method: 'POST', token: key, json: notification('r3') });
    expect(limited.status).toBe(429);
    expect(retryHeader(limited)).toBe('true');
  });

  it('is true on a 503 while PostgreSQL cannot be reached', async () => {
    const database = process.env.ORIVA_TEST_DATABASE_URL;
    if (!database) throw new Error('needs ORIVA_TEST_DATABASE_URL');
    const link = await cuttableLink(new URL(database));
    const schema = `${TEST_SCHEMA_PREFIX}${randomBytes(8).toString('hex')}`;
    const url = new URL(database);
    url.host = `127.0.0.1:${link.port}`;
    const cut = await startTestServer({ ORIVA_DATABASE_URL: url.toString(), ORIVA_DATABASE_SCHEMA: schema });
    try {
      const appKey = await cut.createApp('work-buddy');
      link.cut();
      const response = await cut.request('/api/v1/apps/work-buddy/events', {
        method: 'POST',
        token: appKey,
        json: DESIGN_DOC_EVENT,
      });
      expect(response.status).toBe(503);
      expect(retryHeader(response)).toBe('true');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('storage_unavailable');
    } finally {
      link.restore();
      await cut.close();
      await dropSchema(database, schema);
    }
  });
});

describe('classifying surprises', () => {
  it('tells a database out of reach from a request that cannot succeed', () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    for (const error of [
      coded('ECONNREFUSED'),
      coded('08006'),
      coded('57P01'),
      coded('SQLITE_BUSY'),
      new Error('Connection terminated unexpectedly'),
    ]) {
      expect(isStorageUnavailable(error), error.message).toBe(true);
      expect(isCausedByRequest(error), error.message).toBe(false);
    }
    for (const error of [
      coded('22P05'),
      coded('22021'),
      coded('54001'),
      new RangeError('Maximum call stack size exceeded'),
    ]) {
      expect(isCausedByRequest(error), error.message).toBe(true);
      expect(isStorageUnavailable(error), error.message).toBe(false);
    }
    expect(isCausedByRequest(new TypeError('x is undefined'))).toBe(false);
    expect(isStorageUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
