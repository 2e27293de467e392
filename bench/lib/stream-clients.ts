/**
 * A client child process for the `stream` suite: opens `BENCH_STREAM_COUNT` WebSocket connections to
 * `BENCH_STREAM_URL` (from the source address `BENCH_STREAM_LOCAL_ADDRESS`, a 127.x.y.z address, so that several
 * children do not share one pool of ephemeral ports), at most `BENCH_STREAM_CONCURRENCY` handshakes in flight, and
 * records for every event frame (one with `event_id` and `timestamp`) the latency `Date.now() - Date.parse(timestamp)`
 * (same machine, same clock, 1 ms steps) into a histogram, and how many connections received each event id.
 *
 * A small `node:http` control server on `BENCH_PORT` (127.0.0.1) answers `GET /healthz`, `GET /stats` (a
 * `StreamClientStats`) and `POST /reset` (clears the latency histogram and the per-event counts). SIGTERM closes every
 * socket and exits. Connections are opened once, at start; a failed one is counted, not retried.
 *
 * Run: `BENCH_PORT=<port> BENCH_STREAM_URL=ws://… BENCH_STREAM_COUNT=5000 node --import tsx bench/lib/stream-clients.ts`
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

/** The little of the `ws` client API used here (the package is resolved from packages/server). */
interface WsSocket {
  on(event: string, listener: (...args: never[]) => void): void;
  terminate(): void;
}
type WsConstructor = new (url: string, options: Record<string, unknown>) => WsSocket;

const require = createRequire(import.meta.url);
const WebSocket = require('../../packages/server/node_modules/ws') as WsConstructor;

export interface StreamClientStats {
  /** Connections asked for, attempted so far, open now, that got the `ready` frame, that ended (closed or failed). */
  count: number;
  attempted: number;
  open: number;
  ready: number;
  /** Connections that either got `ready` or ended before it: when it equals `count`, connecting is over. */
  settled: number;
  closed: number;
  errors: number;
  closeCodes: Record<string, number>;
  errorSamples: string[];
  /** Milliseconds from start until `settled` reached `count` (or null). */
  connectMs: number | null;
  /** Event frames since the last reset, frames that were not JSON or had no usable timestamp. */
  frames: number;
  badFrames: number;
  /** Connections that received each event id since the last reset. */
  byEvent: Record<string, number>;
  /** Latency histogram since the last reset: whole milliseconds → frames. */
  hist: Record<string, number>;
}

const url = process.env.BENCH_STREAM_URL;
const count = Number(process.env.BENCH_STREAM_COUNT ?? '0');
const localAddress = process.env.BENCH_STREAM_LOCAL_ADDRESS || undefined;
const concurrency = Math.max(1, Number(process.env.BENCH_STREAM_CONCURRENCY ?? '100'));
if (!url || !Number.isInteger(count) || count <= 0) {
  process.stderr.write('stream-clients: BENCH_STREAM_URL and BENCH_STREAM_COUNT (> 0) must be set\n');
  process.exit(1);
}

const t0 = Date.now();
const sockets = new Set<WsSocket>();
const stats: StreamClientStats = {
  count,
  attempted: 0,
  open: 0,
  ready: 0,
  settled: 0,
  closed: 0,
  errors: 0,
  closeCodes: {},
  errorSamples: [],
  connectMs: null,
  frames: 0,
  badFrames: 0,
  byEvent: {},
  hist: {},
};
let byEvent = new Map<string, number>();
let hist = new Map<number, number>();
let pending = 0;
let stopping = false;

function settle(): void {
  stats.settled++;
  if (stats.settled === count && stats.connectMs === null) stats.connectMs = Date.now() - t0;
}

function onFrame(data: Buffer): void {
  const now = Date.now();
  let frame: { event_id?: unknown; timestamp?: unknown; control?: unknown };
  try {
    frame = JSON.parse(data.toString('utf8')) as typeof frame;
  } catch {
    stats.badFrames++;
    return;
  }
  if (typeof frame.event_id !== 'string' || typeof frame.timestamp !== 'string') return;
  const at = Date.parse(frame.timestamp);
  if (!Number.isFinite(at)) {
    stats.badFrames++;
    return;
  }
  stats.frames++;
  const latency = now - at;
  hist.set(latency, (hist.get(latency) ?? 0) + 1);
  byEvent.set(frame.event_id, (byEvent.get(frame.event_id) ?? 0) + 1);
}

function openOne(): void {
  stats.attempted++;
  pending++;
  let isReady = false;
  let ended = false;
  let handshaking = true;
  const doneHandshake = () => {
    if (!handshaking) return;
    handshaking = false;
    pending--;
    pump();
  };
  const ws = new WebSocket(url!, { localAddress, handshakeTimeout: 30_000, perMessageDeflate: false });
  sockets.add(ws);
  ws.on('open', () => {
    stats.open++;
    doneHandshake();
  });
  ws.on('message', (data: Buffer) => {
    if (!isReady) {
      // The first frame must be `{"control":"ready",…}`.
      isReady = true;
      stats.ready++;
      settle();
      return;
    }
    onFrame(data);
  });
  ws.on('error', (err: Error) => {
    stats.errors++;
    if (stats.errorSamples.length < 5) stats.errorSamples.push(err.message);
  });
  ws.on('close', (code: number) => {
    if (ended) return;
    ended = true;
    sockets.delete(ws);
    stats.closed++;
    stats.closeCodes[String(code)] = (stats.closeCodes[String(code)] ?? 0) + 1;
    if (handshaking) doneHandshake();
    else stats.open--;
    if (!isReady) settle();
  });
}

function pump(): void {
  // Bounded: at most `count` connections in all, at most `concurrency` handshakes at a time.
  while (!stopping && pending < concurrency && stats.attempted < count) openOne();
}

const control = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  } else if (req.method === 'GET' && req.url === '/stats') {
    stats.byEvent = Object.fromEntries(byEvent);
    stats.hist = Object.fromEntries([...hist].map(([k, v]) => [String(k), v]));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
  } else if (req.method === 'POST' && req.url === '/reset') {
    byEvent = new Map();
    hist = new Map();
    stats.frames = 0;
    stats.badFrames = 0;
    res.writeHead(204).end();
  } else {
    res.writeHead(404).end();
  }
});
control.listen(Number(process.env.BENCH_PORT ?? '0'), '127.0.0.1', () => {
  process.stdout.write(`stream-clients: control on 127.0.0.1, opening ${count} connections to the stream\n`);
  pump();
});

const shutdown = () => {
  stopping = true;
  for (const ws of sockets) ws.terminate();
  control.close();
  setTimeout(() => process.exit(0), 200).unref();
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
