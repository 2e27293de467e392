/**
 * The PostgreSQL ceiling: the least the PostgreSQL paths can cost on this stack. A bare Hono app on @hono/node-server
 * with a `pg` pool made exactly as the server makes its own (packages/server/src/storage/postgres/db.ts: same pool
 * size, prepared statements, type parsers, search_path), running the very statements the server's storage runs,
 * imported from it — no authentication, validation, group commit, outbox, rollups or events lock:
 *
 * - `POST /api/v1/apps/:app_id/events`: the event insert (`INSERT_EVENTS`) with one row, committed alone;
 * - `POST /api/v1/apps/:app_id/events/batch`: the same statement with every event of the body, committed alone;
 * - `GET /api/v1/users/:user_id/notifications`: the feed's page and count statements (`notificationListSql`, default
 *   query: live notifications, 50 per page + 1 to see if there are more), run at once as the server runs them,
 *   answered as JSON.
 *
 * Run: `BENCH_PORT=<port> BENCH_PG_URL=<url> BENCH_PG_SCHEMA=<schema> [BENCH_PG_POOL_SIZE=20]
 *   node --import tsx bench/lib/bare-pg-server.ts` (listens on 127.0.0.1; the schema must be migrated).
 */
import { Hono } from 'hono';
import { createPool } from '../../packages/server/src/storage/postgres/db.js';
import { INSERT_EVENTS, insertEventsValues } from '../../packages/server/src/storage/postgres/sql/events.js';
import { notificationListSql } from '../../packages/server/src/storage/postgres/sql/notifications.js';
import type { EventRecord } from '../../packages/server/src/storage/types.js';
import { serveOnBenchPort } from './bare-server.js';
import { eventId } from './event-id.js';

const url = process.env.BENCH_PG_URL;
const schema = process.env.BENCH_PG_SCHEMA;
if (!url || !schema) {
  process.stderr.write('bare-pg: BENCH_PG_URL and BENCH_PG_SCHEMA must be set\n');
  process.exit(1);
}
// The server's default ORIVA_DATABASE_POOL_SIZE.
const pool = createPool({ url, schema, poolSize: Number(process.env.BENCH_PG_POOL_SIZE ?? '20') });
pool.on('error', () => {});

type EventBody = Partial<Record<'user_id' | 'event_category' | 'event_type' | 'entity_type' | 'entity_id', string>> & {
  event_data?: unknown;
};

function record(appId: string, body: EventBody, timestamp: string): EventRecord {
  return {
    id: eventId(),
    app_id: appId,
    user_id: body.user_id ?? null,
    event_category: String(body.event_category),
    event_type: String(body.event_type),
    entity_type: String(body.entity_type),
    entity_id: String(body.entity_id),
    event_data: JSON.stringify(body.event_data ?? {}),
    timestamp,
    ip_address: '127.0.0.1',
    user_agent: null,
  };
}

const app = new Hono();

app.get('/healthz', async (c) => {
  await pool.query('SELECT 1');
  return c.json({ status: 'ok' });
});

app.post('/api/v1/apps/:app_id/events', async (c) => {
  const timestamp = new Date().toISOString();
  const event = record(c.req.param('app_id'), (await c.req.json()) as EventBody, timestamp);
  await pool.query(INSERT_EVENTS, insertEventsValues([event]));
  return c.json({ success: true, event_id: event.id, timestamp });
});

app.post('/api/v1/apps/:app_id/events/batch', async (c) => {
  const body = (await c.req.json()) as { events?: EventBody[] };
  const timestamp = new Date().toISOString();
  const events = (body.events ?? []).map((e) => record(c.req.param('app_id'), e, timestamp));
  await pool.query(INSERT_EVENTS, insertEventsValues(events));
  return c.json({ success: true, count: events.length, events: events.map((e) => ({ event_id: e.id, timestamp })) });
});

app.get('/api/v1/users/:user_id/notifications', async (c) => {
  const { page, count, values, countValues } = notificationListSql({
    user_id: c.req.param('user_id'),
    status: 'live',
    now: new Date().toISOString(),
    limit: 51,
    offset: 0,
  });
  const [items, total] = await Promise.all([pool.query(page, values), pool.query(count, countValues)]);
  return c.json({ success: true, notifications: items.rows.slice(0, 50), total: total.rows[0]?.total });
});

serveOnBenchPort(app, 'bare-pg');
process.once('exit', () => void pool.end());
