import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../core/errors.js';
import type { AppEnv } from './context.js';

export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** 415 for a body that is not JSON: the API speaks nothing else, and saying so beats a confusing 400. */
export const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const length = c.req.header('content-length');
    const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    const type = c.req.header('content-type');
    if (hasBody && !(type && JSON_CONTENT_TYPE.test(type))) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Send the body as JSON with "Content-Type: application/json"${type ? ` (got "${type}")` : ''}`,
      );
    }
  }
  await next();
};

/**
 * How much of a refused body is read and thrown away before answering. A client still sending when
 * the server closes gets a reset (EPIPE, ECONNRESET) instead of the 413, since the kernel answers
 * unread bytes with a RST; reading to the end first lets it read the answer. Past this much the
 * connection is closed anyway. 64 MiB is @hono/node-server's own bound for draining a request.
 */
export const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;

const payloadTooLarge = () =>
  // Closed after the answer: a body that stopped being read at MAX_DISCARDED_BYTES leaves bytes that a
  // keep-alive client's next request would be read after.
  new ApiError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes (1 MiB)`, {
    headers: { Connection: 'close' },
  });

/** Reads the rest of a body and drops it, up to `MAX_DISCARDED_BYTES`. */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead = 0): Promise<void> {
  let discarded = alreadyRead;
  while (discarded <= MAX_DISCARDED_BYTES) {
    const { done, value } = await reader.read();
    if (done) return;
    discarded += value.byteLength;
  }
}

/** Counts a chunked body as it streams in, keeping it for the handlers while within the limit. */
async function readChunkedWithin(c: Context<AppEnv>, body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      chunks.length = 0;
      await discardRest(reader, size);
      throw payloadTooLarge();
    }
    chunks.push(value);
  }
  c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks, size) });
}

/**
 * 413 past 1 MiB, read to the end (see `MAX_DISCARDED_BYTES`) so the client reads it. A declared
 * `Content-Length` is checked up front (Node's parser never delivers more than it declares); a
 * chunked body is counted as it arrives. Wrapping the body costs, so only chunked bodies pay it.
 */
export const limitBodySize: MiddlewareHandler<AppEnv> = async (c, next) => {
  // The body stream is only touched when it must be counted or discarded: opening it on every request
  // costs, and a stream opened but never read (a 401 before the handler) stalls the server's own drain
  // of the unread body, which then closes the keep-alive connection under the client.
  const length = c.req.header('content-length');
  if (length !== undefined) {
    if (Number(length) <= MAX_BODY_BYTES) return next();
    const body = c.req.raw.body;
    if (body) await discardRest(body.getReader());
    throw payloadTooLarge();
  }
  if (c.req.header('transfer-encoding') === undefined) return next();
  const body = c.req.raw.body;
  if (body) await readChunkedWithin(c, body);
  return next();
};
