/**
 * The Oriva API contract: every request and response shape, and every route, declared once.
 * The server validates with these schemas, the OpenAPI document is generated from them,
 * and the SDK's types are generated from that document.
 */

export {
  type AsyncApiDocument,
  buildAsyncApiDocument,
  type CatalogEventType,
  type JsonSchema,
  platformEventTypes,
  STREAM_SUBPROTOCOL,
  toJsonSchema,
} from './asyncapi.js';
export * from './events/index.js';
export * from './examples.js';
export { API_VERSION, buildOpenApiDocument, type OpenApiDocument } from './openapi.js';
export * as routes from './routes/index.js';
export { portalSessionMayCall } from './routes/portal-session-scope.js';
export {
  type Caller,
  errorResponses,
  isIdempotent,
  SECURITY_SCHEMES,
  type SecuritySchemeName,
  security,
  withServerBehaviour,
} from './routes/responses.js';
export * from './schemas/admin.js';
export * from './schemas/apps.js';
export * from './schemas/common.js';
export * from './schemas/consumers.js';
export * from './schemas/event-types.js';
export * from './schemas/events.js';
export * from './schemas/legacy.js';
export * from './schemas/notifications.js';
export * from './schemas/platform.js';
export * from './schemas/portal-sessions.js';
export * from './schemas/stats.js';
export * from './schemas/stream.js';
export * from './schemas/webhook-events.js';
export * from './schemas/webhooks.js';
