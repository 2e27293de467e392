import type { FieldError } from '../types.js';
import { readRateLimitHeaders } from './rate-limit-headers.js';
import { retryAfterMs } from './retry.js';

/**
 * The base of every error this SDK throws: catch `OrivaError` to catch them all.
 * Thrown directly for mistakes found before any request is sent (missing credentials, missing app id).
 */
export class OrivaError extends Error {
  override readonly name: string = 'OrivaError';
}

/**
 * The server answered with an error status (4xx or 5xx). The subclass tells the status class;
 * `code` is the server's stable machine-readable code (`validation_failed`, `rate_limited`, …).
 *
 * @example
 * try {
 *   await client.events.publish(event);
 * } catch (err) {
 *   if (err instanceof APIError) console.error(err.status, err.code, err.requestId, err.fields);
 *   throw err;
 * }
 */
export class APIError extends OrivaError {
  override readonly name: string = 'APIError';
  /** The HTTP status code. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The server's error code, such as `validation_failed`; `null` if the body was not an Oriva error (a proxy's page). */
  readonly code: string | null;
  /** The request id (`error.request_id`, else the `X-Request-Id` header): quote it when reporting a problem. */
  readonly requestId: string | null;
  /** The fields that failed validation (`error.fields`); empty when there are none. */
  readonly fields: FieldError[];
  /** The parsed JSON body, or the raw text when it was not JSON, or `undefined` when empty. */
  readonly body: unknown;

  constructor(status: number, body: unknown, headers: Headers) {
    const detail = readErrorBody(body);
    const requestId = detail.requestId ?? headers.get('x-request-id');
    super(formatMessage(status, detail.code, detail.message ?? fallbackMessage(body), requestId, detail.fields));
    this.status = status;
    this.headers = headers;
    this.code = detail.code;
    this.requestId = requestId;
    this.fields = detail.fields;
    this.body = body;
  }

  /** The error class for a response status: `BadRequestError` for 400, …, `InternalServerError` for 5xx, else `APIError`. */
  static generate(status: number, body: unknown, headers: Headers): APIError {
    switch (status) {
      case 400:
        return new BadRequestError(status, body, headers);
      case 401:
        return new AuthenticationError(status, body, headers);
      case 403:
        return new PermissionDeniedError(status, body, headers);
      case 404:
        return new NotFoundError(status, body, headers);
      case 409:
        return new ConflictError(status, body, headers);
      case 422:
        return new UnprocessableEntityError(status, body, headers);
      case 429:
        return new RateLimitError(status, body, headers);
      default:
        return status >= 500 ? new InternalServerError(status, body, headers) : new APIError(status, body, headers);
    }
  }
}

/** 400: malformed JSON or a field failed validation; see `fields`. */
export class BadRequestError extends APIError {
  override readonly name: string = 'BadRequestError';
}
/** 401: missing, unknown, expired or revoked credentials. */
export class AuthenticationError extends APIError {
  override readonly name: string = 'AuthenticationError';
}
/** 403: the credentials may not act on this resource (another app's key, a user token on an admin route). */
export class PermissionDeniedError extends APIError {
  override readonly name: string = 'PermissionDeniedError';
}
/** 404: no such resource. */
export class NotFoundError extends APIError {
  override readonly name: string = 'NotFoundError';
}
/** 409: an idempotency key reused with another body (`idempotency_key_reused`), a request in progress, or a duplicate. */
export class ConflictError extends APIError {
  override readonly name: string = 'ConflictError';
}
/** 422: the request was well-formed but could not be processed. */
export class UnprocessableEntityError extends APIError {
  override readonly name: string = 'UnprocessableEntityError';
}
/**
 * 429: rate limited. Thrown at once when the server's `Retry-After` is longer than `maxRetryWait`,
 * else after the SDK's own retries ran out. Says which limit was reached and when it frees up, read
 * from the `Retry-After`, `RateLimit-Policy` and `RateLimit` headers (`null` where the server is silent).
 *
 * @example
 * try {
 *   await client.webhooks.list();
 * } catch (err) {
 *   if (err instanceof RateLimitError) {
 *     console.error(`${err.limit} calls per ${err.window} s reached; free again at ${err.resetsAt?.toLocaleTimeString()}`);
 *   }
 *   throw err;
 * }
 */
