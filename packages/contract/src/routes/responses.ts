import type { RouteConfig } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { ErrorBody } from '../schemas/common.js';

/**
 * The three credentials, all sent as `Authorization: Bearer …`. `caller` is who a valid one names: the
 * server authorizes each route from the schemes its `security` lists, so this is the only place the
 * names are tied to callers.
 */
export const SECURITY_SCHEMES = {
  AppKey: {
    caller: 'app',
    bearerFormat: 'API key',
    description:
      "An app's API key (`ok_…`), issued when the admin registers the app and by POST /api/v1/apps/{app_id}/keys. It acts as that app, on that app's resources only.",
  },
  UserToken: {
    caller: 'user',
    bearerFormat: 'JWT',
    description:
      "A user's JWT from the identity provider (or, in dev mode, POST /api/v1/dev/users/{user_id}/token): `sub` is the user id. It acts as that user, on that user's notifications and preferences only.",
  },
  AdminToken: {
    caller: 'admin',
    bearerFormat: 'opaque token',
    description: "The server's admin token (`ORIVA_ADMIN_TOKEN`): registers apps, acts on any app or user.",
  },
} as const;

export type SecuritySchemeName = keyof typeof SECURITY_SCHEMES;
export type Caller = (typeof SECURITY_SCHEMES)[SecuritySchemeName]['caller'];

/** One requirement per scheme: any one of them is enough. */
const anyOf = (...schemes: SecuritySchemeName[]) => schemes.map((scheme) => ({ [scheme]: [] as string[] }));

/** Who may call a route, by the schemes above. `none` is for routes that take no credentials. */
export const security = {
  none: [] as Record<string, string[]>[],
  admin: anyOf('AdminToken'),
  app: anyOf('AppKey'),
  appOrAdmin: anyOf('AppKey', 'AdminToken'),
  user: anyOf('UserToken'),
  userOrAdmin: anyOf('UserToken', 'AdminToken'),
  anyone: anyOf('AppKey', 'UserToken', 'AdminToken'),
};

/** Whether a route takes credentials; the server refuses every other request to it with a 401. */
export const isAuthenticated = (route: Pick<RouteConfig, 'security'>) => (route.security?.length ?? 0) > 0;

/**
 * Whether the server honours `Idempotency-Key` on a route: every authenticated POST (keys are
 * remembered per caller, so a route without credentials has no one to remember them for).
 */
export const isIdempotent = (route: Pick<RouteConfig, 'method' | 'security'>) =>
  route.method === 'post' && isAuthenticated(route);

