import type Database from 'better-sqlite3';
import {
  type LatencyIncrement,
  PEAK_METRIC,
  STATS_GRAINS,
  type StatsIncrement,
  type StatsRows,
  type StatsStore,
  StatsTally,
} from '../../types.js';
import type { WriteQueue } from '../write-queue.js';

/**
 * Stats rollups. `add` writes a tally inside the caller's transaction (every write runs in the write
 * queue's), so the counters commit or roll back with the work they count.
 */
export function sqliteStats(db: Database.Database, write: WriteQueue) {
  const addCount = db.prepare<StatsIncrement & { peak: number }>(
    `INSERT INTO stats_counts (app_id, grain, bucket, metric, dim, value)
     VALUES (@app_id, @grain, @bucket, @metric, @dim, @value)
     ON CONFLICT (app_id, grain, bucket, metric, dim) DO UPDATE SET
       value = CASE WHEN @peak = 1 THEN MAX(value, excluded.value) ELSE value + excluded.value END`,
  );
  const addLatency = db.prepare<LatencyIncrement>(
    `INSERT INTO stats_latency (app_id, grain, bucket, slot, count) VALUES (@app_id, @grain, @bucket, @slot, @count)
     ON CONFLICT (app_id, grain, bucket, slot) DO UPDATE SET count = count + excluded.count`,
  );
  const countsForApp = db.prepare<[string, number, number, number], StatsIncrement>(
    `SELECT app_id, grain, bucket, metric, dim, value FROM stats_counts
     WHERE app_id = ? AND grain = ? AND bucket >= ? AND bucket < ?`,
  );
  const countsForAll = db.prepare<[number, number, number], StatsIncrement>(
    'SELECT app_id, grain, bucket, metric, dim, value FROM stats_counts WHERE grain = ? AND bucket >= ? AND bucket < ?',
  );
  const latencyForApp = db.prepare<[string, number, number, number], LatencyIncrement>(
    `SELECT app_id, grain, bucket, slot, count FROM stats_latency
     WHERE app_id = ? AND grain = ? AND bucket >= ? AND bucket < ?`,
  );
  const latencyForAll = db.prepare<[number, number, number], LatencyIncrement>(
    'SELECT app_id, grain, bucket, slot, count FROM stats_latency WHERE grain = ? AND bucket >= ? AND bucket < ?',
  );
  // Retention: a bucket goes once it ends at or before the cutoff (grain by grain, on the range index).
  const pruneCounts = db.prepare<[number, number]>('DELETE FROM stats_counts WHERE grain = ? AND bucket <= ?');
  const pruneLatency = db.prepare<[number, number]>('DELETE FROM stats_latency WHERE grain = ? AND bucket <= ?');

  // Bumped by every write (even one rolled back later: a needless miss is harmless); one process owns the file.
  let version = 0;
  /** Writes a tally in the current transaction. */
  const add = (tally: StatsTally) => {
    if (tally.isEmpty) return;
    version++;
    for (const row of tally.counts()) addCount.run({ ...row, peak: row.metric === PEAK_METRIC ? 1 : 0 });
    for (const row of tally.latencies()) addLatency.run(row);
  };
  // One tally per transaction: every write of a group commit adds to it, and it is written once, just
  // before COMMIT (`beforeCommit`). Written per write, a flush of 30 single events made 90 upserts of
  // the same three rows, more SQLite time than the 30 events themselves.
  let pending: StatsTally | undefined;
  const tallied = (fill: (tally: StatsTally) => void) => {
    pending ??= new StatsTally();
    fill(pending);
  };
  const beforeCommit = () => {
    if (pending === undefined) return;
    const tally = pending;
    pending = undefined;
    add(tally);
  };
  /** A rolled-back transaction's tally goes with it (its writes are retried alone, tallying again). */
  const transactionEnded = () => {
    pending = undefined;
  };

  const store: StatsStore = {
    recordStreamOpened: (appId, at, concurrent) =>
      write(() =>
        tallied((tally) => {
          tally.add(appId, 'stream.opened', '', at);
          tally.add(appId, PEAK_METRIC, '', at, concurrent);
        }),
      ),
    recordStreamPeaks: (peaks, at) =>
      write(() =>
        tallied((tally) => {
          for (const [appId, open] of peaks) tally.add(appId, PEAK_METRIC, '', at, open);
        }),
      ),
    version: () => version,
    read: async ({ app_id, grain, from, to }): Promise<StatsRows> =>
      app_id === undefined
        ? { counts: countsForAll.all(grain, from, to), latency: latencyForAll.all(grain, from, to) }
        : { counts: countsForApp.all(app_id, grain, from, to), latency: latencyForApp.all(app_id, grain, from, to) },
  };
  /** Deletes the buckets that end at or before `cutoff` (ISO-8601), as retention deletes the events. */
  const pruneBefore = (cutoff: string) =>
    write(() => {
      const seconds = Math.floor(Date.parse(cutoff) / 1000);
      version++;
      let removed = 0;
      for (const grain of Object.values(STATS_GRAINS)) {
        removed += pruneCounts.run(grain, seconds - grain).changes;
        removed += pruneLatency.run(grain, seconds - grain).changes;
      }
      return removed;
    });
  return { ...store, add, tallied, beforeCommit, transactionEnded, pruneBefore };
}

export type SqliteStats = ReturnType<typeof sqliteStats>;