export class RateLimitError extends APIError {
  override readonly name: string = 'RateLimitError';
  /** Seconds until the server takes the call again: `Retry-After`, else the `RateLimit` reset. */
  readonly retryAfter: number | null;
  /** How many calls (or events, for a batch) the window allows: `RateLimit-Policy`'s limit. */
  readonly limit: number | null;
  /** The window's length in seconds (900 for "per 15 minutes"). */
  readonly window: number | null;
  /** What was left in the window when the call was refused (a batch can need more than is left). */
  readonly remaining: number | null;
  /** When the limit frees up: the moment this error was made plus `retryAfter`. */
  readonly resetsAt: Date | null;

  constructor(status: number, body: unknown, headers: Headers) {
    super(status, body, headers);
    const now = Date.now();
    const rateLimit = readRateLimitHeaders(headers);
    const waitMs = retryAfterMs(headers, now);
    this.retryAfter = waitMs === undefined ? rateLimit.reset : waitMs / 1000;
    this.limit = rateLimit.limit;
    this.window = rateLimit.window;
    this.remaining = rateLimit.remaining;
    this.resetsAt = this.retryAfter === null ? null : new Date(now + this.retryAfter * 1000);
  }
}
/** 5xx: the server failed, after the SDK's own retries ran out. */
export class InternalServerError extends APIError {
  override readonly name: string = 'InternalServerError';
}

/** No response: DNS, refused or reset connection, TLS, CORS in a browser. `cause` holds the underlying error. */
export class APIConnectionError extends OrivaError {
  override readonly name: string = 'APIConnectionError';
  constructor(options: { message?: string; cause?: unknown } = {}) {
    super(options.message ?? connectionMessage(options.cause), { cause: options.cause });
  }
}

/** An attempt took longer than `timeout` ms (after the SDK's own retries ran out). */
export class APIConnectionTimeoutError extends APIConnectionError {
  override readonly name: string = 'APIConnectionTimeoutError';
  constructor(options: { timeout?: number; cause?: unknown } = {}) {
    super({
      message: options.timeout === undefined ? 'Request timed out.' : `Request timed out after ${options.timeout} ms.`,
      cause: options.cause,
    });
  }
}

/** The caller's `signal` aborted the request. Never retried. */
export class APIUserAbortError extends OrivaError {
  override readonly name: string = 'APIUserAbortError';
  constructor(options: { cause?: unknown } = {}) {
    super('Request was aborted.', { cause: options.cause });
  }
}

interface ErrorDetail {
  code: string | null;
  message: string | null;
  requestId: string | null;
  fields: FieldError[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readErrorBody(body: unknown): ErrorDetail {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (!error) return { code: null, message: null, requestId: null, fields: [] };
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const fields = Array.isArray(error.fields)
    ? error.fields.filter(
        (field): field is FieldError =>
          isRecord(field) &&
          typeof field.path === 'string' &&
          typeof field.code === 'string' &&
          typeof field.message === 'string',
      )
    : [];
  return { code: text(error.code), message: text(error.message), requestId: text(error.request_id), fields };
}

function fallbackMessage(body: unknown): string {
  if (typeof body === 'string' && body.trim() !== '') {
    const text = body.trim().replace(/\s+/g, ' ');
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  }
  return 'status code (no body)';
}

const MAX_LISTED_FIELDS = 10;

function formatMessage(
  status: number,
  code: string | null,
  message: string,
  requestId: string | null,
  fields: FieldError[],
): string {
  let text = `${status} ${code ? `${code}: ` : ''}${message}`;
  if (requestId) text += ` (request_id: ${requestId})`;
  for (const field of fields.slice(0, MAX_LISTED_FIELDS)) {
    text += `\n  - ${field.path || '(body)'}: ${field.message} [${field.code}]`;
  }
  if (fields.length > MAX_LISTED_FIELDS) text += `\n  - … and ${fields.length - MAX_LISTED_FIELDS} more (see .fields)`;
  return text;
}

function connectionMessage(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `Connection error: ${cause.message}${inner}`;
  }
  return 'Connection error.';
}
