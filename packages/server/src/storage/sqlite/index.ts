import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Storage } from '../types.js';
import { startCheckpointer } from './checkpointer.js';
import { createFeedVersions } from './feed-versions.js';
import { migrate } from './migrate.js';
import { sqliteOutbox } from './outbox.js';
import { sqliteApps } from './sql/apps.js';
import { sqliteArchive } from './sql/archive.js';
import { sqliteConsumers } from './sql/consumers.js';
import { sqliteDeliveries } from './sql/deliveries.js';
import { sqliteEventTypes } from './sql/event-types.js';
import { sqliteEvents } from './sql/events.js';
import { sqliteIdempotency } from './sql/idempotency.js';
import { sqliteJobs } from './sql/jobs.js';
import { sqliteNotifications } from './sql/notifications.js';
import { sqlitePreferences } from './sql/preferences.js';
import { sqliteStats } from './sql/stats.js';
import { sqliteUsers } from './sql/users.js';
import { sqliteWebhooks } from './sql/webhooks.js';
import { createWriteQueue } from './write-queue.js';

export interface SqliteOptions {
  /**
   * Past this WAL size, writes wait (asynchronously) for the checkpointer to copy every page, so that
   * the next write starts the WAL over: it bounds the file under sustained writes. A restart truncates
   * only what went past this: the file's first `walLimitBytes` stay and are written over in place.
   * Default 256 MiB; tests use less.
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
  // Truncating the WAL runs inside the first commit after a restart, on the event loop: cutting it to a
  // quarter of the limit measured 30-57 ms against 8-22 ms for the same flush keeping the file (1,000
  // events/s, 24 MiB limit), a latency spike at every catch-up. Kept, its blocks are also reused, not
  // allocated anew by every append.
  db.pragma(`journal_size_limit = ${walLimitBytes}`);

  // Every write goes through the one write queue (group commit); it tells the event log of each
  // transaction's outcome, and after each flush hands committed events to listeners and wakes the
  // delivery worker.
  const write = createWriteQueue(db, {
    beforeCommit: () => stats.beforeCommit(),
    transactionEnded: (committed) => {
      events.transactionEnded(committed);
      users.transactionEnded(committed);
      stats.transactionEnded();
    },
    flushed: () => {
      events.flushed();
      outbox.afterCommit();
    },
    beforeFlush: () => checkpointer?.catchUpIfOver(walLimitBytes),
  });
  const feeds = createFeedVersions();
  const outbox = sqliteOutbox(db);
  const stats = sqliteStats(db, write);
  const idempotency = sqliteIdempotency(db, write);
  const users = sqliteUsers(db, write, feeds, idempotency.forgetScope);
  const events = sqliteEvents(db, write, {
    afterInsert: (inserted) => {
      users.remember(inserted);
      outbox.write(inserted);
      stats.tallied((tally) => tally.events(inserted));
    },
    applySyncs: (syncs) => notifications.applySyncs(syncs),
  });
  const notifications = sqliteNotifications(db, write, events.insertRows, feeds, stats.tallied);
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
    apps: sqliteApps(db, feeds.touchAll),
    events,
    eventTypes: sqliteEventTypes(db, write),
    notifications,
    preferences: sqlitePreferences(db, write, feeds),
    users,
    webhooks: sqliteWebhooks(db, write, outbox, events.insertRows),
    deliveries: sqliteDeliveries(db, write, outbox, events.insertRows, stats.tallied),
    idempotency,
    jobs: sqliteJobs(db, write, stats.pruneBefore),
    stats,
    consumers: sqliteConsumers(db, write),
    archive: sqliteArchive(db, write),
  };
}
