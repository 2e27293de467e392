import type pg from 'pg';
import type { JobStore } from '../../types.js';
import { listPartitions } from '../migrate.js';

/**
 * Jobs run under a session advisory lock, so one instance runs each at a time. Retention: whole months of events go at once: a monthly partition whose upper bound is at or
 * before the cutoff is counted (for the report) and dropped, which costs no row deletes and no
 * vacuum. Rows in the DEFAULT partition (outside every monthly range) and finished deliveries (with
 * their attempt logs, by ON DELETE CASCADE) are deleted in batches. Nothing references events by key.
 * Notifications and pending deliveries are kept.
 */
export function postgresJobs(
  pool: pg.Pool,
  schema: string,
  ensurePartitions: () => Promise<unknown>,
  pruneStats: (cutoff: string) => Promise<number>,
): JobStore {
  const drain = async (sql: string, cutoff: string, batchSize: number) => {
    let total = 0;
    for (;;) {
      const removed = (await pool.query(sql, [cutoff, batchSize])).rowCount ?? 0;
      total += removed;
      if (removed < batchSize) return total;
    }
  };

  // Counted and dropped in one transaction, so the count is what went.
  const dropPartition = async (name: string) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`LOCK TABLE platform_events, ${name} IN ACCESS EXCLUSIVE MODE`);
      const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${name}`);
      await client.query(`DROP TABLE ${name}`);
      await client.query('COMMIT');
      return rows[0]!.n;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };

  return {
    upkeep: ensurePartitions,
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
    pruneBefore: async (cutoff, batchSize) => {
      const size = Math.max(1, Math.floor(batchSize));
      // Retention runs hourly: it also keeps the months ahead made, so inserts stay out of DEFAULT.
      await ensurePartitions();
      const limit = new Date(cutoff);
      let events = 0;
      let partitionsDropped = 0;
      for (const partition of await listPartitions(pool)) {
        if (partition.until > limit) continue;
        events += await dropPartition(partition.name);
        partitionsDropped++;
      }
      events += await drain(
        `DELETE FROM platform_events_default WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM platform_events_default WHERE "timestamp" < $1 LIMIT $2))`,
        cutoff,
        size,
      );
      const deliveries = await drain(
        `DELETE FROM webhook_deliveries WHERE position IN (
           SELECT position FROM webhook_deliveries WHERE status <> 'pending' AND updated_at < $1 ORDER BY position LIMIT $2)`,
        cutoff,
        size,
      );
      // Attempts of deliveries still pending are kept, like their deliveries.
      await drain(
        `DELETE FROM webhook_delivery_log WHERE id IN (
           SELECT l.id FROM webhook_delivery_log l JOIN webhook_deliveries d ON d.id = l.delivery_id
           WHERE d.status <> 'pending' AND l.delivered_at < $1 LIMIT $2)`,
        cutoff,
        size,
      );
      // Rollups follow retention: a bucket goes with the events it counted.
      await pruneStats(cutoff);
      return { events, deliveries, partitionsDropped };
    },
  };
}
