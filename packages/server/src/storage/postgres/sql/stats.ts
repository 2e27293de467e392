import type pg from 'pg';
import {
  type LatencyIncrement,
  PEAK_METRIC,
  STATS_GRAINS,
  type StatsIncrement,
  type StatsStore,
  StatsTally,
} from '../../types.js';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * Writes a transaction's tally, in key order (two transactions adding to the same rows lock them in
 * the same order), with one statement per table. `transactions.ts` calls it before COMMIT and before
 * the events lock, so no one holding that lock ever waits on a counter row.
 */
export async function writeTally(client: Queryable, tally: StatsTally): Promise<void> {
  if (tally.isEmpty) return;
  const counts = tally.counts();
  if (counts.length > 0) {
    const column = <K extends keyof StatsIncrement>(key: K) => counts.map((row) => row[key]);
    await client.query(
      `INSERT INTO stats_counts AS s (app_id, grain, bucket, metric, dim, value)
       SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::bigint[])
       ON CONFLICT (app_id, grain, bucket, metric, dim) DO UPDATE SET value = CASE
         WHEN s.metric = $7 THEN GREATEST(s.value, excluded.value) ELSE s.value + excluded.value END`,
      [
        column('app_id'),
        column('grain'),
        column('bucket'),
        column('metric'),
        column('dim'),
        column('value'),
        PEAK_METRIC,
      ],
    );
  }
  const latencies = tally.latencies();
  if (latencies.length > 0) {
    const column = <K extends keyof LatencyIncrement>(key: K) => latencies.map((row) => row[key]);
    await client.query(
      `INSERT INTO stats_latency AS s (app_id, grain, bucket, slot, count)
       SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::int[], $5::bigint[])
       ON CONFLICT (app_id, grain, bucket, slot) DO UPDATE SET count = s.count + excluded.count`,
      [column('app_id'), column('grain'), column('bucket'), column('slot'), column('count')],
    );
  }
}

const COUNTS = 'SELECT app_id, grain, bucket::float8 AS bucket, metric, dim, value::float8 AS value FROM stats_counts';
const LATENCY = 'SELECT app_id, grain, bucket::float8 AS bucket, slot, count::float8 AS count FROM stats_latency';

/** Stats rollups: written by the work's own transactions (`writeTally`), read per grain and range. */
export function postgresStats(pool: pg.Pool) {
  const store: StatsStore = {
    // Other instances write too: this one cannot tell when a rollup changed, so nothing is cached.
    version: () => undefined,
    // Streams count outside any other transaction: one statement, committed alone.
    recordStreamOpened: async (appId, at, concurrent) => {
      const tally = new StatsTally();
      tally.add(appId, 'stream.opened', '', at);
      tally.add(appId, PEAK_METRIC, '', at, concurrent);
      await writeTally(pool, tally);
    },
    recordStreamPeaks: async (peaks, at) => {
      const tally = new StatsTally();
      for (const [appId, open] of peaks) tally.add(appId, PEAK_METRIC, '', at, open);
      await writeTally(pool, tally);
    },
    read: async ({ app_id, grain, from, to }) => {
      const [counts, latency] =
        app_id === undefined
          ? await Promise.all([
              pool.query<StatsIncrement>(`${COUNTS} WHERE grain = $1 AND bucket >= $2 AND bucket < $3`, [
                grain,
                from,
                to,
              ]),
              pool.query<LatencyIncrement>(`${LATENCY} WHERE grain = $1 AND bucket >= $2 AND bucket < $3`, [
                grain,
                from,
                to,
              ]),
            ])
          : await Promise.all([
              pool.query<StatsIncrement>(
                `${COUNTS} WHERE app_id = $1 AND grain = $2 AND bucket >= $3 AND bucket < $4`,
                [app_id, grain, from, to],
              ),
              pool.query<LatencyIncrement>(
                `${LATENCY} WHERE app_id = $1 AND grain = $2 AND bucket >= $3 AND bucket < $4`,
                [app_id, grain, from, to],
              ),
            ]);
      return { counts: counts.rows, latency: latency.rows };
    },
  };
  return store;
}

/** Retention: deletes the buckets that end at or before `cutoff`, as the events they counted go. */
export async function pruneStats(pool: pg.Pool, cutoff: string): Promise<number> {
  const seconds = Math.floor(Date.parse(cutoff) / 1000);
  let removed = 0;
  for (const grain of Object.values(STATS_GRAINS)) {
    for (const table of ['stats_counts', 'stats_latency']) {
      removed +=
        (await pool.query(`DELETE FROM ${table} WHERE grain = $1 AND bucket <= $2`, [grain, seconds - grain]))
          .rowCount ?? 0;
    }
  }
  return removed;
}
