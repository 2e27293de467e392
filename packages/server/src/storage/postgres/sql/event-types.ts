import type pg from 'pg';
import type { EventTypeFilter, EventTypeRecord, EventTypeStore } from '../../types.js';
import type { RunTx } from '../transactions.js';

const SELECT = `SELECT t.app_id, t.event_category, t.event_type, t.description, t.deprecated, v.version, v.schema,
  v.examples, t.created_at, t.updated_at
  FROM event_types t JOIN event_type_versions v
    ON v.app_id = t.app_id AND v.event_category = t.event_category AND v.event_type = t.event_type`;

/** The qualified name in byte order ("C"), as the catalogue orders names; the catalogue is small, so no index. */
const NAME = `((t.event_category || '.' || t.event_type) COLLATE "C")`;

function conditionsOf(filter: EventTypeFilter & { after?: string | undefined }) {
  const conditions = ['v.version = t.version'];
  const params: (string | number)[] = [];
  if (filter.app_id !== undefined) {
    params.push(filter.app_id);
    conditions.push(`t.app_id = $${params.length}`);
  }
  if (filter.event_category !== undefined) {
    params.push(filter.event_category);
    conditions.push(`t.event_category = $${params.length}`);
  }
  if (filter.after !== undefined) {
    params.push(filter.after);
    conditions.push(`${NAME} > $${params.length}`);
  }
  return { where: conditions.join(' AND '), params };
}

/** Declared event types and their versions. */
export function postgresEventTypes(pool: pg.Pool, runTx: RunTx): EventTypeStore {
  return {
    save: (record, expectedVersion) =>
      runTx(async ({ client }) => {
        const key = [record.app_id, record.event_category, record.event_type];
        const { rows } = await client.query<{ version: number }>(
          'SELECT version FROM event_types WHERE app_id = $1 AND event_category = $2 AND event_type = $3 FOR UPDATE',
          key,
        );
        const current = rows[0]?.version;
        if (current !== expectedVersion) return false;
        const values = [...key, record.description, record.deprecated, record.version, record.updated_at];
        if (current === undefined) {
          // Another transaction may have declared it since the read: then this one loses.
          const inserted = await client.query(
            `INSERT INTO event_types (app_id, event_category, event_type, description, deprecated, version, updated_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
            [...values, record.created_at],
          );
          if (inserted.rowCount === 0) return false;
        } else {
          await client.query(
            `UPDATE event_types SET description = $4, deprecated = $5, version = $6, updated_at = $7
             WHERE app_id = $1 AND event_category = $2 AND event_type = $3`,
            values,
          );
        }
        await client.query(
          `INSERT INTO event_type_versions (app_id, event_category, event_type, version, schema, examples, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (app_id, event_category, event_type, version) DO UPDATE SET schema = excluded.schema,
             examples = excluded.examples`,
          [
            record.app_id,
            record.event_category,
            record.event_type,
            record.version,
            record.schema,
            record.examples,
            record.updated_at,
          ],
        );
        return true;
      }),
    get: async (appId, category, type, version) => {
      const { rows } = await pool.query<EventTypeRecord>(
        version === undefined
          ? `${SELECT} AND v.version = t.version WHERE t.app_id = $1 AND t.event_category = $2 AND t.event_type = $3`
          : `${SELECT} WHERE t.app_id = $1 AND t.event_category = $2 AND t.event_type = $3 AND v.version = $4`,
        version === undefined ? [appId, category, type] : [appId, category, type, version],
      );
      return rows[0];
    },
    versions: async (appId, category, type) => {
      const { rows } = await pool.query<{ version: number }>(
        'SELECT version FROM event_type_versions WHERE app_id = $1 AND event_category = $2 AND event_type = $3 ORDER BY version',
        [appId, category, type],
      );
      return rows.map((row) => row.version);
    },
    list: async (filter) => {
      const { where, params } = conditionsOf(filter);
      const { rows } = await pool.query<EventTypeRecord>(
        `${SELECT} WHERE ${where} ORDER BY t.app_id, t.event_category, t.event_type`,
        params,
      );
      return rows;
    },
    listByName: async (filter, limit) => {
      const { where, params } = conditionsOf(filter);
      const { rows } = await pool.query<EventTypeRecord>(
        `${SELECT} WHERE ${where} ORDER BY ${NAME}, t.app_id LIMIT $${params.length + 1}`,
        [...params, limit],
      );
      return rows;
    },
    delete: async (appId, category, type) =>
      ((
        await pool.query('DELETE FROM event_types WHERE app_id = $1 AND event_category = $2 AND event_type = $3', [
          appId,
          category,
          type,
        ])
      ).rowCount ?? 0) > 0,
  };
}
