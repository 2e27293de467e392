import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { monthRange } from '../../event-months.js';
import type { ArchivedEvent, ArchiveStore } from '../../types.js';

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
/** An archive line, built by PostgreSQL: the same keys and formats as SQLite's (ports/archive.ts). */
const LINE = `json_build_object('position', position, 'id', id, 'app_id', app_id, 'user_id', user_id,
  'event_category', event_category, 'event_type', event_type, 'entity_type', entity_type, 'entity_id', entity_id,
  'event_data', event_data, 'timestamp', to_char("timestamp" AT TIME ZONE 'UTC', ${ISO}),
  'ip_address', ip_address, 'user_agent', user_agent, 'created_at', to_char(created_at AT TIME ZONE 'UTC', ${ISO}))::text`;

/**
 * Exports stream with `COPY … TO STDOUT`: PostgreSQL writes the lines and Node only pipes bytes. CSV
 * with a delimiter and quote that JSON never contains raw (control characters are escaped inside
 * JSON strings) prints each document as it is, where the text format would double its backslashes.
 * The count and positions come from the same REPEATABLE READ snapshot as the copy, so they describe
 * exactly the lines written. Positions are drawn in commit order (sql/events.ts), so a row committed
 * later has a larger position than any the snapshot saw.
 */
export function postgresArchive(pool: pg.Pool): ArchiveStore {
  return {
    eventMonthsBefore: async (before) => {
      const { rows } = await pool.query<{ app_id: string; month: string }>(
        `SELECT app_id, to_char("timestamp" AT TIME ZONE 'UTC', 'YYYY-MM') AS month FROM platform_events
         WHERE "timestamp" < $1 GROUP BY 1, 2 ORDER BY 2, 1`,
        [before],
      );
      return rows.map((row) => ({ appId: row.app_id, month: row.month }));
    },
    exportEvents: async ({ appId, month }, afterPosition, sink) => {
      const [from, until] = monthRange(month);
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const where = `app_id = ${client.escapeLiteral(appId)} AND "timestamp" >= '${from}' AND "timestamp" < '${until}'
          AND position > ${Math.floor(afterPosition)}`;
        const { rows } = await client.query<{ n: number; first: number | null; last: number | null }>(
          `SELECT COUNT(*)::int AS n, MIN(position) AS first, MAX(position) AS last FROM platform_events WHERE ${where}`,
        );
        const { n, first, last } = rows[0]!;
        if (n > 0) {
          const stream = client.query(
            copyTo(
              `COPY (SELECT ${LINE} FROM platform_events WHERE ${where} ORDER BY position)
               TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`,
            ),
          );
          for await (const chunk of stream) await sink(chunk as Buffer);
        }
        await client.query('COMMIT');
        return n > 0 ? { rows: n, firstPosition: Number(first), lastPosition: Number(last) } : undefined;
      } catch (error) {
        // A connection interrupted mid-COPY is in no state to go back to the pool.
        broken = error as Error;
        throw error;
      } finally {
        client.release(broken);
      }
    },
    restoreEvents: async (events: ArchivedEvent[]) => {
      if (events.length === 0) return 0;
      const result = await pool.query(
        `INSERT INTO platform_events (position, id, app_id, user_id, event_category, event_type, entity_type,
           entity_id, event_data, "timestamp", ip_address, user_agent, created_at)
         SELECT position, id, app_id, user_id, event_category, event_type, entity_type, entity_id,
           COALESCE(event_data, '{}'::jsonb), "timestamp", ip_address, user_agent, created_at
         FROM jsonb_to_recordset($1::jsonb) AS r(position bigint, id text, app_id text, user_id text,
           event_category text, event_type text, entity_type text, entity_id text, event_data jsonb,
           "timestamp" timestamptz, ip_address text, user_agent text, created_at timestamptz)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(events)],
      );
      return result.rowCount ?? 0;
    },
  };
}
