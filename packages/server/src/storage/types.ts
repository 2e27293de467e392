/**
 * The storage interface. Routes and services see only this; SQL lives in the adapters
 * (SQLite now, PostgreSQL later), and the storage test suite runs against every adapter.
 */

export interface AppRecord {
  app_id: string;
  name: string;
  icon_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApiKeyRecord {
  id: string;
  app_id: string;
  name: string | null;
  prefix: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface EventRecord {
  id: string;
  app_id: string;
  user_id: string | null;
  event_category: string;
  event_type: string;
  entity_type: string;
  entity_id: string;
  /** Serialized JSON object. */
  event_data: string;
  timestamp: string;
  ip_address: string | null;
  user_agent: string | null;
}

export interface EventQuery {
  app_id: string;
  event_category?: string | undefined;
  event_type?: string | undefined;
  user_id?: string | undefined;
  entity_id?: string | undefined;
  /** Inclusive, ISO-8601 UTC. */
  start_date?: string | undefined;
  /** Exclusive, ISO-8601 UTC. */
  end_date?: string | undefined;
  /** Only events stored before this position (newest-first paging with a cursor). */
  before_position?: number | undefined;
  limit: number;
  offset: number;
}

/** An event as read back: with its position in the stream (the order of commits). */
export interface StoredEvent extends EventRecord {
  position: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface IdempotencyRecord {
  request_hash: string;
  /** `null` while the first request with this key is still being handled. */
  status: number | null;
  response_body: string | null;
}

export type IdempotencyReservation = { reserved: true } | { reserved: false; existing: IdempotencyRecord };

export type NotificationPriority = 'low' | 'normal' | 'high' | 'urgent';
export type StoredNotificationStatus = 'unread' | 'read' | 'clicked' | 'dismissed' | 'expired';

export interface NotificationContent {
  title: string;
  body: string;
  action_url: string | null;
  action_label: string | null;
  image_url: string | null;
  icon_url: string | null;
  priority: NotificationPriority;
  /** Serialized JSON object. */
  context_data: string;
  expires_at: string | null;
}

export interface NotificationRecord extends NotificationContent {
  id: string;
  app_id: string;
  external_id: string;
  user_id: string;
  notification_type: string;
  group_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationStateFields {
  status: StoredNotificationStatus;
  read_at: string | null;
  clicked_at: string | null;
  dismissed_at: string | null;
  dismissed_from: string | null;
  click_action: string | null;
  /**
   * When the notification first reached its user (served in their feed or pushed on their stream);
   * set once, never a change of state (see `markDelivered`).
   */
  delivered_at: string | null;
  /** When the state last changed. */
  state_updated_at: string;
}

/** A notification with its user's state and its app's name and icon, as every read returns it. */
export interface NotificationView extends NotificationRecord, NotificationStateFields {
  app_name: string;
  app_icon: string | null;
}

/** What a decision made inside a transaction changes. Events are stored in the same transaction. */
export interface NotificationChange {
  state?: Partial<Omit<NotificationStateFields, 'state_updated_at' | 'delivered_at'>>;
  content?: Partial<NotificationContent>;
  events: EventRecord[];
}

/** Decides, from the current row read inside the transaction, what to change (undefined: nothing). */
export type NotificationDecision = (current: NotificationView) => NotificationChange | undefined;

export type NotificationStatusFilter = 'live' | 'unread' | 'read' | 'clicked' | 'dismissed' | 'expired' | 'all';

export interface NotificationQuery {
  user_id?: string | undefined;
  app_id?: string | undefined;
  external_id?: string | undefined;
  status: NotificationStatusFilter;
  priority?: string | undefined;
  notification_type?: string | undefined;
  /** Hidden unless listed explicitly: apps and `app_id:type` pairs the user muted. */
  muted_apps?: string[] | undefined;
  muted_types?: string[] | undefined;
  group?: boolean | undefined;
  /** Only notifications older than this id (ids are time-ordered), for cursor paging. */
  before_id?: string | undefined;
  /** ISO-8601: notifications with `expires_at` at or before this read as expired. */
  now: string;
  limit: number;
  offset: number;
}

export interface UnreadCountRow {
  app_id: string;
  notification_type: string;
  count: number;
}

export interface StoredPreferences {
  muted_apps: string[];
  muted_types: Record<string, string[]>;
  updated_at: string | null;
}

/** An app's event about one of its notifications, applied to the notification in the event's transaction. */
export interface NotificationSync {
  app_id: string;
  external_id: string;
  decide: NotificationDecision;
}

export interface WebhookRecord {
  id: string;
  app_id: string;
  webhook_url: string;
  /** As stored: `whsec_…`, or encrypted (`enc:v1:…`) when ORIVA_SECRET_KEY is set. */
  webhook_secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  subscribed_events: string[];
  description: string | null;
  is_active: boolean;
  disabled_reason: string | null;
  last_delivery_at: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  consecutive_failures: number;
  total_deliveries: number;
  total_failures: number;
  max_retries: number;
  retry_backoff_seconds: number;
  created_at: string;
  updated_at: string;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface DeliveryRecord {
  position: number;
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  /** The request body, exactly as signed and sent. */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeliveryAttemptRecord {
  id: string;
  delivery_id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  status_code: number | null;
  response_body: string | null;
  /** Serialized JSON object. */
  response_headers: string | null;
  delivery_attempt: number;
  delivered_at: string;
  response_time_ms: number | null;
  success: boolean;
  error_message: string | null;
}

/**
 * The type of the event `POST …/webhooks/{id}/test` sends. Its delivery goes to that webhook alone,
 * and is sent even while the webhook is disabled: that is how an operator learns a receiver works
 * again before re-enabling it.
 */
export const TEST_DELIVERY_TYPE = 'webhook.test';

/** What one attempt did, and what happens next: recorded in one transaction. */
export interface DeliveryOutcome {
  attempt: DeliveryAttemptRecord;
  status: DeliveryStatus;
  next_attempt_at: string | null;
  /** Disable the webhook (410 Gone, or too many consecutive failures), with the event that says so. */
  disable?: { reason: string; event: EventRecord } | undefined;
  /** Disable when the webhook's consecutive failures reach this (the event is made then). */
  disable_after: number;
  disabled_event: (consecutiveFailures: number) => EventRecord;
}

export interface DeliveryQuery {
  webhook_id: string;
  success?: boolean | undefined;
  event_type?: string | undefined;
  since?: string | undefined;
  before_position?: number | undefined;
  limit: number;
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;

  createApp(app: AppRecord, firstKey: ApiKeyRecord): Promise<void>;
  getApp(appId: string): Promise<AppRecord | undefined>;
  listApps(): Promise<AppRecord[]>;
  updateApp(
    appId: string,
    changes: { name?: string; icon_url?: string | null },
    updatedAt: string,
  ): Promise<AppRecord | undefined>;

  createApiKey(key: ApiKeyRecord): Promise<void>;
  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(appId: string): Promise<ApiKeyRecord[]>;
  /** Returns false when no live key with that id belongs to the app. */
  revokeApiKey(appId: string, keyId: string, revokedAt: string): Promise<boolean>;

  /** Stores every event or none; `syncs` change notifications in the same transaction. */
  insertEvents(events: EventRecord[], syncs?: NotificationSync[]): Promise<void>;
  listEvents(query: EventQuery): Promise<Page<StoredEvent>>;

  /**
   * Stores a notification, its state and its `notification.created` event in one transaction, unless
   * the app already has one with that external_id: then nothing is written and that one is returned.
   */
  createNotification(
    notification: NotificationRecord,
    event: EventRecord,
  ): Promise<{ created: true; view: NotificationView } | { created: false; existing: NotificationView }>;
  getNotification(id: string): Promise<NotificationView | undefined>;
  /** By the app's external id: within one app, or across a user's notifications (may be several). */
  findNotificationsByExternalId(
    scope: { app_id: string } | { user_id: string },
    externalId: string,
  ): Promise<NotificationView[]>;
  /**
   * Reads the notification inside a transaction, lets `decide` choose a change, applies it. `decide`
   * may run more than once (a transaction run again): it must not keep state between calls.
   */
  changeNotification(
    id: string,
    decide: NotificationDecision,
  ): Promise<{ before: NotificationView; after: NotificationView; changed: boolean } | undefined>;
  /** Deletes the notification and its state, and stores `event`, in one transaction. */
  deleteNotification(id: string, event: EventRecord): Promise<boolean>;
  listNotifications(query: NotificationQuery): Promise<Page<NotificationView>>;
  /**
   * Records that notifications reached their user: sets `delivered_at` to `at` on those of `ids`
   * (the user's own) that have none, in one statement; a first delivery is never overwritten. It
   * changes neither `updated_at` nor the feed version: a delivery is no change of the notification,
   * and a cached feed page holds only delivered notifications. Returns the `delivered_at` now stored
   * for each of `ids` that exists.
   */
  markDelivered(userId: string, ids: string[], at: string): Promise<Map<string, string>>;
  /** Unread, unexpired notifications of a user per app and type, from an index alone. */
  countUnread(userId: string, now: string): Promise<UnreadCountRow[]>;
  /**
   * Marks a user's unread, unexpired notifications read in one transaction, with the events
   * `summarize` makes from them (one per app).
   */
  markAllRead(
    userId: string,
    filter: { app_id?: string | undefined; before?: string | undefined; now: string },
    summarize: (marked: NotificationView[]) => EventRecord[],
  ): Promise<number>;
  /** Marks up to `limit` notifications whose expiry has passed as expired, each with its event. */
  expireDue(now: string, limit: number, eventFor: (expired: NotificationView) => EventRecord): Promise<number>;
  /**
   * A token that changes whenever anything in a user's feed may have changed (their notifications,
   * states, preferences, or an app's name or icon), so a cached feed page can be checked in O(1).
   * Undefined when the adapter cannot tell (other instances may write): then nothing is cached.
   */
  feedVersion(userId: string): string | undefined;
  /** The earliest expiry after `now` among a user's live notifications: when their feed changes by itself. */
  nextFeedExpiry(userId: string, now: string): Promise<string | undefined>;
  getPreferences(userId: string): Promise<StoredPreferences>;
  putPreferences(userId: string, preferences: Omit<StoredPreferences, 'updated_at'>, updatedAt: string): Promise<void>;

  /** Calls `listener` after a commit that queued webhook deliveries; returns an unsubscribe function. */
  onDeliveriesQueued(listener: () => void): () => void;
  createWebhook(webhook: WebhookRecord): Promise<void>;
  getWebhook(appId: string, webhookId: string): Promise<WebhookRecord | undefined>;
  listWebhooks(appId: string): Promise<WebhookRecord[]>;
  updateWebhook(appId: string, webhookId: string, changes: Partial<WebhookRecord>): Promise<WebhookRecord | undefined>;
  deleteWebhook(appId: string, webhookId: string): Promise<boolean>;
  /**
   * Stores an event (`webhook.test`) with one delivery, to this webhook, active or not, and none to
   * any other webhook whatever it subscribes to; returns the delivery id.
   */
  insertEventForWebhook(event: EventRecord, webhookId: string): Promise<string>;
  /**
   * Leases due deliveries of active webhooks (and test deliveries of disabled ones) until `leaseUntil`: at most `limit` in all and at most
   * `perWebhook` minus what `inFlight` says each webhook already has, so one endpoint never takes more
   * than its share. Each delivery goes to one claimant; an expired lease (a crashed worker) makes it
   * due again.
   */
  claimDeliveries(
    now: string,
    limit: number,
    leaseUntil: string,
    perWebhook: number,
    inFlight: ReadonlyMap<string, number>,
  ): Promise<Array<{ delivery: DeliveryRecord; webhook: WebhookRecord }>>;
  /**
   * Logs the attempt, moves the delivery on, updates the webhook's stats (and maybe disables it). A
   * disabled webhook's stats stand still. False, recording nothing, when the delivery is gone (its
   * webhook was deleted while the attempt was in flight).
   */
  recordDeliveryOutcome(outcome: DeliveryOutcome): Promise<boolean>;
  /** The earliest `next_attempt_at` among deliveries `claimDeliveries` would take, to know when to wake. */
  nextDeliveryDue(): Promise<string | undefined>;
  countPendingDeliveries(): Promise<number>;
  countWebhooks(): Promise<{ active: number; disabled: number }>;
  listDeliveries(query: DeliveryQuery): Promise<Array<DeliveryRecord & { attempt_log: DeliveryAttemptRecord[] }>>;
  getDelivery(
    webhookId: string,
    deliveryId: string,
  ): Promise<(DeliveryRecord & { attempt_log: DeliveryAttemptRecord[] }) | undefined>;
  /** Makes one delivery due now (whatever its status), keeping its id. */
  requeueDelivery(webhookId: string, deliveryId: string, now: string): Promise<boolean>;
  /** Failed deliveries created in [since, until): counted, and requeued unless `dryRun`. */
  recoverDeliveries(webhookId: string, since: string, until: string, now: string, dryRun: boolean): Promise<number>;

  /**
   * Calls `listener` with the events of each commit, in commit order, with their positions: the
   * stream broadcasts them, after they are stored and never before. Returns an unsubscribe function.
   */
  onEventsCommitted(listener: (events: StoredEvent[]) => void): () => void;
  /** Events after `position` visible to a stream principal, oldest first (for resume). */
  eventsAfter(
    scope: { app_id: string; user_id?: string | undefined } | { user_id: string },
    position: number,
    limit: number,
  ): Promise<StoredEvent[]>;
  /** The position of an event, looked up among a principal's events (resume by event id). */
  eventPosition(scope: { app_id: string } | { user_id: string }, eventId: string): Promise<number | undefined>;
  /** The position of the newest stored event (0 when there is none). */
  headPosition(): Promise<number>;
  /**
   * Every app's committed events after `position`, oldest first. Positions are commit-ordered, so a
   * reader that saw position N has seen every event it will ever see below N (a bus fills gaps with it).
   */
  committedEventsAfter(position: number, limit: number): Promise<StoredEvent[]>;

  /**
   * Runs `fn` unless another holder (another instance) is running the job of that name; then does
   * nothing. For periodic work that one instance should do at a time (sweeps, retention).
   */
  runExclusive<T>(job: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /**
   * Retention: removes events and finished webhook deliveries (with their attempt logs) older than
   * `cutoff`, `batchSize` rows per transaction. Pending deliveries and notifications are kept.
   */
  pruneBefore(
    cutoff: string,
    batchSize: number,
  ): Promise<{ events: number; deliveries: number; partitionsDropped: number }>;

  /** Atomically claims (scope, key) for a first request, or returns what is stored for it. */
  reserveIdempotencyKey(
    scope: string,
    key: string,
    requestHash: string,
    createdAt: string,
  ): Promise<IdempotencyReservation>;
  completeIdempotencyKey(scope: string, key: string, status: number, responseBody: string): Promise<void>;
  releaseIdempotencyKey(scope: string, key: string): Promise<void>;
  pruneIdempotencyKeys(olderThan: string): Promise<number>;
}
