/**
 * The feed suite's ceiling: the least a notification-feed endpoint on this stack can cost. A bare Hono app on
 * @hono/node-server, in its own process (like the real server), on the real route, that answers every request with a
 * prebuilt page — a real response body captured from the Oriva server, parsed once at start — serialised per request
 * by `c.json`. No authentication, no validation, no database.
 *
 * Run: `BENCH_PORT=<port> BENCH_FEED_PAGE_FILE=<json file> node --import tsx bench/lib/bare-feed-server.ts`
 * (listens on 127.0.0.1).
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { serveOnBenchPort } from './bare-server.js';

const pageFile = process.env.BENCH_FEED_PAGE_FILE;
if (!pageFile) {
  process.stderr.write('bare-feed: BENCH_FEED_PAGE_FILE (a JSON response body to serve) is not set\n');
  process.exit(1);
}
const page = JSON.parse(readFileSync(pageFile, 'utf8')) as Record<string, unknown>;

const app = new Hono();

app.get('/healthz', (c) => c.json({ status: 'ok' }));

app.get('/api/v1/users/:user_id/notifications', (c) => c.json(page));

serveOnBenchPort(app, 'bare-feed');
