import type Database from 'better-sqlite3';
import { type EventRecord, recordsRelationship, type UserStore } from '../../types.js';
import type { FeedVersions } from '../feed-versions.js';
import type { WriteQueue } from '../write-queue.js';

/** `user.deleted` events outlive the erasure they announce: apps read them after it. */
const NOT_ERASURE_NOTICE = `NOT (event_category = 'user' AND event_type = 'deleted')`;

/** Past this many, the known pairs start over (about 5 MB of strings): a bound, not a tuning. */
const MAX_KNOWN_PAIRS = 50_000;

/**
 * The `user_apps` relation and erasure. `remember` runs inside every event insert's transaction
 * (the events' `afterInsert` hook): one insert-or-ignore per pair not already known to be stored.
 */
export function sqliteUsers(
  db: Database.Database,
  write: WriteQueue,
  feeds: FeedVersions,
  /** Frees a scope's idempotency keys still being handled (they are held in memory, not in the table). */
  forgetIdempotencyScope: (scope: string) => void,
) {
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

  // Pairs known to be stored, so a publish skips the statement for them: most events come from an app
  // that already knows its user. Only this process writes the file, so the set is exact once pairs are
  // added after their commit (`transactionEnded`) and dropped before anything deletes them.
  const known = new Set<string>();
  const pending = new Set<string>();
  // Also from `pending`: a pair written earlier in the same group commit is deleted now, not known.
  const forget = (userId: string, appId?: string) => {
    for (const pairs of [known, pending]) {
      if (appId !== undefined) pairs.delete(`${appId}\u0000${userId}`);
      else for (const pair of pairs) if (pair.endsWith(`\u0000${userId}`)) pairs.delete(pair);
    }
  };

  const store: UserStore = {
    appsOf: async (userId) => selectApps.all(userId),
    connect: (userId, appId) =>
      write(() => {
        insertPair.run(userId, appId, new Date().toISOString());
      }),
    disconnect: (userId, appId) =>
      write(() => {
        forget(userId, appId);
        return deletePair.run(userId, appId).changes > 0;
      }),
    erase: (userId, idempotencyScope) =>
      write(() => {
        const deliveries = erasure.deliveries.run(userId).changes;
        // Positions must keep rising after a restart even if the newest event was this user's.
        erasure.lastPosition.run();
        const events = erasure.events.run(userId).changes;
        erasure.states.run(userId);
        const notifications = erasure.notifications.run(userId).changes;
        const preferences = erasure.preferences.run(userId).changes > 0;
        forget(userId);
        erasure.relations.run(userId);
        erasure.idempotency.run(idempotencyScope);
        forgetIdempotencyScope(idempotencyScope);
        feeds.touch(userId);
        return { notifications, events, deliveries, preferences };
      }),
  };
  return {
    ...store,
    /** Inside an event insert's transaction: the apps of these events now know their users. */
    remember: (events: EventRecord[]) => {
      for (const event of events) {
        if (!recordsRelationship(event)) continue;
        const pair = `${event.app_id}\u0000${event.user_id}`;
        if (known.has(pair) || pending.has(pair)) continue;
        pending.add(pair);
        insertPair.run(event.user_id!, event.app_id, event.timestamp);
      }
    },
    /** After each transaction (the write queue's hook): pairs it wrote are known once it committed. */
    transactionEnded: (committed: boolean) => {
      if (committed) {
        if (known.size + pending.size > MAX_KNOWN_PAIRS) known.clear();
        for (const pair of pending) known.add(pair);
      }
      pending.clear();
    },
  };
}
