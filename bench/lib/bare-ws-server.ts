/**
 * The `stream` suite's ceiling: the least a WebSocket event stream on this stack can cost. A bare `ws`
 * WebSocketServer on `node:http`, in its own process (like the real server), without per-message deflate (as the
 * real server). Every connection, on any path, gets a `{"control":"ready",…}` frame at once; `POST /broadcast` builds
 * one event frame of the real stream's shape (the design document's example event, `evt_` + 26-character id,
 * `timestamp` = now, `position`), serialises it once and sends it to every open connection, then answers
 * `{ event_id, timestamp, clients }`. No authentication, filters, storage or bus.
 *
 * Run: `BENCH_PORT=<port> node --import tsx bench/lib/bare-ws-server.ts` (listens on 127.0.0.1).
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { eventId } from './event-id.js';
import { sampleEvent } from './fixtures.js';

interface WsClient {
  readyState: number;
  send(data: string): void;
  terminate(): void;
}
interface WsServer {
  clients: Set<WsClient>;
  on(event: 'connection', listener: (ws: WsClient) => void): void;
  close(): void;
}
type WsServerConstructor = new (options: Record<string, unknown>) => WsServer;

const require = createRequire(import.meta.url);
const { WebSocketServer } = require('../../packages/server/node_modules/ws') as {
  WebSocketServer: WsServerConstructor;
};

const OPEN = 1;

let position = 0;

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (req.method === 'POST' && req.url === '/broadcast') {
    req.resume();
    const id = eventId();
    const timestamp = new Date().toISOString();
    position++;
    const frame = JSON.stringify({
      event_id: id,
      type: `${sampleEvent.event_category}.${sampleEvent.event_type}`,
      app_id: 'bench-stream',
      ...sampleEvent,
      timestamp,
      position,
    });
    let clients = 0;
    for (const ws of wss.clients) {
      if (ws.readyState === OPEN) {
        ws.send(frame);
        clients++;
      }
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ success: true, event_id: id, timestamp, clients }));
    return;
  }
  res.writeHead(404).end();
});

const wss = new WebSocketServer({ server, maxPayload: 64 * 1024, perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ control: 'ready', resume: 'none', position, events: ['*'] }));
});

server.listen(Number(process.env.BENCH_PORT ?? '0'), '127.0.0.1', () => {
  process.stdout.write('bare-ws listening on 127.0.0.1\n');
});

const shutdown = () => {
  for (const ws of wss.clients) ws.terminate();
  wss.close();
  server.close();
  setTimeout(() => process.exit(0), 300).unref();
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
