import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { createMetrics } from './metrics.js';

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  key = await server.createApp('metered');
});
afterAll(() => server.close());

const sessionEvent = {
  event_category: 'session',
  event_type: 'created',
  entity_type: 'session',
  entity_id: 's1',
  user_id: 'u',
};

/** The value of one sample in /metrics, 0 when the series is absent. */
async function sample(series: string): Promise<number> {
  const metrics = await (await server.request('/metrics')).text();
  const line = metrics.split('\n').find((text) => text.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('/metrics for the operators’ alerts', () => {
  it('times storage calls by operation, beneath the API key cache', async () => {
    const keyLookups = 'oriva_db_query_duration_seconds_count{operation="apps.findKeyByHash"}';
    const inserts = 'oriva_db_query_duration_seconds_count{operation="events.insert"}';
    const [lookupsBefore, insertsBefore] = [await sample(keyLookups), await sample(inserts)];
    for (const _ of [1, 2]) {
      const response = await server.request('/api/v1/apps/metered/events', {
        method: 'POST',
        token: key,
        json: sessionEvent,
      });
      expect(response.status).toBe(200);
    }
    expect(await sample(inserts)).toBe(insertsBefore + 2);
    expect(await sample('oriva_db_query_duration_seconds_bucket{le="+Inf",operation="events.insert"}')).toBe(
      insertsBefore + 2,
    );
    // On SQLite the second request finds its key in the cache (PostgreSQL has none): a map lookup is
    // not a query and must not dilute p95.
    const cached = server.databaseFile !== undefined;
    expect(await sample(keyLookups)).toBeLessThanOrEqual(lookupsBefore + (cached ? 1 : 2));
  });

  it('exports publish failures from the start, at 0, so their rate is known before the first one', async () => {
    const fresh = await startTestServer();
    try {
      const metrics = await (await fresh.request('/metrics')).text();
      expect(metrics).toContain('oriva_event_publish_failures_total{reason="unavailable"} 0');
      expect(metrics).toContain('oriva_event_publish_failures_total{reason="error"} 0');
      expect(metrics).toContain('oriva_webhook_deliveries_total{outcome="failed"} 0');
    } finally {
      await fresh.close();
    }
  });

  // Breaking the database under a running server is done with a SQLite trigger; PostgreSQL's suite runs the rest.
  it.skipIf(process.env.ORIVA_TEST_STORAGE === 'postgres')(
    'counts an event the database refused as a publish failure and a failed query',
    async () => {
      const failuresBefore = await sample('oriva_event_publish_failures_total{reason="error"}');
      const errorsBefore = await sample('oriva_db_query_errors_total{operation="events.insert"}');
      const db = new Database(server.databaseFile!);
      db.exec(
        `CREATE TRIGGER refuse_events BEFORE INSERT ON platform_events BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
      );
      try {
        const response = await server.request('/api/v1/apps/metered/events', {
          method: 'POST',
          token: key,
          json: sessionEvent,
        });
        expect(response.status).toBe(500);
      } finally {
        db.exec('DROP TRIGGER refuse_events');
        db.close();
      }
      expect(await sample('oriva_event_publish_failures_total{reason="error"}')).toBe(failuresBefore + 1);
      expect(await sample('oriva_db_query_errors_total{operation="events.insert"}')).toBe(errorsBefore + 1);
      // Refusals that the request caused are not failures of the platform.
      const invalid = await server.request('/api/v1/apps/metered/events', { method: 'POST', token: key, json: {} });
      expect(invalid.status).toBe(400);
      expect(await sample('oriva_event_publish_failures_total{reason="error"}')).toBe(failuresBefore + 1);
    },
  );
});

describe('createMetrics', () => {
  it('still answers the scrape when storage cannot be read, with the values it could not read as NaN', async () => {
    const down = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const metrics = createMetrics({ pendingDeliveries: down, webhooks: down });
    const text = await metrics.registry.metrics();
    // prom-client writes "Nan"; Prometheus parses any case of it.
    expect(text).toMatch(/^oriva_webhook_queue_depth nan$/im);
    expect(text).toMatch(/^oriva_webhooks\{state="active"\} nan$/im);
  });
});
