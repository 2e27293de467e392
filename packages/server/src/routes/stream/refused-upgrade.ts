import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/context.js';

/** Headers that describe the connection or the body framing: this answer sets its own. */
const FRAMING_HEADERS = new Set(['connection', 'content-length', 'keep-alive', 'transfer-encoding', 'upgrade']);

/**
 * Sends a refused WebSocket upgrade's whole answer: status, headers and the JSON error body.
 *
 * @hono/node-server (2.1.9, `rejectUpgradeRequest`) writes a refused upgrade's status and headers but
 * `Content-Length: 0` and no body, so a client saw `content-type: application/json` and nothing to
 * parse. This writes the response on the socket itself and destroys the socket once it is flushed;
 * node-server, finding the socket destroyed, writes nothing more. Outside node-server's upgrade path
 * (a plain request, `app.request` in tests) the response is left alone.
 */
export const answerRefusedUpgrade: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const env = c.env as { incoming?: IncomingMessage; outgoing?: unknown } | undefined;
  // node-server's upgrade listener passes the request without a response object to write to.
  if (!env?.incoming || env.outgoing !== undefined || c.res.status < 400) return;
  const socket = env.incoming.socket;
  if (socket.destroyed) return;
  const body = Buffer.from(await c.res.arrayBuffer());
  const head = [
    `HTTP/1.1 ${c.res.status} ${STATUS_CODES[c.res.status] ?? ''}`,
    'Connection: close',
    `Content-Length: ${body.length}`,
  ];
  c.res.headers.forEach((value, name) => {
    if (!FRAMING_HEADERS.has(name)) head.push(`${name}: ${value}`);
  });
  await new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]), () => resolve());
  });
  socket.destroy();
};
