/**
 * `@oriva/webhook-verify/express`: Express (4 and 5) and Connect-style middleware. Typed structurally,
 * so `express` is not a dependency of this package.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebhookVerificationError } from './core/errors.js';
import type { RawBody, Secrets, VerifyOptions } from './core/types.js';
import { type ReadRawBodyOptions, readRawBody, sendWebhookError } from './http.js';
import { verify } from './index.js';

/** The parts of an Express request the adapter uses (Express's `Request` satisfies it). */
export interface ExpressRequestLike extends IncomingMessage {
  body?: unknown;
}

/** The parts of an Express response the adapter uses (Express's `Response` satisfies it). */
export interface ExpressResponseLike extends ServerResponse {
  locals?: Record<string, unknown>;
}

/** Options of {@link webhookMiddleware}. */
export interface ExpressWebhookOptions extends VerifyOptions, ReadRawBodyOptions {
  /** The endpoint's `whsec_...` secret, or several during a rotation. */
  secret: Secrets;
  /**
   * Called instead of the default response when verification fails. The default answers with the
   * error's status (401 for bad signatures, 500 for a misconfigured receiver) and
   * `{ success: false, error: { code, message } }`.
   */
  onError?: (
    error: WebhookVerificationError,
    req: ExpressRequestLike,
    res: ExpressResponseLike,
    next: (error?: unknown) => void,
  ) => void;
}

/**
 * Verifies the request in an Express handler and returns the event. Needs the raw body in `req.body`:
 * put `express.raw({ type: 'application/json' })` on the route.
 *
 * @throws {WebhookVerificationError}
 *
 * @example
 * ```ts
 * app.post('/webhooks/oriva', express.raw({ type: 'application/json' }), (req, res) => {
 *   const event = verifyExpressRequest(req, process.env.ORIVA_WEBHOOK_SECRET!);
 *   res.sendStatus(204);
 * });
 * ```
 */
export function verifyExpressRequest<T = unknown>(
  req: { body?: unknown; headers: IncomingMessage['headers'] },
  secrets: Secrets,
  options?: VerifyOptions,
): T {
  return verify<T>(req.body as RawBody, req.headers, secrets, options);
}

/**
 * Express middleware that verifies the webhook and puts the parsed event in `res.locals.webhookEvent`.
 * Uses `req.body` when `express.raw()` (or `express.text()`) produced it, and otherwise reads the raw
 * body itself when no body parser consumed it. An `express.json()` body is rejected with `body_not_raw`
 * (the signature covers the bytes, which parsing loses).
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { webhookMiddleware } from '@oriva/webhook-verify/express';
 *
 * const app = express();
 * app.post('/webhooks/oriva', webhookMiddleware({ secret: process.env.ORIVA_WEBHOOK_SECRET! }), (req, res) => {
 *   const event = res.locals.webhookEvent;
 *   res.sendStatus(204);
 * });
 * ```
 */
export function webhookMiddleware(
  options: ExpressWebhookOptions,
): (req: ExpressRequestLike, res: ExpressResponseLike, next: (error?: unknown) => void) => Promise<void> {
  return async (req, res, next) => {
    let event: unknown;
    try {
      event = verify((await rawBodyOf(req, options)) as RawBody, req.headers, options.secret, options);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) return next(error);
      if (options.onError) return options.onError(error, req, res, next);
      return sendWebhookError(res, error);
    }
    if (res.locals === undefined) res.locals = {};
    res.locals.webhookEvent = event;
    next();
  };
}

async function rawBodyOf(req: ExpressRequestLike, options: ReadRawBodyOptions): Promise<unknown> {
  const body = req.body;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  // No parser ran (Express 5 leaves req.body undefined; Express 4 parsers whose `type` did not match leave {}).
  if ((body === undefined || isEmptyPlainObject(body)) && !req.readableEnded) return readRawBody(req, options);
  return body; // verify() explains why it is not a raw body
}

function isEmptyPlainObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).length === 0
  );
}
