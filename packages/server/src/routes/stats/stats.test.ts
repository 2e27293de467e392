import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../../testing/harness.js';
import { startReceiver } from '../webhooks/receiver.test-support.js';

let server: TestServer;
let key: string;
let otherKey: string;
const USER = 'user_stats';

interface Totals {
  events: { total: number; by_type: Record<string, number> };
  notifications: Record<string, number> & { by_type: Record<string, Record<string, number>> };
  webhooks: {
    attempts: number;
    succeeded: number;
    failed: number;
    exhausted: number;
    latency_ms: { p50: number | null; p95: number | null; p99: number | null };
    failing_endpoints: Array<{
      webhook_id: string;
      attempts: number;
      failed: number;
      failure_rate: number;
      alerting: boolean;
    }>;
  };
  stream: { opened: number; peak: number };
  rates: Record<string, number | null>;
}
interface Report {
  from: string;
  to: string;
  interval: string;
  totals: Totals;
  series: Array<{ start: string; events: number; notifications: Record<string, number> }>;
  targets: Array<{ metric: string; comparison: string; target: number; value: number | null; met: boolean | null }>;
  apps?: Array<{ app_id: string; totals: Totals }>;
  error?: { code: string; fields: Array<{ path: string }> };
}

beforeAll(async () => {
  // Failed attempts retry on the design document's schedule, a hundred times faster.
  server = await startTestServer({ ORIVA_WEBHOOK_BACKOFF_SCALE: '0.01' });
  key = await server.createApp('stats-app');
  otherKey = await server.createApp('stats-other');
});
afterAll(() => server.close());

const stats = async (query: string, token = key, path = '/api/v1/apps/stats-app/stats') => {
  const response = await server.request(`${path}?${query}`, { token });
  return { status: response.status, body: (await response.json()) as Report };
};

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const recent = () => `from=${encodeURIComponent(new Date(Date.now() - 10 * 60_000).toISOString())}&interval=minute`;

