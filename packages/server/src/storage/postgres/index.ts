import type { Storage } from '../types.js';
import { checkSchemaName, createPool } from './db.js';
import { ensurePartitions, migrate } from './migrate.js';
import { appStatements } from './sql/apps.js';
import { eventQueries, eventStatements } from './sql/events.js';
import { idempotencyStatements } from './sql/idempotency.js';
import { notificationStatements } from './sql/notifications.js';
import { retentionStatements } from './sql/retention.js';
import { webhookStatements, writeOutbox } from './sql/webhooks.js';

export { MONTHS_AHEAD } from './migrate.js';

export interface PostgresStorageOptions {
  /** `postgres://user:password@host:5432/database` */
  url: string;
  /** Where the tables live (created if missing): a lower-case identifier. */
  schema: string;
  /** Connections in the pool (at least 2: `runExclusive` holds one while its job runs). */
  poolSize: number;
  /** Run parameterised queries as named prepared statements (default true; see db.ts). */
  preparedStatements?: boolean;
}

export interface PostgresStorage extends Storage {
  readonly kind: 'postgres';
  /**
   * Makes the monthly event partitions from the previous month to three months ahead of `now`
   * (those missing) and returns their names. Runs at open and before each `pruneBefore`; call it
   * daily when retention is off.
   */
  ensurePartitions(now?: Date): Promise<string[]>;
}

