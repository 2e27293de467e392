import type { Storage } from '../types.js';
import { checkSchemaName, createPool } from './db.js';
import { ensurePartitions, migrate } from './migrate.js';
import { writeOutbox } from './outbox.js';
import { postgresApps } from './sql/apps.js';
import { postgresArchive } from './sql/archive.js';
import { postgresConsumers } from './sql/consumers.js';
import { postgresDeliveries } from './sql/deliveries.js';
import { postgresEventTypes } from './sql/event-types.js';
import { postgresEvents } from './sql/events.js';
import { postgresIdempotency } from './sql/idempotency.js';
import { postgresJobs } from './sql/jobs.js';
import { postgresNotifications } from './sql/notifications.js';
import { postgresPreferences } from './sql/preferences.js';
import { postgresStats, pruneStats } from './sql/stats.js';
import { postgresUsers } from './sql/users.js';
import { postgresWebhooks } from './sql/webhooks.js';
import { createTransactions } from './transactions.js';

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
  /** Longest wait for a connection (default 5 s, see db.ts). */
  connectTimeoutMs?: number;
  /** Longest a statement may run (default 30 s; migrations are exempt). */
  statementTimeoutMs?: number;
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
 * and `jobs.runExclusive` takes a session advisory lock.
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

  const transactions = createTransactions(pool, schema, writeOutbox);
  const { runTx, grouped } = transactions;
  const notifications = postgresNotifications(pool, runTx, grouped);
  const ensureAhead = () => ensurePartitions(pool, schema);

  return {
    kind: 'postgres',
    ensurePartitions: (now) => ensurePartitions(pool, schema, now),
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
    apps: postgresApps(pool, runTx),
    events: postgresEvents(pool, transactions, notifications.prepareSyncs),
    eventTypes: postgresEventTypes(pool, runTx),
    notifications,
    preferences: postgresPreferences(pool),
    users: postgresUsers(pool, runTx),
    webhooks: postgresWebhooks(pool, runTx),
    deliveries: postgresDeliveries(pool, transactions),
    idempotency: postgresIdempotency(pool),
    jobs: postgresJobs(pool, schema, ensureAhead, (cutoff) => pruneStats(pool, cutoff)),
    stats: postgresStats(pool),
    consumers: postgresConsumers(pool),
    archive: postgresArchive(pool),
  };
}
