import type { APIPromise } from '../core/api-promise.js';
import { OrivaError } from '../core/errors.js';
import { CursorPage, type CursorQuery, type PageFetcher, type PagePromise } from '../core/pagination.js';
import type { AppRequestOptions, RequestOptions, UserRequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type {
  CreateNotificationRequest,
  CreateNotificationResponse,
  DismissParams,
  MarkClickedParams,
  Notification,
  NotificationListParams,
  NotificationResponse,
  Pagination,
  ReadAllRequest,
  ReadAllResponse,
  SettableNotificationStatus,
  UnreadCountResponse,
  UpdateNotificationRequest,
  UpdateNotificationResponse,
} from '../types.js';

/** Options of `notifications.list`: the app (app key, admin token) or the user (admin token) to list. */
export interface NotificationListOptions extends RequestOptions {
  /** List this app's notifications (`/apps/{appId}/notifications`), instead of the client's `appId`. */
  appId?: string | undefined;
  /** With the admin token: list this user's feed (`/users/{userId}/notifications`). */
  userId?: string | undefined;
}

/** Filters only an app's list takes, and filters only a user's feed takes. */
const APP_ONLY_FILTERS = ['user_id', 'external_id'] as const;
const FEED_ONLY_FILTERS = ['app_id', 'priority', 'notification_type', 'include_muted', 'group'] as const;

/**
 * One page of notifications. On a user's feed it also carries the feed's unread counts (the same
 * on every page); on an app's list they are `null`.
 */
export class NotificationPage<Query extends CursorQuery = NotificationListParams> extends CursorPage<
  Notification,
  Query
> {
  /** Unread, unexpired notifications from apps and types the user has not muted; `null` on an app's list. */
  readonly unreadCount: number | null;
  /** Unread notifications hidden by the user's mutes; `null` on an app's list. */
  readonly mutedUnreadCount: number | null;
  /**
   * The stream's position when this feed page was read; `null` on an app's list. Open the stream with
   * `{ since: page.streamPosition }` to receive every change after the page, none missed (snapshot +
   * position; a change already in the page may come again).
   */
  readonly streamPosition: number | null;

  constructor(
    fetchPage: PageFetcher<Notification, Query, NotificationPage<Query>>,
    query: Query,
    data: Notification[],
    pagination: Pagination,
    requestId: string | null,
    counts: { unreadCount: number | null; mutedUnreadCount: number | null; streamPosition?: number | null } = {
      unreadCount: null,
      mutedUnreadCount: null,
    },
  ) {
    super(fetchPage, query, data, pagination, requestId);
    this.unreadCount = counts.unreadCount;
    this.mutedUnreadCount = counts.mutedUnreadCount;
    this.streamPosition = counts.streamPosition ?? null;
  }
}

type ListTarget = { kind: 'app'; appId: string } | { kind: 'user'; userId: string };

/**
 * Notifications: an app creates and manages its own (`create`, `update`, `delete`, `list`); a user
 * reads their feed from every app (`list` with a user token, `unreadCount`) and acts on it
 * (`markRead`, `markClicked`, `dismiss`, `markUnread`, `markAllRead`). A change of state made
 * anywhere is stored once and reported to the owning app as a `notification.<status>` event:
 * dismissed once, dismissed everywhere.
 *
 * `retrieve`, `update`, `delete` and the `mark…`/`dismiss` methods take the platform id (`ntf_…`) or
 * the app's own `external_id`; they work with the notification's user's token, the owning app's
 * key, or the admin token.
 */
export class Notifications extends APIResource {
  /**
   * Create a notification for a user (app key). App-scoped: `/apps/{appId}/notifications`.
   * Idempotent by `external_id`: sending the same notification again answers with the existing
   * one (status 200 instead of 201, see `withResponse()`); the same `external_id` with other
   * content is a `ConflictError` (409 `notification_exists`).
   *
   * @example
   * const { notification_id } = await client.notifications.create({
   *   external_id: 'wb_notif_123',
   *   user_id: 'user_456',
   *   notification_type: 'session_reminder',
   *   title: 'Session starting in 10 minutes',
   *   body: 'Your session with Sarah starts soon',
   *   action_url: 'workbuddy://session/789',
   *   action_label: 'View Session',
   *   priority: 'high',
   *   context_data: { session_id: 'session_789' },
   * });
   * const { response } = await client.notifications.create(same).withResponse();
   * response.status; // 200: it already existed
   */
  create(params: CreateNotificationRequest, options?: AppRequestOptions): APIPromise<CreateNotificationResponse> {
    return this._client.request<CreateNotificationResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/notifications`,
      body: params,
    }));
  }

  /**
   * Read one notification by its platform id (`ntf_…`) or its app's `external_id`.
   *
   * @example
   * const { notification } = await client.notifications.retrieve('wb_notif_123');
   * console.log(notification.status, notification.app_name);
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<NotificationResponse> {
    return this._client.request<NotificationResponse>(() => ({
      ...options,
      method: 'get',
      path: path`/notifications/${id}`,
    }));
  }

  /**
   * Change a notification's status (its user or the owning app) or its content (the owning app).
   * `changed: false` in the answer means the request repeated the current state: nothing was
   * stored and no event was recorded.
   *
   * @example
   * await client.notifications.update('wb_notif_123', { title: 'Session starting in 5 minutes', priority: 'urgent' });
   * await client.notifications.update('wb_notif_123', { status: 'dismissed', dismissed_from: 'work_buddy' });
   */
  update(
    id: string,
    params: UpdateNotificationRequest,
    options?: RequestOptions,
  ): APIPromise<UpdateNotificationResponse> {
    return this._client.request<UpdateNotificationResponse>(() => ({
      ...options,
      method: 'patch',
      path: path`/notifications/${id}`,
      body: params,
    }));
  }

  /**
   * Delete a notification for good (a `notification.deleted` event is recorded). Resolves with nothing (204).
   *
   * @example
   * await client.notifications.delete('wb_notif_123');
   */
  delete(id: string, options?: RequestOptions): APIPromise<void> {
    return this._client.request<void>(() => ({
      ...options,
      method: 'delete',
      path: path`/notifications/${id}`,
    }));
  }

  /**
   * List notifications, newest first. Which list depends on the client's credential:
   *
   * - a **user token**: the user's feed from every app, `GET /users/{userId}/notifications`, with
   *   `app_name` joined and the feed's unread counts on every page (`page.unreadCount`);
   * - an **app key**: the app's own notifications, `GET /apps/{appId}/notifications`;
   * - the **admin token**: a user's feed when a `userId` is given (per call, or the client's
   *   `userId` option) and no per-call `appId`; else the app's notifications.
   *
   * A filter of the other list (`external_id` on a feed, `priority` on an app's list) is refused
   * before anything is sent. Await it for one page; iterate it with `for await` for every
   * notification across pages (each next page is requested with `after = next_cursor`).
   *
   * @example
   * // In the browser, with the signed-in user's token:
   * const user = new Oriva({ userToken: session.accessToken, baseUrl: 'https://api.oriva.io' });
   * const page = await user.notifications.list({ limit: 20 });
   * console.log(page.unreadCount, page.data.map((n) => `${n.app_name}: ${n.title}`));
   * // Snapshot + position: every change after the page arrives on the stream, none missed.
   * const stream = user.stream({ since: page.streamPosition ?? undefined });
   * for await (const notification of user.notifications.list({ status: 'all' })) console.log(notification.id);
   *
   * // On the app's server:
   * for await (const notification of app.notifications.list({ user_id: 'user_456', status: 'unread' })) {}
   * // As the admin:
   * await admin.notifications.list({}, { userId: 'user_456' });
   */
  list(
    query: NotificationListParams = {},
    options?: NotificationListOptions,
  ): PagePromise<NotificationPage<NotificationListParams>, Notification> {
    return this._client.getCursorPage<Notification, NotificationListParams, NotificationPage<NotificationListParams>>(
      (pageQuery) => {
        const target = this.#listTarget(options);
        checkFilters(pageQuery, target.kind);
        return {
          ...this._requestOptions(options),
          method: 'get',
          path:
            target.kind === 'user'
              ? path`/users/${target.userId}/notifications`
              : path`/apps/${target.appId}/notifications`,
          query: pageQuery,
        };
      },
      'notifications',
      query,
      (fetchPage, pageQuery, data, pagination, requestId, body) =>
        new NotificationPage(fetchPage, pageQuery, data, pagination, requestId, {
          unreadCount: typeof body.unread_count === 'number' ? body.unread_count : null,
          mutedUnreadCount: typeof body.muted_unread_count === 'number' ? body.muted_unread_count : null,
          streamPosition: typeof body.stream_position === 'number' ? body.stream_position : null,
        }),
    );
  }

  /**
   * Mark a notification read.
   *
   * @example
   * await user.notifications.markRead('ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T');
   */
  markRead(id: string, options?: RequestOptions): APIPromise<UpdateNotificationResponse> {
    return this.#setStatus(id, 'read', {}, options);
  }

  /**
   * Mark a notification clicked, optionally saying what the click did.
   *
   * @example
   * await user.notifications.markClicked('wb_notif_123', { click_action: 'open_session' });
   */
  markClicked(
    id: string,
    params: MarkClickedParams = {},
    options?: RequestOptions,
  ): APIPromise<UpdateNotificationResponse> {
    return this.#setStatus(id, 'clicked', params, options);
  }

  /**
   * Dismiss a notification everywhere, optionally saying where it was dismissed. The owning app
   * receives a `notification.dismissed` event.
   *
   * @example
   * await user.notifications.dismiss('wb_notif_123', { dismissed_from: 'oriva_core' });
   */
  dismiss(id: string, params: DismissParams = {}, options?: RequestOptions): APIPromise<UpdateNotificationResponse> {
    return this.#setStatus(id, 'dismissed', params, options);
  }

  /**
   * Mark a notification unread again.
   *
   * @example
   * await user.notifications.markUnread('wb_notif_123');
   */
  markUnread(id: string, options?: RequestOptions): APIPromise<UpdateNotificationResponse> {
    return this.#setStatus(id, 'unread', {}, options);
  }

  /**
   * Mark every unread notification of the user read, in one transaction; optionally only one
   * app's (`app_id`) or only those created before a time (`before`). Resolves to how many changed.
   * The user is the client's (`userId`, by default its token's `sub`) or `{ userId }` per call.
   *
   * @example
   * const { count } = await user.notifications.markAllRead();
   * await user.notifications.markAllRead({ app_id: 'work-buddy', before: '2025-09-30T10:00:00Z' });
   */
  markAllRead(params: ReadAllRequest = {}, options?: UserRequestOptions): APIPromise<ReadAllResponse> {
    return this._client.request<ReadAllResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/users/${this._userId(options)}/notifications/read-all`,
      body: params,
    }));
  }

  /**
   * The user's unread counts, for a badge: `unread_count` (apps and types not muted),
   * `muted_unread_count`, and `by_app`.
   *
   * @example
   * const { unread_count, by_app } = await user.notifications.unreadCount();
   */
  unreadCount(options?: UserRequestOptions): APIPromise<UnreadCountResponse> {
    return this._client.request<UnreadCountResponse>(() => ({
      ...this._requestOptions(options),
      method: 'get',
      path: path`/users/${this._userId(options)}/notifications/unread-count`,
    }));
  }

  #setStatus(
    id: string,
    status: SettableNotificationStatus,
    params: MarkClickedParams & DismissParams,
    options: RequestOptions | undefined,
  ): APIPromise<UpdateNotificationResponse> {
    return this.update(id, { ...params, status }, options);
  }

  /** Which list `list()` reads; a mistake (an app key with `userId`) rejects the call. */
  #listTarget(options: NotificationListOptions | undefined): ListTarget {
    const kind = this._client.credentialKind;
    if (kind === 'userToken') {
      if (options?.appId !== undefined) {
        throw new OrivaError(
          "A user token lists the user's own feed, not an app's notifications: to see one app's, filter the feed with `{ app_id }` in the query.",
        );
      }
      return { kind: 'user', userId: this._userId(options) };
    }
    if (kind === 'apiKey') {
      if (options?.userId !== undefined) {
        throw new OrivaError(
          "An app key lists its app's notifications, not a user's feed: to see one user's, filter with `{ user_id }` in the query.",
        );
      }
      return { kind: 'app', appId: this._appId(options) };
    }
    if (options?.userId !== undefined && options.appId !== undefined) {
      throw new OrivaError(
        "Pass `userId` (a user's feed) or `appId` (an app's notifications) to `notifications.list`, not both.",
      );
    }
    const userId = options?.appId === undefined ? (options?.userId ?? this._client.userId) : null;
    return userId ? { kind: 'user', userId } : { kind: 'app', appId: this._appId(options) };
  }
}

/** Refuses the other list's filters, which the server would reject less clearly. */
function checkFilters(query: NotificationListParams, target: ListTarget['kind']): void {
  const foreign: readonly string[] = target === 'user' ? APP_ONLY_FILTERS : FEED_ONLY_FILTERS;
  const given = foreign.filter((key) => query[key as keyof NotificationListParams] !== undefined);
  if (target === 'app' && query.status === 'all') given.push("status: 'all'");
  if (given.length === 0) return;
  const list = given.map((key) => `\`${key}\``).join(', ');
  throw new OrivaError(
    target === 'user'
      ? `${list} only filter${given.length === 1 ? 's' : ''} an app's notifications; this call lists a user's feed (filters: status, app_id, priority, notification_type, include_muted, group).`
      : `${list} only filter${given.length === 1 ? 's' : ''} a user's feed; this call lists an app's notifications (filters: user_id, status, external_id).`,
  );
}
