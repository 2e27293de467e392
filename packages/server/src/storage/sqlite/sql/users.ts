import type Database from 'better-sqlite3';
import { type EventRecord, recordsRelationship, type UserStore } from '../../types.js';
import type { FeedVersions } from '../feed-versions.js';
import type { WriteQueue } from '../write-queue.js';

/** `user.deleted` events outlive the erasure they announce: apps read them after it. */
const NOT_ERASURE_NOTICE = `NOT (event_category = 'user' AND event_type = 'deleted')`;

/**
 * The `user_apps` relation and erasure. `remember` runs inside every event insert's transaction
 * (the events' `afterInsert` hook), one insert-or-ignore per distinct pair of the batch.
 */
export function sqliteUsers(db: Database.Database, write: WriteQueue, feeds: FeedVersions) {
  const insertPair = db.prepare<[string, string, string]>(
    'INSERT OR IGNORE INTO user_apps (user_id, app_id, created_at) VALUES (?, ?, ?)',
  );
  const deletePair = db.prepare<[string, string]>('DELETE FROM user_apps WHERE user_id = ? AND app_id = ?');
  const selectApps = db
    .prepare<[string], string>('SELECT app_id FROM user_apps WHERE user_id = ? ORDER BY app_id')
    .pluck();
  const erasure = {
    deliveries: db.prepare<[string]>(
      `DELETE FROM webhook_deliveries WHERE event_id IN
         (SELECT id FROM platform_events WHERE user_id = ? AND ${NOT_ERASURE_NOTICE})`,
    ),
    lastPosition: db.prepare(
      `INSERT INTO storage_meta (key, value) SELECT 'last_event_position', MAX(seq) FROM platform_events WHERE true HAVING MAX(seq) IS NOT NULL
       ON CONFLICT (key) DO UPDATE SET value = MAX(value, excluded.value)`,
    ),
    events: db.prepare<[string]>(`DELETE FROM platform_events WHERE user_id = ? AND ${NOT_ERASURE_NOTICE}`),
    states: db.prepare<[string]>('DELETE FROM notification_state WHERE user_id = ?'),
    notifications: db.prepare<[string]>('DELETE FROM platform_notifications WHERE user_id = ?'),
    preferences: db.prepare<[string]>('DELETE FROM user_preferences WHERE user_id = ?'),
    relations: db.prepare<[string]>('DELETE FROM user_apps WHERE user_id = ?'),
    idempotency: db.prepare<[string]>('DELETE FROM idempotency_keys WHERE scope = ?'),
  };

  const store: UserStore = {
    appsOf: async (userId) => selectApps.all(userId),
    connect: (userId, appId) =>
      write(() => {
        insertPair.run(userId, appId, new Date().toISOString());
      }),
    disconnect: (userId, appId) => write(() => deletePair.run(userId, appId).changes > 0),
    erase: (userId, idempotencyScope) =>
      write(() => {
        const deliveries = erasure.deliveries.run(userId).changes;
        // Positions must keep rising after a restart even if the newest event was this user's.
        erasure.lastPosition.run();
        const events = erasure.events.run(userId).changes;
        erasure.states.run(userId);
        const notifications = erasure.notifications.run(userId).changes;
        const preferences = erasure.preferences.run(userId).changes > 0;
        erasure.relations.run(userId);
        erasure.idempotency.run(idempotencyScope);
        feeds.touch(userId);
        return { notifications, events, deliveries, preferences };
      }),
  };
  return {
    ...store,
    /** Inside an event insert's transaction: the apps of these events now know their users. */
    remember: (events: EventRecord[]) => {
      let last = '';
      for (const event of events) {
        if (!recordsRelationship(event)) continue;
        const pair = `${event.app_id}\u0000${event.user_id}`;
        // Batches usually repeat one pair: skip the statement for a run of the same one.
        if (pair === last) continue;
        last = pair;
        insertPair.run(event.user_id!, event.app_id, event.timestamp);
      }
    },
  };
}
