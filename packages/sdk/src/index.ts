/**
 * `@oriva/sdk`: the typed client for the Oriva platform events and notifications API.
 *
 * @example
 * import { Oriva } from '@oriva/sdk';
 * const client = new Oriva({ appId: 'work-buddy' }); // reads ORIVA_API_KEY
 * await client.events.publish({ event_category: 'task', event_type: 'created', entity_type: 'task', entity_id: 't_1', user_id: 'user_456' });
 *
 * const user = new Oriva({ userToken: jwt }); // in a browser: the signed-in user's feed from every app
 * for await (const notification of user.notifications.list()) console.log(notification.app_name, notification.title);
 *
 * @packageDocumentation
 */

import { Oriva } from './client.js';

export { type AnyOriva, type ClientOptions, type CredentialKind, Oriva } from './client.js';
export { DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT, DEFAULT_TIMEOUT_MS } from './core/api-client.js';
export { APIPromise, type WithResponse } from './core/api-promise.js';
// Every class in core/errors.ts is public: OrivaError, APIError and one subclass per status class.
export * from './core/errors.js';
// Typed events: the type map's rules (core/event-map.ts) and what each channel makes of it.
export type {
  EventData,
  EventName,
  EventOfName,
  EventUnion,
  IsUntyped,
  ListenableName,
  PublishableCategory,
  PublishableType,
  PublishBatchElement,
  PublishBatchParams,
  PublishEventParams,
  StrictEventMap,
  TypedEvent,
  UntypedEventMap,
} from './core/event-map.js';
export { CursorPage, type CursorPagination, type CursorQuery, PagePromise } from './core/pagination.js';
export type {
  AppRequestOptions,
  Fetch,
  HeadersRecord,
  RequestOptions,
  UserRequestOptions,
} from './core/request-options.js';
export { API_PREFIX, DEFAULT_BASE_URL } from './core/url.js';
export { Admin, Archives } from './resources/admin.js';
export { Apps } from './resources/apps.js';
export { Consumers, type PollOptions, type PollParams } from './resources/consumers.js';
export {
  CataloguePage,
  EventTypes,
  type GetEventTypeOptions,
  type PutEventTypeOptions,
} from './resources/event-types.js';
export { Events, MAX_BATCH_EVENTS } from './resources/events.js';
export { Keys } from './resources/keys.js';
export { type NotificationListOptions, NotificationPage, Notifications } from './resources/notifications.js';
export { PortalSessions } from './resources/portal-sessions.js';
export { UserPreferences } from './resources/preferences.js';
export { Stats } from './resources/stats.js';
export {
  Stream,
  type StreamAuth,
  type StreamClose,
  StreamError,
  type StreamEvent,
  type StreamEventMap,
  type StreamOptions,
  type StreamReady,
  type StreamReconnecting,
  type StreamResync,
  type TypedStreamEvent,
  type WebSocketConstructor,
  type WebSocketLike,
} from './resources/stream.js';
export { Deliveries, DeliveryPage, Webhooks } from './resources/webhooks.js';
export type * from './types.js';
export { VERSION } from './version.js';

export default Oriva;