/**
 * The adapter for several instances sharing one PostgreSQL database. Same behaviour as the SQLite
 * adapter, with what sharing changes: positions are commit-ordered across instances (sql/events.ts),
 * deliveries are claimed with SKIP LOCKED and leases, nothing is cached (`feedVersion` is undefined),
 * and `runExclusive` takes a session advisory lock.
 *
 * @example
 * const storage = await openPostgresStorage({ url: process.env.DATABASE_URL!, schema: 'oriva', poolSize: 10 });
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<PostgresStorage> {
  const schema = checkSchemaName(options.schema);
  const pool = createPool({ ...options, schema });
  // A lost connection must not crash the process. The pool replaces an idle client that errs; a
  // checked-out one (a held advisory lock, a transaction between statements) has no listener of the
  // pool's, so each client gets one of its own: its next query fails and the caller releases it broken.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    await migrate(pool, schema);
    await ensurePartitions(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const deliveryListeners = new Set<() => void>();
  const deliveriesQueued = () => {
    for (const listener of deliveryListeners) listener();
  };
  const events = eventStatements(pool, schema, writeOutbox, deliveriesQueued);
  const { runTx, grouped } = events;
  const eventReads = eventQueries(pool);
  const apps = appStatements(pool, runTx);
  const notifications = notificationStatements(pool, runTx, grouped);
  const webhooks = webhookStatements(pool, runTx, deliveryListeners);
  const idempotency = idempotencyStatements(pool);
  const retention = retentionStatements(pool, () => ensurePartitions(pool, schema));

  return {
    kind: 'postgres',
    ensurePartitions: (now) => ensurePartitions(pool, schema, now),
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
    createApp: (app, key) => apps.createAppWithKey(app, key),
    getApp: (appId) => apps.selectApp(appId),
    listApps: () => apps.selectApps(),
    updateApp: (appId, changes, updatedAt) => apps.updateApp(appId, changes, updatedAt),
    createApiKey: (key) => apps.insertKey(key),
    findApiKeyByHash: (hash) => apps.selectKeyByHash(hash),
    listApiKeys: (appId) => apps.selectKeysOfApp(appId),
    revokeApiKey: (appId, keyId, at) => apps.revokeKey(appId, keyId, at),
    insertEvents: (records, syncs) =>
      events.insertMany(records, syncs?.length ? (tx) => notifications.applySyncs(tx, syncs) : undefined),
    listEvents: (query) => eventReads.list(query),
    onEventsCommitted: (listener) => events.onCommitted(listener),
    eventsAfter: (scope, position, limit) => eventReads.after(scope, position, limit),
    eventPosition: (scope, eventId) => eventReads.positionOf(scope, eventId),
    headPosition: () => eventReads.head(),
    committedEventsAfter: (position, limit) => eventReads.committedAfter(position, limit),
    createNotification: (notification, event) => notifications.create(notification, event),
    getNotification: (id) => notifications.get(id),
    findNotificationsByExternalId: (scope, externalId) =>
      'app_id' in scope
        ? notifications.findByAppExternal(scope.app_id, externalId)
        : notifications.findByUserExternal(scope.user_id, externalId),
    changeNotification: (id, decide) => notifications.change(id, decide),
    deleteNotification: (id, event) => notifications.delete(id, event),
    listNotifications: (query) => notifications.list(query),
    markDelivered: (userId, ids, at) => notifications.markDelivered(userId, ids, at),
    countUnread: (userId, now) => notifications.countUnread(userId, now),
    markAllRead: (userId, filter, summarize) => notifications.markAllRead(userId, filter, summarize),
    expireDue: (now, limit, eventFor) => notifications.expireDue(now, limit, eventFor),
    // Other instances write too: this one cannot tell when a feed changed, so nothing is cached.
    feedVersion: () => undefined,
    nextFeedExpiry: (userId, now) => notifications.nextFeedExpiry(userId, now),
    getPreferences: (userId) => notifications.getPreferences(userId),
    putPreferences: (userId, preferences, at) => notifications.putPreferences(userId, preferences, at),
    onDeliveriesQueued: (listener) => {
      deliveryListeners.add(listener);
      return () => {
        deliveryListeners.delete(listener);
      };
    },
    createWebhook: (webhook) => webhooks.create(webhook),
    getWebhook: (appId, id) => webhooks.get(appId, id),
    listWebhooks: (appId) => webhooks.list(appId),
    updateWebhook: (appId, id, changes) => webhooks.update(appId, id, changes),
    deleteWebhook: (appId, id) => webhooks.delete(appId, id),
    insertEventForWebhook: (event, webhookId) => webhooks.insertTestDelivery(event, webhookId),
    claimDeliveries: (now, limit, leaseUntil, perWebhook, inFlight) =>
      webhooks.claim(now, limit, leaseUntil, perWebhook, inFlight),
    recordDeliveryOutcome: (outcome) => webhooks.recordOutcome(outcome),
    nextDeliveryDue: () => webhooks.nextDue(),
    countPendingDeliveries: () => webhooks.countPending(),
    countWebhooks: () => webhooks.countByState(),
    listDeliveries: (query) => webhooks.listDeliveries(query),
    getDelivery: (webhookId, id) => webhooks.getDelivery(webhookId, id),
    requeueDelivery: (webhookId, id, now) => webhooks.requeue(webhookId, id, now),
    recoverDeliveries: (webhookId, since, until, now, dryRun) => webhooks.recover(webhookId, since, until, now, dryRun),
    reserveIdempotencyKey: (scope, key, hash, at) => idempotency.reserve(scope, key, hash, at),
    completeIdempotencyKey: (scope, key, status, body) => idempotency.complete(scope, key, status, body),
    releaseIdempotencyKey: (scope, key) => idempotency.release(scope, key),
    pruneIdempotencyKeys: (olderThan) => idempotency.prune(olderThan),
    /**
     * A session advisory lock on a connection of its own, held while `fn` runs: across instances,
     * one runs the job and the others skip it.
     */
    runExclusive: async (job, fn) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        const { rows } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked',
          [schema, `job:${job}`],
        );
        if (!rows[0]!.locked) return { ran: false };
        try {
          return { ran: true, value: await fn() };
        } finally {
          await client
            .query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [schema, `job:${job}`])
            .catch((error: Error) => {
              // A connection that may still hold the lock must not go back to the pool.
              broken = error;
            });
        }
      } finally {
        client.release(broken);
      }
    },
    pruneBefore: (cutoff, batchSize) => retention.pruneBefore(cutoff, batchSize),
  };
}
