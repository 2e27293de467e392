import type pg from 'pg';
import type { ApiKeyRecord, AppRecord } from '../../types.js';
import type { Queryable, RunTx } from '../db.js';

const APP = 'SELECT app_id, name, icon_url, created_at, updated_at FROM apps';
const KEY = 'SELECT id, app_id, name, prefix, key_hash, created_at, revoked_at FROM api_keys';

async function insertKey(db: Queryable, key: ApiKeyRecord): Promise<void> {
  await db.query(
    'INSERT INTO api_keys (id, app_id, name, prefix, key_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [key.id, key.app_id, key.name, key.prefix, key.key_hash, key.created_at, key.revoked_at],
  );
}

export function appStatements(pool: pg.Pool, runTx: RunTx) {
  const selectApp = async (appId: string) => (await pool.query<AppRecord>(`${APP} WHERE app_id = $1`, [appId])).rows[0];
  return {
    createAppWithKey: (app: AppRecord, key: ApiKeyRecord) =>
      runTx(async ({ client }) => {
        await client.query(
          'INSERT INTO apps (app_id, name, icon_url, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)',
          [app.app_id, app.name, app.icon_url, app.created_at, app.updated_at],
        );
        await insertKey(client, key);
      }),
    insertKey: (key: ApiKeyRecord) => insertKey(pool, key),
    selectApp,
    selectApps: async () => (await pool.query<AppRecord>(`${APP} ORDER BY app_id`)).rows,
    updateApp: async (appId: string, changes: { name?: string; icon_url?: string | null }, updatedAt: string) =>
      (
        await pool.query<AppRecord>(
          `UPDATE apps SET name = COALESCE($2, name),
             icon_url = CASE WHEN $3 THEN $4 ELSE icon_url END,
             updated_at = $5
           WHERE app_id = $1
           RETURNING app_id, name, icon_url, created_at, updated_at`,
          [appId, changes.name ?? null, changes.icon_url !== undefined, changes.icon_url ?? null, updatedAt],
        )
      ).rows[0],
    selectKeyByHash: async (hash: string) =>
      (await pool.query<ApiKeyRecord>(`${KEY} WHERE key_hash = $1`, [hash])).rows[0],
    selectKeysOfApp: async (appId: string) =>
      (await pool.query<ApiKeyRecord>(`${KEY} WHERE app_id = $1 ORDER BY id`, [appId])).rows,
    revokeKey: async (appId: string, keyId: string, at: string) =>
      ((
        await pool.query('UPDATE api_keys SET revoked_at = $1 WHERE app_id = $2 AND id = $3 AND revoked_at IS NULL', [
          at,
          appId,
          keyId,
        ])
      ).rowCount ?? 0) > 0,
  };
}