/** The response headers the server sets, declared once under `components.headers`. */
export const RESPONSE_HEADERS = {
  'X-Request-Id': {
    description:
      "The request's id: the caller's own `X-Request-Id` when it is 1-128 letters, digits and `_.:-`, otherwise a new one. It is in every log line; quote it when reporting a problem.",
    required: true,
    schema: { type: 'string', example: 'req_01J8ZQ3J5V8C9X2M4N6P7R8S9T' },
  },
  'x-should-retry': {
    description:
      'On errors: `true` when the same request may succeed later (a 429, an idempotent request still running), `false` when repeating it will not help.',
    schema: { type: 'string', enum: ['true', 'false'] },
  },
  'Retry-After': {
    description: 'Seconds to wait before trying again (RFC 9110).',
    schema: { type: 'string', pattern: '^[0-9]+$', example: '30' },
  },
  RateLimit: {
    description:
      'Where the caller stands in the current window (IETF draft-ietf-httpapi-ratelimit-headers): `limit=<n>, remaining=<n>, reset=<seconds>`. Sent when rate limiting is on.',
    schema: { type: 'string', example: 'limit=1000, remaining=999, reset=60' },
  },
  'RateLimit-Policy': {
    description: 'The limit that applies: `<limit>;w=<window seconds>`. Sent when rate limiting is on.',
    schema: { type: 'string', example: '1000;w=60' },
  },
  'Idempotent-Replayed': {
    description: 'Present (`true`) when this is the stored answer to an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
  Deprecation: {
    description: 'When this operation was deprecated (RFC 9745): `@` and Unix seconds.',
    schema: { type: 'string', example: '@1795564800' },
  },
  Sunset: {
    description: 'When this operation will be removed (RFC 8594), as an HTTP date.',
    schema: { type: 'string', example: 'Wed, 30 Jun 2027 23:59:59 GMT' },
  },
  Link: {
    description: 'Where the migration guide is: `</docs/migration>; rel="deprecation"`.',
    schema: { type: 'string' },
  },
} as const;

type HeaderName = keyof typeof RESPONSE_HEADERS;

/** The `Idempotency-Key` request header, declared once under `components.parameters`. */
export const IDEMPOTENCY_KEY_PARAMETER = 'IdempotencyKey';

const GENERIC_ERRORS = {
  400: 'Invalid request: malformed JSON or a field failed validation (see `error.fields`).',
  401: 'Missing or invalid credentials.',
  403: 'The credentials may not act on this resource.',
  404: 'No such resource.',
  409: 'Conflict with the current state.',
  413: 'The body is larger than 1 MiB.',
  415: 'The body is not `application/json`.',
  422: 'The request is well formed, but what it carries breaks a declared rule (see `error.fields`).',
  429: 'Rate limited: wait as `Retry-After` says (see also the `RateLimit` headers).',
} as const;

export type ErrorStatus = keyof typeof GENERIC_ERRORS;

type ErrorResponse = { description: string; content: { 'application/json': { schema: typeof ErrorBody } } };

/** Route-specific error responses, all in the one `Error` shape. Statuses every route of a kind sends are added by `withServerBehaviour`. */
export function errorResponses(...statuses: ErrorStatus[]) {
  return Object.fromEntries(statuses.map((status) => [status, errorResponse(GENERIC_ERRORS[status])])) as Record<
    ErrorStatus,
    ErrorResponse
  >;
}

/** One route-specific error response, with what causes it there (and its `error.code`). */
export function errorWhen<S extends ErrorStatus>(status: S, description: string) {
  return { [status]: errorResponse(description) } as Record<S, ErrorResponse>;
}

function errorResponse(description: string): ErrorResponse {
  return { description, content: { 'application/json': { schema: ErrorBody } } };
}

export function jsonContent<T extends ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

/** A JSON body the caller may leave out. */
export function optionalJsonBody<T extends ZodType>(schema: T) {
  return { required: false, content: { 'application/json': { schema } } };
}

/** What the server answers, by the parts of a route's declaration that cause it. */
function derivedErrors(route: RouteConfig): Map<number, string[]> {
  const reasons = new Map<number, string[]>();
  const add = (status: number, reason: string) => reasons.set(status, [...(reasons.get(status) ?? []), reason]);
  const request = route.request;
  if (request?.params) add(400, 'A path parameter is not valid (`validation_failed`, naming it in `error.fields`).');
  if (request?.query) add(400, 'A query parameter is not valid (`validation_failed`, naming it in `error.fields`).');
  if (request?.body) {
    add(
      400,
      'The body is not JSON (`malformed_json`) or a field failed validation (`validation_failed`, see `error.fields`).',
    );
    add(413, 'The body is larger than 1 MiB (`payload_too_large`); the connection is closed.');
    add(
      415,
      'The body is in a media type this operation does not take (`unsupported_media_type`): send `Content-Type: application/json`.',
    );
  }
  if (isAuthenticated(route)) {
    add(
      401,
      'No credentials, or ones that are not valid (`unauthorized`, `invalid_credentials`, `revoked_key`, `token_expired`, `invalid_token`).',
    );
    add(
      403,
      'The credentials may not call this operation or act on this resource (`insufficient_scope`, `forbidden_app`, `forbidden_user`, or a more specific code).',
    );
  }
  if (isIdempotent(route)) {
    add(400, 'The `Idempotency-Key` is not 1-255 printable ASCII characters (`invalid_idempotency_key`).');
    add(
      409,
      'The `Idempotency-Key` was used with another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`: retry after `Retry-After`).',
    );
  }
  return reasons;
}

const headerRef = (name: HeaderName) => ({ $ref: `#/components/headers/${name}` });

/** The headers a response of this route carries, by its status. */
function headersFor(route: RouteConfig, status: number, statuses: number[]): HeaderName[] {
  const names: HeaderName[] = ['X-Request-Id'];
  const idempotent = isIdempotent(route);
  // Refused before the handler runs: no rate limit was counted and no answer is stored for a key.
  const refusedAtTheDoor = [401, 403, 413, 415].includes(status);
  if (status >= 400) names.push('x-should-retry');
  if (status === 429 || (status === 409 && idempotent)) names.push('Retry-After');
  if (statuses.includes(429) && !refusedAtTheDoor) names.push('RateLimit', 'RateLimit-Policy');
  if (idempotent && status < 500 && status !== 429 && !refusedAtTheDoor) names.push('Idempotent-Replayed');
  if (route.deprecated) names.push('Deprecation', 'Sunset', 'Link');
  return names;
}

/**
 * A route as the server serves it: its own declaration, plus what the server adds to every route
 * of its kind. A route with a body can answer 413 and 415, an authenticated one 401 and 403, an
 * idempotent one takes `Idempotency-Key` and can answer its 400 and 409; every response carries
 * `X-Request-Id`, every error `x-should-retry`. The OpenAPI document is built from this, so those
 * rules are written here once rather than on each route.
 */
export function withServerBehaviour(route: RouteConfig): RouteConfig {
  const responses: Record<string, unknown> = { ...route.responses };
  for (const [status, reasons] of derivedErrors(route)) {
    const declared = responses[status] as { description: string; content?: unknown } | undefined;
    const generic = GENERIC_ERRORS[status as ErrorStatus];
    // A route's own description says what is particular to it; the derived reasons follow it.
    const own = declared && declared.description !== generic ? [declared.description] : [];
    responses[status] = {
      ...errorResponse([...own, ...reasons].join(' ')),
      ...(declared?.content ? { content: declared.content } : {}),
    };
  }
  const statuses = Object.keys(responses).map(Number);
  for (const status of statuses) {
    const response = responses[status] as { headers?: Record<string, unknown> };
    const headers = Object.fromEntries(headersFor(route, status, statuses).map((name) => [name, headerRef(name)]));
    responses[status] = { ...response, headers: { ...headers, ...response.headers } };
  }
  const parameters = isIdempotent(route)
    ? [...(route.parameters ?? []), { $ref: `#/components/parameters/${IDEMPOTENCY_KEY_PARAMETER}` }]
    : route.parameters;
  return {
    ...route,
    responses: responses as RouteConfig['responses'],
    ...(parameters ? { parameters: parameters as RouteConfig['parameters'] } : {}),
  };
}
