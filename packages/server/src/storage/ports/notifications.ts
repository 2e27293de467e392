/** Notifications and each one's state for its user. */
import type { EventRecord, Page } from './events.js';

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

/** An app's event about one of its notifications, applied to the notification in the event's transaction. */
export interface NotificationSync {
  app_id: string;
  external_id: string;
  /** The event's user: the only user whose notification `decide` may change (their feed is invalidated). */
  user_id: string | null;
  decide: NotificationDecision;
}

/** The state columns a `NotificationChange` may set, in the order every adapter writes them. */
export const NOTIFICATION_STATE_COLUMNS = [
  'status',
  'read_at',
  'clicked_at',
  'dismissed_at',
  'dismissed_from',
  'click_action',
] as const;
/** The content columns a `NotificationChange` may set (an app's update of its notification). */
export const NOTIFICATION_CONTENT_COLUMNS = [
  'title',
  'body',
  'action_url',
  'action_label',
  'image_url',
  'icon_url',
  'priority',
  'context_data',
  'expires_at',
] as const;

export interface NotificationStore {
  /**
   * Stores a notification, its state and its `notification.created` event in one transaction, unless
   * the app already has one with that external_id: then nothing is written and that one is returned.
   */
  create(
    notification: NotificationRecord,
    event: EventRecord,
  ): Promise<{ created: true; view: NotificationView } | { created: false; existing: NotificationView }>;
  get(id: string): Promise<NotificationView | undefined>;
  /** By the app's external id: within one app, or across a user's notifications (may be several). */
  findByExternalId(scope: { app_id: string } | { user_id: string }, externalId: string): Promise<NotificationView[]>;
  /**
   * Reads the notification inside a transaction, lets `decide` choose a change, applies it. `decide`
   * may run more than once (a transaction run again): it must not keep state between calls.
   */
  change(
    id: string,
    decide: NotificationDecision,
  ): Promise<{ before: NotificationView; after: NotificationView; changed: boolean } | undefined>;
  /** Deletes the notification and its state, and stores `event`, in one transaction. */
  delete(id: string, event: EventRecord): Promise<boolean>;
  list(query: NotificationQuery): Promise<Page<NotificationView>>;
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
   * Undefined when the adapter cannot tell (other instances may write): then nothing is cached in the
   * process; with Redis, the shared cache keeps versions of its own (cache/redis-feed-cache.ts).
   */
  feedVersion(userId: string): string | undefined;
  /** The earliest expiry after `now` among a user's live notifications: when their feed changes by itself. */
  nextFeedExpiry(userId: string, now: string): Promise<string | undefined>;
}
