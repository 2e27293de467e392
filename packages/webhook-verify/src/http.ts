/**
 * `@oriva/webhook-verify/http`: verify webhooks in a plain `node:http` server (or anything built on
 * `IncomingMessage`: Fastify's `request.raw`, Koa's `ctx.req`, Next.js pages API routes with the body parser off).
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse, WebhookVerificationError } from './core/errors.js';
import type { Secrets, VerifyOptions } from './core/types.js';
import { verify } from './index.js';

/** Default largest body `readRawBody` accepts: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Options of {@link readRawBody}. */
export interface ReadRawBodyOptions {
  /** Largest accepted body in bytes; a larger one is rejected with `body_too_large`. Default 1 MiB. */
  limit?: number;
}

/** Options of {@link verifyNodeRequest}: the verification options plus the body size limit. */
export interface NodeVerifyOptions extends VerifyOptions, ReadRawBodyOptions {}

/**
 * Reads the whole body of an incoming request as a Buffer, exactly as received.
 *
 * @throws {WebhookVerificationError} `body_too_large` past `limit`, `body_not_raw` if something already read it.
 *
 * @example
 * ```ts
 * const body = await readRawBody(req, { limit: 256 * 1024 });
 * ```
 */
export function readRawBody(req: IncomingMessage, options?: ReadRawBodyOptions): Promise<Buffer> {
  const limit = options?.limit ?? DEFAULT_BODY_LIMIT;
  if (req.readableEnded) {
    return Promise.reject(
      new WebhookVerificationError(
        'body_not_raw',
        'The request body was already read (by a body parser or another listener) before verification, so the raw body is gone. Verify before any body parser runs, or keep the raw body (e.g. express.raw()) and pass it to verify().',
      ),
    );
  }
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume(); // discard it so the response can still be sent
    return Promise.reject(tooLarge(limit));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      size += buffer.length;
      if (size > limit) {
        cleanup();
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new Error('The request was aborted before its body was complete.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

function tooLarge(limit: number): WebhookVerificationError {
  return new WebhookVerificationError(
    'body_too_large',
    `The webhook body is larger than the ${limit}-byte limit; raise the \`limit\` option if such deliveries are expected.`,
  );
}

/**
 * Reads the raw body of a `node:http` request and verifies it (Standard Webhooks headers, or
 * `X-Oriva-Signature`). Resolves to the parsed event.
 *
 * @throws {WebhookVerificationError} (as a rejection)
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { sendWebhookError, verifyNodeRequest } from '@oriva/webhook-verify/http';
 *
 * createServer(async (req, res) => {
 *   try {
 *     const event = await verifyNodeRequest(req, process.env.ORIVA_WEBHOOK_SECRET!);
 *     res.writeHead(204).end();
 *   } catch (error) {
 *     sendWebhookError(res, error);
 *   }
 * }).listen(3000);
 * ```
 */
export async function verifyNodeRequest<T = unknown>(
  req: IncomingMessage,
  secrets: Secrets,
  options?: NodeVerifyOptions,
): Promise<T> {
  const body = await readRawBody(req, options);
  return verify<T>(body, req.headers, secrets, options);
}

/**
 * Answers a failed verification with its status (401, 400, 413 or 500) and the JSON body
 * `{ "success": false, "error": { "code", "message" } }`. Errors that are not a
 * `WebhookVerificationError` get a 500 without details.
 *
 * @example
 * ```ts
 * catch (error) { sendWebhookError(res, error); }
 * ```
 */
export function sendWebhookError(res: ServerResponse, error: unknown): void {
  const { status, body } = errorResponse(error);
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
