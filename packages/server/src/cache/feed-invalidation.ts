import type { AppStore, EventStore, NotificationStore, PreferenceStore, Storage, UserStore } from '../storage/types.js';
import type { FeedInvalidation } from './feed-cache.js';

/**
 * Tells a shared feed cache whose feed each write may have changed, after the write's commit and
 * before the caller answers: the same list of writes for which the SQLite adapter bumps its
 * in-process versions (create, change, delete, read-all, the app's own sync events, preferences,
 * erasure; every feed for an app's name or icon). Expiry needs no bump: entries end at the next
 * expiry by themselves.
 *
 * A write that fails may still have committed (a connection lost after COMMIT), so writes whose user
 * is known from their arguments bump whatever happens. The bump never fails the write: the cache
 * handles its own failures (see `RedisFeedCache`).
 */
export function withFeedInvalidation(storage: Storage, feeds: FeedInvalidation): Storage {
  const { notifications, events, preferences, users, apps } = storage;
  const afterwards = async <T>(write: Promise<T>, bump: () => Promise<void>): Promise<T> => {
    try {
      return await write;
    } finally {
      await bump();
    }
  };

  const invalidatingNotifications = Object.assign(Object.create(notifications) as NotificationStore, {
    create: (notification, event) =>
      afterwards(notifications.create(notification, event), () => feeds.touch([notification.user_id])),
    change: async (id, decide) => {
      const result = await notifications.change(id, decide);
      if (result?.changed) await feeds.touch([result.after.user_id]);
      return result;
    },
    delete: (id, event) => afterwards(notifications.delete(id, event), () => feeds.touch(usersOf([event]))),
    markAllRead: (userId, filter, summarize) =>
      afterwards(notifications.markAllRead(userId, filter, summarize), () => feeds.touch([userId])),
  } satisfies Partial<NotificationStore>);

  const invalidatingEvents = Object.assign(Object.create(events) as EventStore, {
    insert: (records, syncs) =>
      syncs?.length
        ? afterwards(events.insert(records, syncs), () => feeds.touch(usersOf(syncs)))
        : events.insert(records),
  } satisfies Partial<EventStore>);

  const invalidatingPreferences = Object.assign(Object.create(preferences) as PreferenceStore, {
    put: (userId, values, at) => afterwards(preferences.put(userId, values, at), () => feeds.touch([userId])),
  } satisfies Partial<PreferenceStore>);

  const invalidatingUsers = Object.assign(Object.create(users) as UserStore, {
    erase: (userId, scope) => afterwards(users.erase(userId, scope), () => feeds.touch([userId])),
  } satisfies Partial<UserStore>);

  const invalidatingApps = Object.assign(Object.create(apps) as AppStore, {
    update: (appId, changes, updatedAt) => afterwards(apps.update(appId, changes, updatedAt), () => feeds.touchAll()),
  } satisfies Partial<AppStore>);

  return Object.assign(Object.create(storage) as Storage, {
    notifications: invalidatingNotifications,
    events: invalidatingEvents,
    preferences: invalidatingPreferences,
    users: invalidatingUsers,
    apps: invalidatingApps,
  });
}

function usersOf(items: Array<{ user_id: string | null }>): string[] {
  return items.flatMap((item) => (item.user_id === null ? [] : [item.user_id]));
}
