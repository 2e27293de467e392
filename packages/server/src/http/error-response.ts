import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError } from '../core/errors.js';

/**
 * Whether the same request, sent again, may succeed: the `x-should-retry` header, which the SDK
 * follows over its own status rules (as openai-node and stripe-node do). A timeout (408), a rate
 * limit (429) and an unavailable dependency (503) pass; any other 4xx is the request's own fault and
 * answers the same every time. A 409 or 5xx says for itself (`retryable`); an unexplained 500 says
 * nothing, and clients fall back to their status rules.
 */
export function shouldRetry(status: number, retryable: boolean | undefined): boolean | undefined {
  if (retryable !== undefined) return retryable;
  if (status === 408 || status === 429 || status === 503) return true;
  if (status < 500) return false;
  return undefined;
}

/** The one JSON shape of every 4xx and 5xx response, with its retry advice. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  options: { fields?: FieldError[] | undefined; retryable?: boolean | undefined } = {},
) {
  const requestId = (c.get('requestId') as string | undefined) ?? '';
  const retry = shouldRetry(status, options.retryable);
  if (retry !== undefined) c.header('x-should-retry', String(retry));
  const { fields } = options;
  return c.json(
    { success: false as const, error: { code, message, status, request_id: requestId, ...(fields ? { fields } : {}) } },
    status,
  );
}
