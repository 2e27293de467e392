import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Storage } from '../types.js';
import { startCheckpointer } from './checkpointer.js';
import { migrate } from './migrate.js';
import { appStatements } from './sql/apps.js';
import { eventQueries, eventStatements } from './sql/events.js';
import { idempotencyStatements } from './sql/idempotency.js';
import { notificationStatements } from './sql/notifications.js';
import { retentionStatements } from './sql/retention.js';
import { webhookStatements } from './sql/webhooks.js';
import { createWriteQueue } from './write-queue.js';

export interface SqliteOptions {
  /**
   * Past this WAL size, writes wait (asynchronously) for the checkpointer to copy every page, so that
   * the next write starts the WAL over: it bounds the file under sustained writes. After a restart the
   * file is truncated to a quarter of this. Default 256 MiB; tests use less.
   */
  walLimitBytes?: number;
}

const DEFAULT_WAL_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * The embedded adapter on better-sqlite3. Calls are synchronous underneath; the async interface
 * lets the PostgreSQL adapter share every caller and every test.
 */
export function openSqliteStorage(path: string, options: SqliteOptions = {}): Storage {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // WAL lets readers run beside the writer; NORMAL sync is durable across process crashes in WAL mode
  // (only an OS crash can lose the last transactions), which is what an embedded default should trade.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A 64 MiB page cache keeps the hot ends of the event indexes in memory.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  migrate(db);
  // Checkpoints run on their own thread for a file; an in-memory database has no WAL to copy.
  const checkpointer = path === ':memory:' ? undefined : startCheckpointer(path);
  if (checkpointer) db.pragma('wal_autocheckpoint = 0');
  const walLimitBytes = options.walLimitBytes ?? DEFAULT_WAL_LIMIT_BYTES;
  db.pragma(`journal_size_limit = ${Math.floor(walLimitBytes / 4)}`);

  // The event and webhook statements need the write queue, and the queue tells them of each outcome.
  const write = createWriteQueue(db, {
    transactionEnded: (committed) => events.transactionEnded(committed),
    flushed: () => {
      events.flushed();
      webhooks.afterCommit();
    },
    beforeFlush: () => checkpointer?.catchUpIfOver(walLimitBytes),
  });
  const webhooks = webhookStatements(db, write);
  const apps = appStatements(db);
  const events = eventStatements(db, write, webhooks.writeOutbox);
  const eventReads = eventQueries(db);
  const idempotency = idempotencyStatements(db, write);
  const notifications = notificationStatements(db, write, events.insertRows);
  const retention = retentionStatements(db, write);
  const ping = db.prepare('SELECT 1');

  return {
    kind: 'sqlite',
    ping: async () => {
      ping.get();
    },
    close: async () => {
      await checkpointer?.close();
      db.close();
    },
    createApp: async (app, key) => apps.createAppWithKey(app, key),
    getApp: async (appId) => apps.selectApp(appId),
    listApps: async () => apps.selectApps(),
    updateApp: async (appId, changes, updatedAt) => {
      if (!apps.updateApp(appId, changes, updatedAt)) return undefined;
      notifications.touchAllFeeds();
      return apps.selectApp(appId);
    },
    createApiKey: async (key) => {
      apps.insertKey(key);
    },
    findApiKeyByHash: async (hash) => apps.selectKeyByHash(hash),
    listApiKeys: async (appId) => apps.selectKeysOfApp(appId),
    revokeApiKey: async (appId, keyId, at) => apps.revokeKey(appId, keyId, at),
    insertEvents: (records, syncs) =>
      syncs?.length
        ? write(() => {
            events.insertRows(records);
            notifications.applySyncs(syncs);
          })
        : events.insertMany(records),
    listEvents: async (query) => eventReads.list(query),
    onEventsCommitted: (listener) => events.onCommitted(listener),
    eventsAfter: async (scope, position, limit) => eventReads.after(scope, position, limit),
    eventPosition: async (scope, eventId) => eventReads.positionOf(scope, eventId),
    headPosition: async () => events.headPosition(),
    committedEventsAfter: async (position, limit) => eventReads.committedAfter(position, limit),
    // One process owns a SQLite file: there is no other holder to exclude.
    runExclusive: async (_job, fn) => ({ ran: true, value: await fn() }),
    pruneBefore: (cutoff, batchSize) => retention.pruneBefore(cutoff, batchSize),
    createNotification: (notification, event) => notifications.create(notification, event),
    getNotification: async (id) => notifications.get(id),
    findNotificationsByExternalId: async (scope, externalId) =>
      'app_id' in scope
        ? notifications.findByAppExternal(scope.app_id, externalId)
        : notifications.findByUserExternal(scope.user_id, externalId),
    changeNotification: (id, decide) => notifications.change(id, decide),
    deleteNotification: (id, event) => notifications.delete(id, event),
    listNotifications: async (query) => notifications.list(query),
    markDelivered: (userId, ids, at) => notifications.markDelivered(userId, ids, at),
    countUnread: async (userId, now) => notifications.countUnread(userId, now),
    markAllRead: (userId, filter, summarize) => notifications.markAllRead(userId, filter, summarize),
    expireDue: (now, limit, eventFor) => notifications.expireDue(now, limit, eventFor),
    feedVersion: (userId) => notifications.feedVersion(userId),
    nextFeedExpiry: async (userId, now) => notifications.nextFeedExpiry(userId, now),
    getPreferences: async (userId) => notifications.getPreferences(userId),
    putPreferences: (userId, preferences, at) => notifications.putPreferences(userId, preferences, at),
    onDeliveriesQueued: (listener) => webhooks.onDeliveriesQueued(listener),
    createWebhook: (webhook) => webhooks.create(webhook),
    getWebhook: async (appId, id) => webhooks.get(appId, id),
    listWebhooks: async (appId) => webhooks.list(appId),
    updateWebhook: (appId, id, changes) => webhooks.update(appId, id, changes),
    deleteWebhook: (appId, id) => webhooks.delete(appId, id),
    insertEventForWebhook: (event, webhookId) => webhooks.insertTestDelivery(event, webhookId, events.insertRows),
    claimDeliveries: (now, limit, leaseUntil, perWebhook, inFlight) =>
      webhooks.claim(now, limit, leaseUntil, perWebhook, inFlight),
    recordDeliveryOutcome: (outcome) => webhooks.recordOutcome(outcome, events.insertRows),
    nextDeliveryDue: async () => webhooks.nextDue(),
    countPendingDeliveries: async () => webhooks.countPending(),
    countWebhooks: async () => webhooks.countByState(),
    listDeliveries: async (query) => webhooks.listDeliveries(query),
    getDelivery: async (webhookId, id) => webhooks.getDelivery(webhookId, id),
    requeueDelivery: (webhookId, id, now) => webhooks.requeue(webhookId, id, now),
    recoverDeliveries: (webhookId, since, until, now, dryRun) => webhooks.recover(webhookId, since, until, now, dryRun),
    reserveIdempotencyKey: (scope, key, hash, at) => idempotency.reserve(scope, key, hash, at),
    completeIdempotencyKey: (scope, key, status, body) => idempotency.complete(scope, key, status, body),
    releaseIdempotencyKey: (scope, key) => idempotency.release(scope, key),
    pruneIdempotencyKeys: async (olderThan) => idempotency.prune(olderThan),
  };
}
