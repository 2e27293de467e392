import type { z } from '@hono/zod-openapi';
import type { ListNotificationsResponse, ListUserNotificationsQuery } from '@oriva/contract';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { StoredPreferences } from '../../storage/types.js';
import { recordServed } from './delivery.js';
import type { NotificationPage } from './page.js';
import { isMuted } from './preferences.js';
import { toPublicNotification } from './public-view.js';
import { unreadCounts } from './unread-counts.js';

export type FeedQuery = z.infer<typeof ListUserNotificationsQuery>;
type FeedResponse = z.infer<typeof ListNotificationsResponse>;

export interface FeedRequest {
  userId: string;
  query: FeedQuery;
  page: NotificationPage;
  /** Who reads: the user's own reads deliver what they are served. */
  reader: Principal;
}

/**
 * Reads pages of users' feeds: every app's notifications for one user, newest first, without what
 * the user muted unless asked, with the unread counts. Answers with the page serialized, since that
 * is what the cache keeps (`deps.feedCache`: this process's memory, or Redis shared by every instance).
 */
export function feedReader(deps: ServiceDeps): (request: FeedRequest) => Promise<string> {
  const cache = deps.feedCache;
  return async ({ userId, query, page, reader }) => {
    const at = new Date().toISOString();
    // The cache reads the user's version before the data: a write landing in between makes the entry
    // stale at once. The validated query: requests spelled differently but asking the same share a page.
    // A hit costs no database read at all: a cached page keeps the stream position it was read at,
    // older but as safe.
    const lookup = await cache.lookup(userId, JSON.stringify(query), at);
    deps.metrics.countCacheRequest('feed', lookup.result);
    if (lookup.result === 'hit') return lookup.body;
    // The stream position is read before the data: every change at or below it is in the page, so a
    // client resuming the stream from it misses nothing (a change may come twice, never zero times).
    const streamPosition = await deps.streamHead.current();
    const preferences = await deps.storage.preferences.get(userId);
    // Muted notifications stay stored and in sync; the default feed hides them, an app filter shows them.
    const hideMuted = !query.include_muted && query.app_id === undefined;
    const muted = mutedFilters(preferences);
    // The page and the counts are independent reads: side by side, one round trip of waiting instead of two.
    const [read, counts] = await Promise.all([
      deps.storage.notifications.list({
        user_id: userId,
        app_id: query.app_id,
        priority: query.priority,
        notification_type: query.notification_type,
        status: query.status ?? 'live',
        muted_apps: hideMuted ? muted.apps : undefined,
        muted_types: hideMuted ? muted.types : undefined,
        group: query.group,
        before_id: page.before_id,
        now: at,
        limit: page.limit,
        offset: page.offset,
      }),
      unreadCounts(deps, userId, at, preferences),
    ]);
    const { items: served, pagination } = page.cut(read);
    const items = await recordServed(deps.storage.notifications, reader, userId, served, at);
    const response: FeedResponse = {
      success: true as const,
      notifications: items.map((view) => toPublicNotification(view, at, isMuted(view, preferences))),
      pagination,
      unread_count: counts.unread_count,
      muted_unread_count: counts.muted_unread_count,
      stream_position: streamPosition,
    };
    const body = JSON.stringify(response);
    // Only a page whose every notification is delivered is cached: delivery then never makes it stale
    // (`delivered_at` is set once), and serving it from the cache owes no delivery to record.
    const ticket = lookup.result === 'miss' ? lookup.ticket : undefined;
    if (ticket && items.every((view) => view.delivered_at !== null)) {
      await cache.store(ticket, body, await deps.storage.notifications.nextFeedExpiry(userId, at));
    }
    return body;
  };
}

/** Muted apps, and muted types as the `app_id:type` pairs the feed query takes; undefined when none. */
function mutedFilters(preferences: StoredPreferences) {
  const types = Object.entries(preferences.muted_types).flatMap(([appId, list]) =>
    list.map((type) => `${appId}:${type}`),
  );
  return {
    apps: preferences.muted_apps.length > 0 ? preferences.muted_apps : undefined,
    types: types.length > 0 ? types : undefined,
  };
}
