/**
 * How a tool answers: its value as JSON text, or a tool error (`isError: true`) whose text is
 * `{ "error": { code, message, … } }` with the API's own code and message, so an agent can read
 * what went wrong and fix its call. A failed call never ends the session.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { APIError, RateLimitError } from '@oriva/sdk';
import { UserError } from '../../errors.js';

export function jsonResult(value: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }] };
}

export function errorResult(error: unknown): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: JSON.stringify({ error: describeError(error) }, null, 2) }] };
}

export function describeError(error: unknown): Record<string, unknown> {
  if (isApiError(error)) {
    const body = error.body as { error?: { message?: unknown } } | undefined;
    const message = typeof body?.error?.message === 'string' ? body.error.message : error.message;
    return {
      code: error.code ?? `http_${error.status}`,
      message,
      status: error.status,
      ...(error.requestId ? { request_id: error.requestId } : {}),
      ...(error.fields.length ? { fields: error.fields } : {}),
      ...(isRateLimit(error) && error.retryAfter !== null ? { retry_after: error.retryAfter } : {}),
    };
  }
  if (error instanceof UserError) {
    // Missing credentials and the like: the CLI's own message and hint, as the terminal shows them.
    return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  }
  const name = error instanceof Error ? error.name : 'Error';
  return {
    code: name.startsWith('APIConnection') ? 'connection_error' : 'client_error',
    message: String(error instanceof Error ? error.message : error),
  };
}

// The SDK is imported only when a client is made (client.ts), so its classes are recognised by shape.
function isApiError(error: unknown): error is APIError {
  return (
    error instanceof Error &&
    typeof (error as APIError).status === 'number' &&
    Array.isArray((error as APIError).fields)
  );
}

function isRateLimit(error: APIError): error is RateLimitError {
  return 'retryAfter' in error;
}
