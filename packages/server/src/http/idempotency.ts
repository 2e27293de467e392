import { hash } from 'node:crypto';
import { IdempotencyKey } from '@oriva/contract';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { principalScope } from '../auth/principal.js';
import { ApiError, errors } from '../core/errors.js';
import type { AppEnv, Deps } from './context.js';

/** How long a key is remembered. Stripe keeps them 24 hours; retries come long before that. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * `Idempotency-Key` on a POST: the first request with a key is handled and its response stored;
 * the same key and body again gets that stored response; another body gets 409. A key whose first
 * request is still running gets a retryable 409, so two concurrent duplicates never both execute.
 */
export function idempotency(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!IdempotencyKey.safeParse(key).success) {
      throw new ApiError(
        400,
        'invalid_idempotency_key',
        'Idempotency-Key must be 1-255 printable ASCII characters (space to tilde)',
        {
          fields: [
            {
              path: 'Idempotency-Key',
              code: 'invalid_idempotency_key',
              message: 'must be 1-255 printable ASCII characters',
            },
          ],
        },
      );
    }
    const scope = principalScope(c.get('principal')!);
    const body = await c.req.text();
    seedParsedBody(c, body);
    const requestHash = hash('sha256', `${c.req.method} ${c.req.path}\n${body}`, 'base64url');
    const reservation = await deps.storage.idempotency.reserve(scope, key, requestHash, new Date().toISOString());

    if (!reservation.reserved) {
      const { existing } = reservation;
      if (existing.request_hash !== requestHash) {
        throw errors.conflict(
          'This Idempotency-Key was already used with a different request; use a new key for a new request',
          'idempotency_key_reused',
        );
      }
      if (existing.status === null) {
        throw new ApiError(
          409,
          'idempotency_request_in_progress',
          'A request with this Idempotency-Key is still being handled; retry shortly',
          {
            headers: { 'Retry-After': '1' },
            retryable: true,
          },
        );
      }
      c.header('Idempotent-Replayed', 'true');
      return c.body(existing.response_body ?? '', existing.status as ContentfulStatusCode, {
        'content-type': 'application/json',
      });
    }

    const captured = captureJsonResponse(c);
    await next();
    const status = c.res.status;
    // Failures that a retry may cure (5xx, 429) are forgotten so the retry runs for real.
    if (status >= 500 || status === 429 || captured.body === undefined) {
      await deps.storage.idempotency.release(scope, key);
    } else {
      await deps.storage.idempotency.complete(scope, key, status, captured.body);
    }
  };
}

/**
 * Hands the already-read body to hono's validator as parsed JSON. Otherwise it re-reads the text
 * through a new Response, and that web-stream detour costs more than the rest of the request.
 */
function seedParsedBody(c: Context, body: string): void {
  try {
    c.req.bodyCache.json = Promise.resolve(JSON.parse(body));
  } catch {
    // Malformed JSON: leave it to the validator, which answers 400 malformed_json.
  }
}

/**
 * Records the JSON a handler (or the error handler) answers with, as it is serialized. Reading it
 * back from the finished Response would need `clone()`, which tees the body into web streams.
 */
function captureJsonResponse(c: Context): { body: string | undefined } {
  const captured: { body: string | undefined } = { body: undefined };
  const json = c.json.bind(c);
  c.json = ((object: unknown, ...rest: unknown[]) => {
    captured.body = JSON.stringify(object);
    return (json as (...args: unknown[]) => Response)(object, ...rest);
  }) as typeof c.json;
  return captured;
}
