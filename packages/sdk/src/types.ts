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

// Operations
export type PruneRequest = Schemas['PruneRequest'];
export type PruneResponse = Schemas['PruneResponse'];
export type ArchiveSummary = Schemas['ArchiveSummary'];
export type ArchiveListResponse = Schemas['ArchiveListResponse'];
export type RestoreArchiveResponse = Schemas['RestoreArchiveResponse'];
export type StatsParams = NonNullable<operations['getAppStats']['parameters']['query']>;
export type AppStatsResponse = Schemas['AppStatsResponse'];
export type AdminStatsResponse = Schemas['AdminStatsResponse'];
export type StatsTotals = Schemas['StatsTotals'];
export type StatsPoint = Schemas['StatsPoint'];
export type StatsTarget = Schemas['StatsTarget'];

// Platform (Oriva Core, admin token)
export type PublishPlatformEventRequest = Schemas['PublishPlatformEventRequest'];
export type PublishPlatformEventResponse = Schemas['PublishPlatformEventResponse'];
export type PublishPlatformBatchResponse = Schemas['PublishPlatformBatchResponse'];
export type UserAppResponse = Schemas['UserAppResponse'];
export type EraseUserResponse = Schemas['EraseUserResponse'];

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

// Notifications
/** A notification as stored, with its app's `app_name` and `app_icon` joined in. */
export type Notification = Schemas['Notification'];
export type NotificationPriority = Schemas['NotificationPriority'];
/** Every status a notification can be in; `expired` only ever comes from the clock. */
export type NotificationStatus = Schemas['NotificationStatus'];
/** The statuses a client may set with `notifications.update`. */
export type SettableNotificationStatus = Schemas['SettableNotificationStatus'];
export type CreateNotificationRequest = Schemas['CreateNotificationRequest'];
export type CreateNotificationResponse = Schemas['CreateNotificationResponse'];
export type NotificationResponse = Schemas['NotificationResponse'];
export type UpdateNotificationRequest = Schemas['UpdateNotificationRequest'];
export type UpdateNotificationResponse = Schemas['UpdateNotificationResponse'];
/** `GET /apps/{app_id}/notifications`: one page of an app's notifications. */
export type ListAppNotificationsResponse = Schemas['ListAppNotificationsResponse'];
/** `GET /users/{user_id}/notifications`: one page of a user's feed, with unread counts. */
export type ListNotificationsResponse = Schemas['ListNotificationsResponse'];
export type ReadAllRequest = Schemas['ReadAllRequest'];
export type ReadAllResponse = Schemas['ReadAllResponse'];
export type UnreadCounts = Schemas['UnreadCounts'];
export type UnreadCountResponse = Schemas['UnreadCountResponse'];
/** What `notifications.markClicked` sends besides the status. */
export type MarkClickedParams = Pick<UpdateNotificationRequest, 'click_action'>;
/** What `notifications.dismiss` sends besides the status. */
export type DismissParams = Pick<UpdateNotificationRequest, 'dismissed_from'>;

type UserFeedQuery = NonNullable<operations['listUserNotifications']['parameters']['query']>;
/** Filters and paging of `GET /apps/{app_id}/notifications` (an app's notifications). */
export type AppNotificationListParams = NonNullable<operations['listAppNotifications']['parameters']['query']>;
/**
 * Filters and paging of `GET /users/{user_id}/notifications` (a user's feed). `include_muted` and
 * `group` also take booleans, sent as `true`/`false`.
 */
export type UserNotificationListParams = Omit<UserFeedQuery, 'include_muted' | 'group'> & {
  include_muted?: UserFeedQuery['include_muted'] | boolean;
  group?: UserFeedQuery['group'] | boolean;
};
/**
 * What `notifications.list` takes: the app list's filters (`user_id`, `external_id`) or the user
 * feed's (`app_id`, `priority`, `notification_type`, `include_muted`, `group`, `status: 'all'`),
 * depending on which list the client reads; filters of the other list are refused before sending.
 */
export type NotificationListParams = Omit<AppNotificationListParams, 'status'> & UserNotificationListParams;

// Preferences
/** A user's notification preferences: muted apps, and muted notification types per app. */
export type Preferences = Schemas['Preferences'];
export type PreferencesResponse = Schemas['PreferencesResponse'];
/** The body of `PUT /users/{user_id}/preferences`: it replaces both fields (a missing one becomes empty). */
export type PutPreferencesRequest = Schemas['PutPreferencesRequest'];
/** What `preferences.update` takes: the fields to change, merged into the current preferences. */
export type PreferencesUpdate = Partial<Preferences>;

// Portal sessions (console links)
export type CreatePortalSessionRequest = Schemas['CreatePortalSessionRequest'];
export type PortalSessionResponse = Schemas['PortalSessionResponse'];

