import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './context.js';
import { ApiError } from './errors.js';

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

const payloadTooLarge = () =>
  // The rest of the body is never read, so the connection cannot carry another request: close it,
  // or a keep-alive client would send its next request into the unread bytes.
  new ApiError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes (1 MiB)`, {
    headers: { Connection: 'close' },
  });

/** Counts a chunked body as it streams in. Wrapping the body in a stream costs, so only chunked bodies pay it. */
const limitStreamedBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw payloadTooLarge();
  },
});

/**
 * 413 past 1 MiB. A declared `Content-Length` is checked up front (Node's parser never delivers more
 * than it declares); a chunked body is counted as it arrives.
 */
export const limitBodySize: MiddlewareHandler<AppEnv> = async (c, next) => {
  const length = c.req.header('content-length');
  if (length !== undefined) {
    if (Number(length) > MAX_BODY_BYTES) throw payloadTooLarge();
    return next();
  }
  if (c.req.header('transfer-encoding') === undefined) return next();
  return limitStreamedBody(c, next);
};
