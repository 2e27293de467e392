import type Database from 'better-sqlite3';
import { monthRange } from '../../event-months.js';
import type { ArchivedRange, JobStore } from '../../types.js';
import type { WriteQueue } from '../write-queue.js';

/**
 * Jobs need no lock here: one process owns the file. Retention goes a batch per transaction, so
 * writers are never held up for long. Nothing references events by key (deliveries and attempt logs copy the event id), so events go on their own; a
 * delivery's attempt log goes with it (ON DELETE CASCADE). Positions must never be reused, so the
 * largest is recorded in storage_meta before events go: a reopened file continues after it.
 */
export function sqliteJobs(
  db: Database.Database,
  write: WriteQueue,
  pruneStats: (cutoff: string) => Promise<number>,
): JobStore {
  const deleteEvents = db.prepare<[string, number]>(
    `DELETE FROM platform_events WHERE seq IN (
       SELECT seq FROM platform_events
       WHERE timestamp < ? ORDER BY seq LIMIT ?)`,
  );
  // With archival on: one app's month, only as far as its archive reaches.
  const deleteArchivedEvents = db.prepare<[string, string, string, number, number]>(
    `DELETE FROM platform_events WHERE seq IN (
       SELECT seq FROM platform_events
       WHERE app_id = ? AND timestamp >= ? AND timestamp < ? AND seq <= ? ORDER BY seq LIMIT ?)`,
  );
  const recordLastPosition = db.prepare(
    `INSERT INTO storage_meta (key, value) SELECT 'last_event_position', MAX(seq) FROM platform_events WHERE true HAVING MAX(seq) IS NOT NULL
     ON CONFLICT (key) DO UPDATE SET value = MAX(value, excluded.value)`,
  );
  const deleteDeliveries = db.prepare<[string, number]>(
    `DELETE FROM webhook_deliveries WHERE seq IN (
       SELECT seq FROM webhook_deliveries WHERE status <> 'pending' AND updated_at < ? ORDER BY seq LIMIT ?)`,
  );
  // Attempts of deliveries still pending are kept, like their deliveries.
  const deleteAttempts = db.prepare<[string, number]>(
    `DELETE FROM webhook_delivery_log WHERE id IN (
       SELECT l.id FROM webhook_delivery_log l JOIN webhook_deliveries d ON d.id = l.delivery_id
       WHERE d.status <> 'pending' AND l.delivered_at < ? LIMIT ?)`,
  );

  const drain = async (statement: Database.Statement<[string, number]>, cutoff: string, batchSize: number) => {
    let total = 0;
    for (;;) {
      const removed = await write(() => statement.run(cutoff, batchSize).changes);
      total += removed;
      if (removed < batchSize) return total;
    }
  };

  const drainArchived = async (ranges: ArchivedRange[], batchSize: number) => {
    let total = 0;
    for (const { appId, month, throughPosition } of ranges) {
      const [from, until] = monthRange(month);
      for (;;) {
        const removed = await write(
          () => deleteArchivedEvents.run(appId, from, until, throughPosition, batchSize).changes,
        );
        total += removed;
        if (removed < batchSize) break;
      }
    }
    return total;
  };

  return {
    // One process owns a SQLite file: there is no other holder to exclude.
    runExclusive: async (_job, fn) => ({ ran: true, value: await fn() }),
    pruneBefore: async (cutoff, batchSize, archived) => {
      const size = Math.max(1, Math.floor(batchSize));
      await write(() => recordLastPosition.run());
      const events = archived ? await drainArchived(archived, size) : await drain(deleteEvents, cutoff, size);
      const deliveries = await drain(deleteDeliveries, cutoff, size);
      await drain(deleteAttempts, cutoff, size);
      // Rollups follow retention: a bucket goes with the events it counted.
      await pruneStats(cutoff);
      return { events, deliveries, partitionsDropped: 0 };
    },
  };
}