// Webhooks
/** A webhook: a URL subscribed to some of the app's events (never its secret). */
export type Webhook = Schemas['Webhook'];
export type CreateWebhookRequest = Schemas['CreateWebhookRequest'];
/** The created webhook and its `webhook_secret`, returned this once. */
export type CreateWebhookResponse = Schemas['CreateWebhookResponse'];
export type UpdateWebhookRequest = Schemas['UpdateWebhookRequest'];
export type WebhookResponse = Schemas['WebhookResponse'];
export type ListWebhooksResponse = Schemas['ListWebhooksResponse'];
export type RotateSecretRequest = Schemas['RotateSecretRequest'];
export type RotateSecretResponse = Schemas['RotateSecretResponse'];
export type TestWebhookResponse = Schemas['TestWebhookResponse'];
/** `hmac` (`v1`, a shared `whsec_` secret) or `ed25519` (`v1a`, verified with a published `whpk_` key). */
export type SignatureScheme = Schemas['SignatureScheme'];
export type WebhookPublicKey = Schemas['WebhookPublicKey'];
export type RotateSigningKeyResponse = Schemas['RotateSigningKeyResponse'];
/** The app's webhook signing keys as a JWK Set, for `verifyEd25519` from `@oriva/webhook-verify`. */
export type Jwks = Schemas['Jwks'];
/** One delivery of an event to a webhook, with every attempt (`attempt_log`). */
export type Delivery = Schemas['Delivery'];
export type DeliveryStatus = Schemas['DeliveryStatus'];
export type DeliveryAttempt = Schemas['DeliveryAttempt'];
export type DeliveryResponse = Schemas['DeliveryResponse'];
export type ListDeliveriesResponse = Schemas['ListDeliveriesResponse'];
/** The `pagination` of a webhook's deliveries: `limit`, `has_more`, `next_cursor` (no `total` or `offset`). */
export type DeliveryPagination = ListDeliveriesResponse['pagination'];
type DeliveryQuery = NonNullable<operations['listDeliveries']['parameters']['query']>;
/** Filters and paging of `GET /apps/{app_id}/webhooks/{webhook_id}/deliveries`; `success` also takes a boolean. */
export type DeliveryListParams = Omit<DeliveryQuery, 'success'> & { success?: DeliveryQuery['success'] | boolean };
export type RecoverRequest = Schemas['RecoverRequest'];
export type RecoverResponse = Schemas['RecoverResponse'];
/** `GET /apps/{app_id}/webhooks` takes no query parameters yet. */
export type WebhookListParams = Record<string, never>;
/**
 * The body of every webhook delivery (and of `oriva listen` forwards): the event, with `event_type` the qualified
 * `<category>.<type>` name (`notification.dismissed`) and, for notification events, `entity_id` your `external_id`.
 * Type what `verify()` from `@oriva/webhook-verify` returns with it: `verify<WebhookPayload>(body, headers, secret)`,
 * or with the client's type map, narrowed by type: `verify<WebhookEvent<OrivaEventMap>>(…)` (`WebhookEvent` from the verifier).
 */
export type WebhookPayload = Schemas['WebhookPayload'];

// Event types (the catalogue)
/** A declared event type: its JSON Schema for `event_data`, examples, and version history. */
export type EventType = Schemas['EventType'];
/** The body of `PUT /apps/{app_id}/event-types/{event_type}`. */
export type PutEventTypeRequest = Schemas['PutEventTypeRequest'];
export type EventTypeResponse = Schemas['EventTypeResponse'];
export type ListEventTypesResponse = Schemas['ListEventTypesResponse'];
/** One page of `GET /event-types`: every app's declared types and the platform's own. */
export type CatalogueResponse = Schemas['CatalogueResponse'];
/** The `pagination` of the catalogue: `limit`, `has_more`, `next_cursor` (the last name on the page). */
export type CataloguePagination = CatalogueResponse['pagination'];
type CatalogueQuery = NonNullable<operations['listEventTypeCatalogue']['parameters']['query']>;
/**
 * Filters and paging of `GET /event-types`. `appId` keeps only that app's types (the platform's own
 * are left out); it filters the catalogue and is not the app the client acts on.
 */
export interface CatalogueParams {
  appId?: string | undefined;
  category?: CatalogueQuery['category'] | undefined;
  limit?: CatalogueQuery['limit'] | undefined;
  after?: CatalogueQuery['after'] | undefined;
}
/** What publishing would check for one event: its type, whether it is declared, and the schema version used. */
export type EventCheck = Schemas['EventCheck'];
/** `POST /apps/{app_id}/events/validate`: publishing would accept the event (a refusal is an error, as for publishing). */
export type ValidateEventResponse = Schemas['ValidateEventResponse'];
/** `POST /apps/{app_id}/events/batch/validate`: publishing would accept every event, one check per event in order. */
export type ValidateBatchResponse = Schemas['ValidateBatchResponse'];

// Consumers
/** A polling consumer: its name and committed stream position. */
export type Consumer = Schemas['Consumer'];
/** An event as a poll returns it: the stream's event frame, with `event_id` and `position`. */
export type ConsumerEvent = Schemas['StreamEvent'];
export type PollConsumerResponse = Schemas['PollConsumerResponse'];
export type CommitConsumerResponse = Schemas['CommitConsumerResponse'];
export type ConsumerResponse = Schemas['ConsumerResponse'];
export type ListConsumersResponse = Schemas['ListConsumersResponse'];
