import type pg from 'pg';
import type { ApiKeyRecord, AppRecord, AppStore } from '../../types.js';
import type { Queryable } from '../db.js';
import type { RunTx } from '../transactions.js';

const APP_COLUMNS = 'app_id, name, icon_url, undeclared_types, created_at, updated_at';
const APP = `SELECT ${APP_COLUMNS} FROM apps`;
const KEY = 'SELECT id, app_id, name, prefix, key_hash, created_at, revoked_at FROM api_keys';

async function insertKey(db: Queryable, key: ApiKeyRecord): Promise<void> {
  await db.query(
    'INSERT INTO api_keys (id, app_id, name, prefix, key_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [key.id, key.app_id, key.name, key.prefix, key.key_hash, key.created_at, key.revoked_at],
  );
}

/** Apps and their keys. Feeds are not cached here, so an app's change needs no feed invalidation. */
export function postgresApps(pool: pg.Pool, runTx: RunTx): AppStore {
  return {
    create: (app, key) =>
      runTx(async ({ client }) => {
        await client.query(`INSERT INTO apps (${APP_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
          app.app_id,
          app.name,
          app.icon_url,
          app.undeclared_types,
          app.created_at,
          app.updated_at,
        ]);
        await insertKey(client, key);
      }),
    get: async (appId) => (await pool.query<AppRecord>(`${APP} WHERE app_id = $1`, [appId])).rows[0],
    list: async () => (await pool.query<AppRecord>(`${APP} ORDER BY app_id`)).rows,
    update: async (appId, changes, updatedAt) =>
      (
        await pool.query<AppRecord>(
          `UPDATE apps SET name = COALESCE($2, name),
             icon_url = CASE WHEN $3 THEN $4 ELSE icon_url END,
             undeclared_types = COALESCE($6, undeclared_types),
             updated_at = $5
           WHERE app_id = $1
           RETURNING ${APP_COLUMNS}`,
          [
            appId,
            changes.name ?? null,
            changes.icon_url !== undefined,
            changes.icon_url ?? null,
            updatedAt,
            changes.undeclared_types ?? null,
          ],
        )
      ).rows[0],
    createKey: (key) => insertKey(pool, key),
    findKeyByHash: async (hash) => (await pool.query<ApiKeyRecord>(`${KEY} WHERE key_hash = $1`, [hash])).rows[0],
    listKeys: async (appId) => (await pool.query<ApiKeyRecord>(`${KEY} WHERE app_id = $1 ORDER BY id`, [appId])).rows,
    revokeKey: async (appId, keyId, at) =>
      ((
        await pool.query('UPDATE api_keys SET revoked_at = $1 WHERE app_id = $2 AND id = $3 AND revoked_at IS NULL', [
          at,
          appId,
          keyId,
        ])
      ).rowCount ?? 0) > 0,
  };
}
