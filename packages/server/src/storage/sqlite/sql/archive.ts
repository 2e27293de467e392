import type Database from 'better-sqlite3';
import { monthRange } from '../../event-months.js';
import type { ArchivedEvent, ArchiveStore } from '../../types.js';
import type { WriteQueue } from '../write-queue.js';

/** Lines read per statement: reads never hold the connection long, and the sink's back-pressure is honoured between pages. */
const PAGE = 1_000;

/**
 * SQLite builds each archive line itself (json_object), so a page costs one statement and no
 * JavaScript object per event. Reading in pages by position is consistent: positions only grow, so a
 * row committed mid-export lands after the pages already read or is not in the range at all.
 */
export function sqliteArchive(db: Database.Database, write: WriteQueue): ArchiveStore {
  const months = db.prepare<[string], { app_id: string; month: string }>(
    `SELECT app_id, substr(timestamp, 1, 7) AS month FROM platform_events WHERE timestamp < ?
     GROUP BY app_id, month ORDER BY month, app_id`,
  );
  const page = db.prepare<[string, string, string, number, number], { seq: number; line: string }>(
    `SELECT seq, json_object('position', seq, 'id', id, 'app_id', app_id, 'user_id', user_id,
       'event_category', event_category, 'event_type', event_type, 'entity_type', entity_type,
       'entity_id', entity_id, 'event_data', json(event_data), 'timestamp', timestamp,
       'ip_address', ip_address, 'user_agent', user_agent, 'created_at', created_at) AS line
     FROM platform_events
     WHERE app_id = ? AND timestamp >= ? AND timestamp < ? AND seq > ? ORDER BY seq LIMIT ?`,
  );
  const insert = db.prepare(
    `INSERT OR IGNORE INTO platform_events (seq, id, app_id, user_id, event_category, event_type, entity_type,
       entity_id, event_data, timestamp, ip_address, user_agent, created_at)
     VALUES (@position, @id, @app_id, @user_id, @event_category, @event_type, @entity_type,
       @entity_id, @event_data, @timestamp, @ip_address, @user_agent, @created_at)`,
  );
  const restoreAll = (events: ArchivedEvent[]) => {
    let added = 0;
    for (const event of events) {
      added += insert.run({ ...event, event_data: JSON.stringify(event.event_data ?? {}) }).changes;
    }
    return added;
  };

  return {
    eventMonthsBefore: async (before) => months.all(before).map((row) => ({ appId: row.app_id, month: row.month })),
    exportEvents: async ({ appId, month }, afterPosition, sink) => {
      const [from, until] = monthRange(month);
      let rows = 0;
      let firstPosition = 0;
      let lastPosition = afterPosition;
      for (;;) {
        const lines = page.all(appId, from, until, lastPosition, PAGE);
        if (lines.length === 0) break;
        if (rows === 0) firstPosition = lines[0]!.seq;
        rows += lines.length;
        lastPosition = lines[lines.length - 1]!.seq;
        await sink(`${lines.map((row) => row.line).join('\n')}\n`);
        if (lines.length < PAGE) break;
      }
      return rows === 0 ? undefined : { rows, firstPosition, lastPosition };
    },
    restoreEvents: (events) => write(() => restoreAll(events)),
  };
}
