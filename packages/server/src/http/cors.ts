import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from '../config/env.js';
import type { AppEnv } from './context.js';

/**
 * Cross-origin access for browsers using the SDK with a user token. Credentials travel in the
 * Authorization header, never cookies, so no `credentials` mode is needed. The SDK reads the
 * exposed headers to retry correctly and to report request ids.
 */
export function corsFor(config: Config): MiddlewareHandler<AppEnv> | undefined {
  if (config.corsOrigins.length === 0) return undefined;
  const allowed = new Set(config.corsOrigins);
  const handle = cors({
    origin: allowed.has('*') ? '*' : (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'x-oriva-sdk'],
    exposeHeaders: [
      'X-Request-Id',
      'Retry-After',
      'retry-after-ms',
      'x-should-retry',
      'Idempotent-Replayed',
      'RateLimit',
      'RateLimit-Policy',
      'Oriva-Undeclared-Types',
    ],
    maxAge: 600,
  });
  // Only browsers send Origin; servers calling the API skip the middleware and its header work.
  return (c, next) => (c.req.header('origin') === undefined ? next() : handle(c, next));
}
