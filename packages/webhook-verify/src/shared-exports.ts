/**
 * What the Node entry (`index.ts`) and the web entry (`web.ts`) both export besides their own functions: the error
 * type, the constants and the input and output types (all of `core/types.ts`). One list, so that the two entries
 * cannot drift apart.
 *
 * @module
 */
export {
  errorResponse,
  isWebhookVerificationError,
  type WebhookErrorBody,
  type WebhookErrorCode,
  WebhookVerificationError,
} from './core/errors.js';
export type * from './core/event-map.js';
export { SECRET_PREFIX } from './core/secrets.js';
export { DEFAULT_TOLERANCE_SECONDS } from './core/timestamp.js';
export type * from './core/types.js';
export type { RequestLike } from './request.js';
