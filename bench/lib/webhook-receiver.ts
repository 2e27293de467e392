/**
 * A webhook receiver for the `webhooks` suite, run in its own child process (`startCeiling({ script })`, listens on
 * `BENCH_PORT`, 127.0.0.1).
 *
 * - `BENCH_RECEIVER_MODE=ok` (default): `POST /hook` answers 200 at once; on arrival it records `Date.now()`, the
 *   `webhook-id` header, the body's `id` and `Date.now() - Date.parse(body.timestamp)` (same machine, same clock).
 * - `BENCH_RECEIVER_MODE=hang`: `POST /hook` is counted and never answered — the connection is held open until the
 *   sender gives up (a dead endpoint that accepts connections).
 *
 * `GET /stats` returns everything recorded since the last `POST /reset` (`GET /count`: just the counts); `GET /healthz`
 * answers 200.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const port = Number(process.env.BENCH_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('BENCH_PORT must be a port number');
const hang = process.env.BENCH_RECEIVER_MODE === 'hang';

export interface ReceiverStats {
  mode: 'ok' | 'hang';
  /** POST /hook requests seen (held ones included). */
  requests: number;
  /** Held requests (hang mode) still open now, and the most open at once. */
  held: number;
  maxHeld: number;
  /** Requests whose body was not JSON with a string `id` and a parseable `timestamp`. */
  malformed: number;
  /** Requests without the `webhook-id`, `webhook-timestamp` or `webhook-signature` header. */
  missingHeaders: number;
  webhookIds: string[];
  eventIds: string[];
  /** Arrival minus body timestamp, ms. */
  latencies: number[];
  /** Arrival times (`Date.now()`). */
  arrivals: number[];
  bodyBytes: number;
  /** The first body received, as text (for shaping the raw ceiling's body). */
  sample: string | null;
  sampleHeaders: Record<string, string> | null;
}

let stats: ReceiverStats = fresh();

function fresh(): ReceiverStats {
  return {
    mode: hang ? 'hang' : 'ok',
    requests: 0,
    held: 0,
    maxHeld: 0,
    malformed: 0,
    missingHeaders: 0,
    webhookIds: [],
    eventIds: [],
    latencies: [],
    arrivals: [],
    bodyBytes: 0,
    sample: null,
    sampleHeaders: null,
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

function hook(req: IncomingMessage, res: ServerResponse, arrived: number): void {
  stats.requests++;
  if (hang) {
    req.resume(); // read and discard the body, never answer
    const s = stats;
    s.held++;
    s.maxHeld = Math.max(s.maxHeld, s.held);
    res.once('close', () => {
      s.held--;
    });
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    const text = Buffer.concat(chunks).toString('utf8');
    const webhookId = header(req, 'webhook-id');
    if (webhookId === undefined || !header(req, 'webhook-timestamp') || !header(req, 'webhook-signature')) {
      stats.missingHeaders++;
    }
    let id: unknown;
    let ts = Number.NaN;
    try {
      const body = JSON.parse(text) as { id?: unknown; timestamp?: unknown };
      id = body.id;
      if (typeof body.timestamp === 'string') ts = Date.parse(body.timestamp);
    } catch {
      // counted below
    }
    if (typeof id !== 'string' || !Number.isFinite(ts)) {
      stats.malformed++;
      return;
    }
    stats.webhookIds.push(webhookId ?? '');
    stats.eventIds.push(id);
    stats.latencies.push(arrived - ts);
    stats.arrivals.push(arrived);
    stats.bodyBytes += text.length;
    if (stats.sample === null) {
      stats.sample = text;
      stats.sampleHeaders = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'content-type', 'user-agent'].flatMap((h) => {
          const v = header(req, h);
          return v === undefined ? [] : [[h, v]];
        }),
      );
    }
  });
}

const server = createServer((req, res) => {
  const arrived = Date.now();
  if (req.method === 'POST' && req.url === '/hook') return hook(req, res, arrived);
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200).end('ok');
  } else if (req.method === 'GET' && req.url === '/count') {
    // A cheap progress probe (GET /stats serialises every record).
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ requests: stats.requests, received: stats.eventIds.length }));
  } else if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
  } else if (req.method === 'POST' && req.url === '/reset') {
    stats = fresh();
    res.writeHead(204).end();
  } else {
    res.writeHead(404).end();
  }
  req.resume();
});
// A held request must stay open until the sender times out; nothing here may cut it first.
server.requestTimeout = 0;
server.headersTimeout = 60_000;
server.keepAliveTimeout = 30_000;
server.timeout = 0;
server.listen(port, '127.0.0.1');
