import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError } from './errors.js';

/** The one JSON shape of every 4xx and 5xx response. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  fields?: FieldError[],
) {
  const requestId = (c.get('requestId') as string | undefined) ?? '';
  return c.json(
    { success: false as const, error: { code, message, status, request_id: requestId, ...(fields ? { fields } : {}) } },
    status,
  );
}
