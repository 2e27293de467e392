import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv, Deps } from './context.js';
import { errorResponse } from './error-response.js';
import { ApiError } from './errors.js';

/** Turns known errors, framework errors and surprises into the same JSON shape, with the request id. */
export function createErrorHandler(deps: Deps): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.options.headers ?? {})) c.header(name, value);
      return errorResponse(c, error.status, error.code, error.message, error.options);
    }
    if (error instanceof HTTPException) return fromHttpException(c, error);
    const requestId = c.get('requestId');
    if (isStorageUnavailable(error)) {
      deps.logger.warn({ err: error, req_id: requestId }, 'storage unavailable');
      c.header('Retry-After', '1');
      return errorResponse(c, 503, 'storage_unavailable', 'The database is unavailable for a moment; retry shortly');
    }
    deps.logger.error({ err: error, req_id: requestId }, 'unhandled error');
    return errorResponse(
      c,
      500,
      'internal_error',
      `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
      // The same request would fail the same way: say so, or the SDK retries it for nothing.
      { retryable: isCausedByRequest(error) ? false : undefined },
    );
  };
}

function fromHttpException(c: Context<AppEnv>, error: HTTPException) {
  const status = error.status as ContentfulStatusCode;
  if (status === 400 && /json/i.test(error.message)) {
    return errorResponse(c, 400, 'malformed_json', 'The request body is not valid JSON');
  }
  return errorResponse(c, status, status >= 500 ? 'internal_error' : 'bad_request', error.message || 'Bad request');
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, 404, 'route_not_found', `No route for ${c.req.method} ${c.req.path}; see GET /openapi.json`);

const errorCode = (error: unknown) => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
};

/** Socket failures on the way to the database, as Node reports them. */
const NETWORK_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres says these in words, without a code: a lost connection, a pool that could not get one. */
const POOL_FAILURE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * The database cannot be reached right now, and a later try may succeed: the network, SQLSTATE
 * class 08 (connection exception), 57P01-57P03 (shutting down, starting up), 53300 (too many
 * connections), and SQLite's busy and locked timeouts.
 */
export function isStorageUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  if (NETWORK_FAILURES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300') return true;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return true;
  return error instanceof Error && POOL_FAILURE.test(error.message);
}

/**
 * The failure lies in what the request sent, so sending it again fails again: PostgreSQL's data
 * exceptions (class 22: a value it cannot store or convert) and program limits (class 54), and a
 * stack overflow on input nested deeper than the code can walk. Validation should have caught each;
 * the 500 is still ours, but not one to retry.
 */
export function isCausedByRequest(error: unknown): boolean {
  const code = errorCode(error);
  if (/^(22|54)[0-9A-Z]{3}$/.test(code)) return true;
  return error instanceof RangeError && /call stack/i.test(error.message);
}
