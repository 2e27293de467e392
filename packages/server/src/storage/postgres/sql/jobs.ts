import type pg from 'pg';
import { monthRange } from '../../event-months.js';
import type { ArchivedRange, JobStore } from '../../types.js';
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

  /**
   * With archival on, a month's partition is dropped only when, under the lock, every app's rows in
   * it are within that app's archived range (a late row for an old month is not lost); otherwise its
   * archived rows are deleted like those in DEFAULT. Returns the rows dropped, or undefined if kept.
   */
  const dropArchivedPartition = async (name: string, archivedThrough: Map<string, number>, month: string) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`LOCK TABLE platform_events, ${name} IN ACCESS EXCLUSIVE MODE`);
      const { rows } = await client.query<{ app_id: string; n: number; last: number }>(
        `SELECT app_id, COUNT(*)::int AS n, MAX(position) AS last FROM ${name} GROUP BY app_id`,
      );
      const covered = rows.every((row) => Number(row.last) <= (archivedThrough.get(`${row.app_id} ${month}`) ?? -1));
      if (!covered) {
        await client.query('ROLLBACK');
        return undefined;
      }
      await client.query(`DROP TABLE ${name}`);
      await client.query('COMMIT');
      return rows.reduce((sum, row) => sum + row.n, 0);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };

  const pruneArchivedEvents = async (cutoff: string, archived: ArchivedRange[], batchSize: number) => {
    const limit = new Date(cutoff);
    const archivedThrough = new Map(archived.map((range) => [`${range.appId} ${range.month}`, range.throughPosition]));
    const droppedMonths = new Set<string>();
    let events = 0;
    let partitionsDropped = 0;
    for (const partition of await listPartitions(pool)) {
      if (partition.until > limit) continue;
      const month = partition.name.slice(-7).replace('_', '-');
      const dropped = await dropArchivedPartition(partition.name, archivedThrough, month);
      if (dropped === undefined) continue;
      events += dropped;
      partitionsDropped++;
      droppedMonths.add(month);
    }
    for (const { appId, month, throughPosition } of archived) {
      if (droppedMonths.has(month)) continue;
      const [from, until] = monthRange(month);
      for (;;) {
        const removed =
          (
            await pool.query(
              `DELETE FROM platform_events WHERE (position, "timestamp") IN (
                 SELECT position, "timestamp" FROM platform_events
                 WHERE app_id = $1 AND "timestamp" >= $2 AND "timestamp" < $3 AND position <= $4 LIMIT $5)`,
              [appId, from, until, throughPosition, batchSize],
            )
          ).rowCount ?? 0;
        events += removed;
        if (removed < batchSize) break;
      }
    }
    return { events, partitionsDropped };
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
    pruneBefore: async (cutoff, batchSize, archived) => {
      const size = Math.max(1, Math.floor(batchSize));
      // Retention runs hourly: it also keeps the months ahead made, so inserts stay out of DEFAULT.
      await ensurePartitions();
      const limit = new Date(cutoff);
      let events = 0;
      let partitionsDropped = 0;
      if (archived) {
        ({ events, partitionsDropped } = await pruneArchivedEvents(cutoff, archived, size));
      } else {
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
      }
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
