import type Database from 'better-sqlite3';
import type { ApiKeyRecord, AppRecord } from '../../types.js';

export function appStatements(db: Database.Database) {
  const insertApp = db.prepare<AppRecord>(
    'INSERT INTO apps (app_id, name, icon_url, created_at, updated_at) VALUES (@app_id, @name, @icon_url, @created_at, @updated_at)',
  );
  const insertKey = db.prepare<ApiKeyRecord>(
    'INSERT INTO api_keys (id, app_id, name, prefix, key_hash, created_at, revoked_at) VALUES (@id, @app_id, @name, @prefix, @key_hash, @created_at, @revoked_at)',
  );
  const selectApp = db.prepare<[string], AppRecord>('SELECT * FROM apps WHERE app_id = ?');
  const selectApps = db.prepare<[], AppRecord>('SELECT * FROM apps ORDER BY app_id');
  const updateApp = db.prepare<{
    app_id: string;
    name: string | null;
    icon_url: string | null;
    set_icon: number;
    updated_at: string;
  }>(
    `UPDATE apps SET name = COALESCE(@name, name),
       icon_url = CASE WHEN @set_icon = 1 THEN @icon_url ELSE icon_url END,
       updated_at = @updated_at
     WHERE app_id = @app_id`,
  );
  const selectKeyByHash = db.prepare<[string], ApiKeyRecord>('SELECT * FROM api_keys WHERE key_hash = ?');
  const selectKeysOfApp = db.prepare<[string], ApiKeyRecord>('SELECT * FROM api_keys WHERE app_id = ? ORDER BY id');
  const revokeKey = db.prepare<[string, string, string]>(
    'UPDATE api_keys SET revoked_at = ? WHERE app_id = ? AND id = ? AND revoked_at IS NULL',
  );

  const createAppWithKey = db.transaction((app: AppRecord, key: ApiKeyRecord) => {
    insertApp.run(app);
    insertKey.run(key);
  });

  return {
    createAppWithKey: (app: AppRecord, key: ApiKeyRecord): void => createAppWithKey(app, key),
    insertKey: (key: ApiKeyRecord) => insertKey.run(key),
    selectApp: (appId: string) => selectApp.get(appId),
    selectApps: () => selectApps.all(),
    updateApp: (appId: string, changes: { name?: string; icon_url?: string | null }, updatedAt: string) =>
      updateApp.run({
        app_id: appId,
        name: changes.name ?? null,
        icon_url: changes.icon_url ?? null,
        set_icon: changes.icon_url === undefined ? 0 : 1,
        updated_at: updatedAt,
      }).changes > 0,
    selectKeyByHash: (hash: string) => selectKeyByHash.get(hash),
    selectKeysOfApp: (appId: string) => selectKeysOfApp.all(appId),
    revokeKey: (appId: string, keyId: string, at: string) => revokeKey.run(at, appId, keyId).changes > 0,
  };
}