describe('GET /api/v1/apps/{app_id}/stats after a known sequence', () => {
  beforeAll(async () => {
    // Five notifications, all delivered to the user's feed; then their user reads, clicks and dismisses.
    const ids: string[] = [];
    for (const [index, type] of ['reminder', 'reminder', 'reminder', 'digest', 'digest'].entries()) {
      const created = await server.request('/api/v1/apps/stats-app/notifications', {
        method: 'POST',
        token: key,
        json: { external_id: `n${index}`, user_id: USER, notification_type: type, title: 'T', body: 'B' },
      });
      expect(created.status).toBe(201);
      ids.push(((await created.json()) as { notification_id: string }).notification_id);
    }
    const token = await server.userToken(USER);
    expect((await server.request(`/api/v1/users/${USER}/notifications`, { token })).status).toBe(200);
    const move = async (index: number, status: string) => {
      const response = await server.request(`/api/v1/notifications/${ids[index]}`, {
        method: 'PATCH',
        token,
        json: { status },
      });
      expect(response.status, await response.clone().text()).toBe(200);
    };
    await move(0, 'read'); // seen
    await move(1, 'clicked'); // seen, acted
    await move(2, 'dismissed'); // seen, acted
    await move(0, 'clicked'); // acted (seen already)
    await move(4, 'read'); // seen
    await move(4, 'unread');
    await move(4, 'read'); // a second read, not a second view
    // notification 3 is delivered and never seen.

    // Two endpoints: one answers 200, one always 500 with no retries (each delivery exhausted at once).
    const ok = await startReceiver();
    const failing = await startReceiver([{ status: 500 }, { status: 500 }]);
    const subscribe = async (url: string, extra: object) => {
      const response = await server.request('/api/v1/apps/stats-app/webhooks', {
        method: 'POST',
        token: key,
        json: { webhook_url: url, subscribed_events: ['session.*'], ...extra },
      });
      expect(response.status).toBe(201);
    };
    await subscribe(ok.url, {});
    await subscribe(failing.url, { max_retries: 0 });
    for (const entity of ['s1', 's2']) {
      const published = await server.request('/api/v1/apps/stats-app/events', {
        method: 'POST',
        token: key,
        json: {
          event_category: 'session',
          event_type: 'started',
          entity_type: 'session',
          entity_id: entity,
          user_id: USER,
        },
      });
      expect(published.status).toBe(200);
    }
    await server.request('/api/v1/apps/stats-other/events', {
      method: 'POST',
      token: otherKey,
      json: { event_category: 'task', event_type: 'done', entity_type: 'task', entity_id: 't1', user_id: USER },
    });
    await until(
      () => stats(recent()),
      ({ body }) => body.totals?.webhooks.attempts === 4,
    );
    await ok.close();
    await failing.close();

    // One stream connection on the app's key.
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/events/stream?auth=${key}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await until(
      () => stats(recent()),
      ({ body }) => body.totals?.stream.opened === 1,
    );
    ws.close();
  });

  it('counts notifications, states, events, webhook attempts and streams, with the rates', async () => {
    const { status, body } = await stats(recent());
    expect(status).toBe(200);
    const { totals } = body;
    expect(totals.notifications).toMatchObject({
      created: 5,
      delivered: 5,
      seen: 4,
      read: 3,
      clicked: 2,
      dismissed: 1,
      acted: 3,
      expired: 0,
      expired_undelivered: 0,
    });
    expect(totals.notifications.by_type.digest).toMatchObject({ created: 2, delivered: 2, seen: 1, read: 2 });
    expect(totals.events.by_type['session.started']).toBe(2);
    expect(totals.events.by_type['notification.created']).toBe(5);
    expect(totals.events.by_type['task.done']).toBeUndefined();
    expect(totals.webhooks).toMatchObject({ attempts: 4, succeeded: 2, failed: 2, exhausted: 2 });
    expect(totals.webhooks.latency_ms.p50).toEqual(expect.any(Number));
    expect(totals.webhooks.failing_endpoints).toEqual([
      { webhook_id: expect.stringMatching(/^wh_/), attempts: 2, failed: 2, failure_rate: 1, alerting: false },
    ]);
    expect(totals.stream).toEqual({ opened: 1, peak: 1 });
    expect(totals.rates).toEqual({
      view_rate: 0.8,
      action_rate: 0.6,
      delivery_failure_rate: 0,
      webhook_success_rate: 0.5,
    });
    const target = (metric: string) => body.targets.find((entry) => entry.metric === metric);
    expect(target('view_rate')).toEqual({
      metric: 'view_rate',
      comparison: 'at_least',
      target: 0.8,
      value: 0.8,
      met: true,
    });
    expect(target('webhook_success_rate')).toMatchObject({ target: 0.95, value: 0.5, met: false });
    expect(target('delivery_failure_rate')).toMatchObject({ comparison: 'at_most', target: 0.05, met: true });
  });

  it('gives one point per bucket whose sums are the totals, at every interval', async () => {
    const { body } = await stats(recent());
    expect(body.series.length).toBeGreaterThanOrEqual(10);
    expect(body.series.length).toBeLessThanOrEqual(11);
    expect(body.series.reduce((sum, point) => sum + point.events, 0)).toBe(body.totals.events.total);
    expect(body.series.reduce((sum, point) => sum + point.notifications.created!, 0)).toBe(5);
    for (const interval of ['hour', 'day']) {
      const { body: coarse } = await stats(`interval=${interval}`);
      expect(coarse.totals.notifications).toMatchObject({ created: 5, seen: 4, acted: 3 });
      expect(coarse.totals.webhooks.attempts).toBe(4);
    }
    // A range before any of it holds nothing.
    const { body: before } = await stats('from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z&interval=day');
    expect(before.series).toHaveLength(1);
    expect(before.totals.events.total).toBe(0);
    expect(before.totals.rates.view_rate).toBeNull();
  });

  it("gives the operator every app's totals and the whole", async () => {
    const { status, body } = await stats(recent(), server.adminToken, '/api/v1/admin/stats');
    expect(status).toBe(200);
    const apps = Object.fromEntries(body.apps!.map((entry) => [entry.app_id, entry.totals]));
    expect(apps['stats-other']!.events.total).toBe(1);
    expect(apps['stats-app']!.notifications.created).toBe(5);
    expect(body.totals.events.total).toBe(apps['stats-app']!.events.total + 1);
    // The admin may read one app's stats too.
    expect((await stats(recent(), server.adminToken)).status).toBe(200);
  });

  it("refuses another app's key, users and anonymous callers", async () => {
    expect((await stats(recent(), otherKey)).status).toBe(403);
    expect((await stats(recent(), key, '/api/v1/admin/stats')).status).toBe(403);
    expect((await stats(recent(), await server.userToken(USER))).status).toBe(403);
    expect((await server.request('/api/v1/apps/stats-app/stats')).status).toBe(401);
  });

  it('refuses bad ranges with a 400 naming the field', async () => {
    const field = async (query: string) => {
      const { status, body } = await stats(query);
      expect(status, query).toBe(400);
      expect(body.error!.code).toBe('validation_failed');
      return body.error!.fields[0]!.path;
    };
    expect(await field('from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z')).toBe('to');
    expect(await field('from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z')).toBe('to');
    expect(await field('from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z&interval=minute')).toBe('interval');
    expect(await field('from=yesterday')).toBe('from');
    expect(await field('interval=week')).toBe('interval');
    expect(await field('bucket=1')).toBe('bucket');
  });
});
