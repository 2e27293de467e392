/**
 * The ceiling: the least an ingest endpoint on this stack can do. A bare Hono app on @hono/node-server, run as its own
 * process (like the real server), on the same routes as Oriva. Each POST parses the JSON body and answers with the
 * same response shape as the real server — no auth check, no validation, no storage. Whatever the real server reaches
 * as a fraction of this is the figure worth tracking.
 *
 * Run: `BENCH_PORT=<port> node --import tsx bench/lib/bare-hono-server.ts` (listens on 127.0.0.1).
 */
import { getRandomValues } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `evt_` + a 26-character ULID (10 time characters, 16 random), like the real server's ids. */
function eventId(): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const bytes = getRandomValues(new Uint8Array(16));
  let tail = '';
  for (const b of bytes) tail += CROCKFORD[b & 31];
  return `evt_${head}${tail}`;
}

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

const port = Number(process.env.BENCH_PORT ?? '0');
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`bare-hono listening on 127.0.0.1:${info.port}\n`);
});

const shutdown = () => {
  server.close();
  // Keep-alive sockets from the load generator may hold close() open; do not linger.
  setTimeout(() => process.exit(0), 500).unref();
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
