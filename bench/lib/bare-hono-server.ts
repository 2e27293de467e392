/**
 * The ceiling: the least an ingest endpoint on this stack can do. A bare Hono app on @hono/node-server, run as its own
 * process (like the real server), on the same routes as Oriva. Each POST parses the JSON body and answers with the
 * same response shape as the real server — no auth check, no validation, no storage. Whatever the real server reaches
 * as a fraction of this is the figure worth tracking.
 *
 * Run: `BENCH_PORT=<port> node --import tsx bench/lib/bare-hono-server.ts` (listens on 127.0.0.1).
 */
import { Hono } from 'hono';
import { serveOnBenchPort } from './bare-server.js';
import { eventId } from './event-id.js';

const app = new Hono();

app.get('/healthz', (c) => c.json({ status: 'ok' }));

app.post('/api/v1/apps/:app_id/events', async (c) => {
  await c.req.json();
  return c.json({ success: true, event_id: eventId(), timestamp: new Date().toISOString() });
});

app.post('/api/v1/apps/:app_id/events/batch', async (c) => {
  const body = (await c.req.json()) as { events?: unknown[] };
  const n = Array.isArray(body.events) ? body.events.length : 0;
  const timestamp = new Date().toISOString();
  const events = Array.from({ length: n }, () => ({ event_id: eventId(), timestamp }));
  return c.json({ success: true, count: n, events });
});

serveOnBenchPort(app, 'bare-hono');
