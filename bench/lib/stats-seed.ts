/**
 * Seeds the stats benchmark's events straight into the server's SQLite file, with the rollups the server would have
 * written beside them (`stats_counts`, per minute, hour and day), and adds the rollups of the notifications the feed
 * seed stored. Plain SQL in two transactions: a million events in seconds, where the API would take minutes.
 */
import Database from 'better-sqlite3';

export interface StatsSeedOptions {
  dbPath: string;
  appId: string;
  events: number;
  /** Distinct event types the events are spread over. */
  types: number;
  /** The events are spread evenly over the `days` before now. */
  days: number;
}

export interface StatsSeedResult {
  events: number;
  rollupRows: number;
  seconds: number;
}

const GRAINS = [60, 3_600, 86_400];
/** Seconds since the epoch of an ISO-8601 column, in SQLite. */
const epoch = (column: string) => `CAST(strftime('%s', ${column}) AS INTEGER)`;

export function seedStats(options: StatsSeedOptions): StatsSeedResult {
  const t0 = performance.now();
  const db = new Database(options.dbPath);
  try {
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const startMs = Date.now() - options.days * 86_400_000;
    const stepMs = (options.days * 86_400_000) / options.events;
    const firstSeq = ((db.prepare('SELECT MAX(seq) FROM platform_events').pluck().get() as number | null) ?? 0) + 1;
    db.transaction(() => {
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @events)
         INSERT INTO platform_events (seq, id, app_id, user_id, event_category, event_type, entity_type, entity_id,
           event_data, timestamp, ip_address, user_agent, created_at)
         SELECT @first + i, 'evt_bench' || i, @app, 'user_' || (i % 1000), 'session', 'type_' || (i % @types),
           'session', 'e' || i, '{"k":1}', t, '127.0.0.1', 'bench', t
         FROM (SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ', (@start + i * @step) / 1000.0, 'unixepoch') AS t FROM n)`,
      ).run({
        events: options.events,
        first: firstSeq,
        app: options.appId,
        types: options.types,
        start: startMs,
        step: stepMs,
      });
    })();
    let rollupRows = 0;
    db.transaction(() => {
      for (const grain of GRAINS) {
        const bucket = (column: string) => `(${epoch(column)} / ${grain}) * ${grain}`;
        rollupRows += db
          .prepare(
            `INSERT INTO stats_counts (app_id, grain, bucket, metric, dim, value)
             SELECT app_id, ${grain}, ${bucket('timestamp')}, 'events.published', event_category || '.' || event_type, COUNT(*)
             FROM platform_events GROUP BY 1, 3, 5
             ON CONFLICT (app_id, grain, bucket, metric, dim) DO UPDATE SET value = value + excluded.value`,
          )
          .run().changes;
        // The feed seed's notifications: created when made; seen and acted (approximately) in the same bucket.
        for (const [metric, where] of [
          ['notifications.created', 'true'],
          ['notifications.seen', "s.status IN ('read', 'clicked', 'dismissed')"],
          ['notifications.read', "s.status = 'read'"],
          ['notifications.clicked', "s.status = 'clicked'"],
          ['notifications.dismissed', "s.status = 'dismissed'"],
          ['notifications.acted', "s.status IN ('clicked', 'dismissed')"],
        ] as const) {
          rollupRows += db
            .prepare(
              `INSERT INTO stats_counts (app_id, grain, bucket, metric, dim, value)
               SELECT s.app_id, ${grain}, ${bucket('s.created_at')}, '${metric}', s.notification_type, COUNT(*)
               FROM notification_state s WHERE ${where} GROUP BY 1, 3, 5
               ON CONFLICT (app_id, grain, bucket, metric, dim) DO UPDATE SET value = value + excluded.value`,
            )
            .run().changes;
        }
      }
    })();
    return { events: options.events, rollupRows, seconds: (performance.now() - t0) / 1000 };
  } finally {
    db.close();
  }
}
