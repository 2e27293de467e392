import type Database from 'better-sqlite3';
import type { ApiKeyRecord, AppRecord, AppStore } from '../../types.js';

/** `appChanged` runs after a change of an app's name or icon, which every feed shows. */
export function sqliteApps(db: Database.Database, appChanged: () => void): AppStore {
  const insertApp = db.prepare<AppRecord>(
    'INSERT INTO apps (app_id, name, icon_url, undeclared_types, created_at, updated_at) VALUES (@app_id, @name, @icon_url, @undeclared_types, @created_at, @updated_at)',
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
    undeclared_types: string | null;
    updated_at: string;
  }>(
    `UPDATE apps SET name = COALESCE(@name, name),
       icon_url = CASE WHEN @set_icon = 1 THEN @icon_url ELSE icon_url END,
       undeclared_types = COALESCE(@undeclared_types, undeclared_types),
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
    create: async (app, key) => createAppWithKey(app, key),
    get: async (appId) => selectApp.get(appId),
    list: async () => selectApps.all(),
    update: async (appId, changes, updatedAt) => {
      const changed =
        updateApp.run({
          app_id: appId,
          name: changes.name ?? null,
          icon_url: changes.icon_url ?? null,
          set_icon: changes.icon_url === undefined ? 0 : 1,
          undeclared_types: changes.undeclared_types ?? null,
          updated_at: updatedAt,
        }).changes > 0;
      if (!changed) return undefined;
      appChanged();
      return selectApp.get(appId);
    },
    createKey: async (key) => {
      insertKey.run(key);
    },
    findKeyByHash: async (hash) => selectKeyByHash.get(hash),
    listKeys: async (appId) => selectKeysOfApp.all(appId),
    revokeKey: async (appId, keyId, at) => revokeKey.run(at, appId, keyId).changes > 0,
  };
}
