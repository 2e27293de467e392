/**
 * The statuses a rule may fail with. Services decide which (a conflict, a missing record); the HTTP
 * layer only writes them out, so this module knows no transport.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503;

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/**
 * The one error class every handler throws. `code` is stable and machine-readable; clients branch
 * on it, never on the message.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly options: { fields?: FieldError[]; headers?: Record<string, string>; retryable?: boolean } = {},
  ) {
    super(message);
  }
}

export const errors = {
  unauthorized: (message = 'Send "Authorization: Bearer <API key or token>"') =>
    new ApiError(401, 'unauthorized', message),
  invalidCredentials: (message: string, code = 'invalid_credentials') => new ApiError(401, code, message),
  forbidden: (message: string, code = 'forbidden') => new ApiError(403, code, message),
  notFound: (message: string, code = 'not_found') => new ApiError(404, code, message),
  conflict: (message: string, code = 'conflict', retryable = false) => new ApiError(409, code, message, { retryable }),
  validation: (fields: FieldError[]) => new ApiError(400, 'validation_failed', describeFields(fields), { fields }),
};

/** The first field's problem, and how many more: `event_data/duration: must be integer (and 2 more)`. */
export function describeFields(fields: FieldError[]): string {
  const [first] = fields;
  if (!first) return 'The request is not valid';
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  return `${first.path || 'body'}: ${first.message}${more}`;
}
