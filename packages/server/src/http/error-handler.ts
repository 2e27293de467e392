import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from '../core/errors.js';
import { StorageUnavailableError } from '../storage/circuit-breaker.js';
import { isCausedByRequest, isStorageUnavailable } from '../storage/failures.js';
import type { AppEnv, Deps } from './context.js';
import { errorResponse } from './error-response.js';

/** Turns known errors, framework errors and surprises into the same JSON shape, with the request id. */
export function createErrorHandler(deps: Deps): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.options.headers ?? {})) c.header(name, value);
      return errorResponse(c, error.status, error.code, error.message, error.options);
    }
    if (error instanceof HTTPException) return fromHttpException(c, error);
    const requestId = c.get('requestId');
    if (error instanceof StorageUnavailableError) {
      // Refused by the open breaker, nothing waited for: no log line per request, a counter instead.
      deps.metrics.storageCircuitRejections.inc();
      c.header('Retry-After', String(error.retryAfterSeconds));
      return errorResponse(c, 503, 'storage_unavailable', 'The database is unavailable for a moment; retry shortly');
    }
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
