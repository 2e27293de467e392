import type { ZodType } from 'zod';
import { ErrorBody } from '../schemas/common.js';

const ERROR_DESCRIPTIONS = {
  400: 'Invalid request: malformed JSON or a field failed validation (see `error.fields`).',
  401: 'Missing or invalid credentials.',
  403: 'The credentials may not act on this resource.',
  404: 'No such resource.',
  409: 'Conflict: an idempotency key reused with another body, or a duplicate.',
  413: 'The body is larger than 1 MiB.',
  415: 'The body is not `application/json`.',
  429: 'Rate limited: see `Retry-After` and `RateLimit` headers.',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** The error responses a route can give, all in the one `Error` shape. */
export function errorResponses(...statuses: ErrorStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: ErrorBody } } },
    ]),
  ) as Record<ErrorStatus, { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }>;
}

export function jsonContent<T extends ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

/** Security requirement names; the server registers the matching bearer schemes. */
type SecurityRequirement = Record<string, string[]>[];
export const security: Record<'admin' | 'app' | 'appOrAdmin' | 'user' | 'userOrAdmin' | 'anyone', SecurityRequirement> =
  {
    admin: [{ AdminToken: [] }],
    app: [{ AppKey: [] }],
    appOrAdmin: [{ AppKey: [] }, { AdminToken: [] }],
    user: [{ UserToken: [] }],
    userOrAdmin: [{ UserToken: [] }, { AdminToken: [] }],
    anyone: [{ AppKey: [] }, { UserToken: [] }, { AdminToken: [] }],
  };

export const IdempotencyHeader = {
  name: 'Idempotency-Key',
  description: 'Repeat a POST safely: the same key and body returns the stored response; another body gives 409.',
};
