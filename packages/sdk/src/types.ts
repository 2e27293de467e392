/**
 * Request and response types, all taken from the generated OpenAPI types so they cannot drift
 * from the server's contract (`packages/contract`). Regenerate with `pnpm openapi`.
 */
import type { components, operations } from './generated/api.gen.js';

export type { components, operations, paths } from './generated/api.gen.js';

type Schemas = components['schemas'];

// Shared
/** The `pagination` object of every list response. */
export type Pagination = Schemas['Pagination'];
/** One field that failed validation, as listed in `error.fields`. */
export type FieldError = Schemas['FieldError'];
/** The body of every error response: `{ success: false, error: { code, message, status, request_id, fields? } }`. */
export type ErrorResponse = Schemas['Error'];

// Events
/** A stored platform event. */
export type Event = Schemas['Event'];
export type PublishEventRequest = Schemas['PublishEventRequest'];
export type PublishEventResponse = Schemas['PublishEventResponse'];
export type PublishBatchRequest = Schemas['PublishBatchRequest'];
export type PublishBatchResponse = Schemas['PublishBatchResponse'];
export type ListEventsResponse = Schemas['ListEventsResponse'];
/** Filters and paging of `GET /apps/{app_id}/events`. */
export type EventListParams = NonNullable<operations['listEvents']['parameters']['query']>;

// Apps and keys
export type App = Schemas['App'];
export type ApiKey = Schemas['ApiKey'];
/** An API key including its secret `key`, returned once when the key is created. */
export type ApiKeyWithSecret = Schemas['ApiKeyWithSecret'];
export type CreateAppRequest = Schemas['CreateAppRequest'];
export type CreateAppResponse = Schemas['CreateAppResponse'];
export type UpdateAppRequest = Schemas['UpdateAppRequest'];
export type AppResponse = Schemas['AppResponse'];
export type ListAppsResponse = Schemas['ListAppsResponse'];
export type CreateKeyRequest = Schemas['CreateKeyRequest'];
export type ApiKeyResponse = Schemas['ApiKeyResponse'];
export type ListKeysResponse = Schemas['ListKeysResponse'];
/** `GET /apps` takes no query parameters yet; the slot keeps `list(query?, options?)` stable when it does. */
export type AppListParams = Record<string, never>;
/** `GET /apps/{app_id}/keys` takes no query parameters yet. */
export type KeyListParams = Record<string, never>;
