import type Database from 'better-sqlite3';
import type { EventTypeFilter, EventTypeRecord, EventTypeStore } from '../../types.js';
import type { WriteQueue } from '../write-queue.js';

type EventTypeRow = Omit<EventTypeRecord, 'deprecated'> & { deprecated: number };

const toEventType = (row: EventTypeRow): EventTypeRecord => ({ ...row, deprecated: row.deprecated === 1 });

const SELECT = `SELECT t.app_id, t.event_category, t.event_type, t.description, t.deprecated, v.version, v.schema,
  v.examples, t.created_at, t.updated_at
  FROM event_types t JOIN event_type_versions v
    ON v.app_id = t.app_id AND v.event_category = t.event_category AND v.event_type = t.event_type`;

const NAME = "(t.event_category || '.' || t.event_type)";

function conditionsOf(filter: EventTypeFilter & { after?: string | undefined }) {
  const conditions = ['v.version = t.version'];
  const params: string[] = [];
  if (filter.app_id !== undefined) {
    conditions.push('t.app_id = ?');
    params.push(filter.app_id);
  }
  if (filter.event_category !== undefined) {
    conditions.push('t.event_category = ?');
    params.push(filter.event_category);
  }
  if (filter.after !== undefined) {
    conditions.push(`${NAME} > ?`);
    params.push(filter.after);
  }
  return { where: conditions.join(' AND '), params };
}

/** Declared event types and their versions. */
export function sqliteEventTypes(db: Database.Database, write: WriteQueue): EventTypeStore {
  const insertType = db.prepare(
    `INSERT INTO event_types (app_id, event_category, event_type, description, deprecated, version, created_at, updated_at)
     VALUES (@app_id, @event_category, @event_type, @description, @deprecated, @version, @created_at, @updated_at)`,
  );
  const updateType = db.prepare(
    `UPDATE event_types SET description = @description, deprecated = @deprecated, version = @version,
       updated_at = @updated_at
     WHERE app_id = @app_id AND event_category = @event_category AND event_type = @event_type`,
  );
  const selectCurrentVersion = db.prepare<[string, string, string], { version: number }>(
    'SELECT version FROM event_types WHERE app_id = ? AND event_category = ? AND event_type = ?',
  );
  const upsertVersion = db.prepare(
    `INSERT INTO event_type_versions (app_id, event_category, event_type, version, schema, examples, created_at)
     VALUES (@app_id, @event_category, @event_type, @version, @schema, @examples, @updated_at)
     ON CONFLICT (app_id, event_category, event_type, version) DO UPDATE SET schema = excluded.schema,
       examples = excluded.examples`,
  );
  const selectLatest = db.prepare<[string, string, string], EventTypeRow>(
    `${SELECT} AND v.version = t.version WHERE t.app_id = ? AND t.event_category = ? AND t.event_type = ?`,
  );
  const selectVersion = db.prepare<[string, string, string, number], EventTypeRow>(
    `${SELECT} WHERE t.app_id = ? AND t.event_category = ? AND t.event_type = ? AND v.version = ?`,
  );
  const selectVersions = db.prepare<[string, string, string], { version: number }>(
    'SELECT version FROM event_type_versions WHERE app_id = ? AND event_category = ? AND event_type = ? ORDER BY version',
  );
  const deleteType = db.prepare<[string, string, string]>(
    'DELETE FROM event_types WHERE app_id = ? AND event_category = ? AND event_type = ?',
  );

  return {
    save: (record, expectedVersion) =>
      write(() => {
        const current = selectCurrentVersion.get(record.app_id, record.event_category, record.event_type)?.version;
        if (current !== expectedVersion) return false;
        const row = { ...record, deprecated: record.deprecated ? 1 : 0 };
        (current === undefined ? insertType : updateType).run(row);
        upsertVersion.run(row);
        return true;
      }),
    get: async (appId, category, type, version) => {
      const row =
        version === undefined
          ? selectLatest.get(appId, category, type)
          : selectVersion.get(appId, category, type, version);
      return row ? toEventType(row) : undefined;
    },
    versions: async (appId, category, type) => selectVersions.all(appId, category, type).map((row) => row.version),
    list: async (filter) => {
      const { where, params } = conditionsOf(filter);
      const rows = db
        .prepare<string[], EventTypeRow>(`${SELECT} WHERE ${where} ORDER BY t.app_id, t.event_category, t.event_type`)
        .all(...params);
      return rows.map(toEventType);
    },
    listByName: async (filter, limit) => {
      const { where, params } = conditionsOf(filter);
      // BINARY collation compares bytes, as the catalogue orders names; the catalogue is small enough
      // that comparing the joined name (no index) costs nothing worth an index of its own.
      const rows = db
        .prepare<(string | number)[], EventTypeRow>(`${SELECT} WHERE ${where} ORDER BY ${NAME}, t.app_id LIMIT ?`)
        .all(...params, limit);
      return rows.map(toEventType);
    },
    delete: (appId, category, type) => write(() => deleteType.run(appId, category, type).changes > 0),
  };
}
