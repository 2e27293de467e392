import type Database from 'better-sqlite3';
import type { PreferenceStore } from '../../types.js';
import type { FeedVersions } from '../feed-versions.js';
import type { WriteQueue } from '../write-queue.js';

export function sqlitePreferences(db: Database.Database, write: WriteQueue, feeds: FeedVersions): PreferenceStore {
  const select = db.prepare<[string], { muted_apps: string; muted_types: string; updated_at: string }>(
    'SELECT muted_apps, muted_types, updated_at FROM user_preferences WHERE user_id = ?',
  );
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO user_preferences (user_id, muted_apps, muted_types, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET muted_apps = excluded.muted_apps, muted_types = excluded.muted_types,
       updated_at = excluded.updated_at`,
  );

  return {
    get: async (userId) => {
      const row = select.get(userId);
      if (!row) return { muted_apps: [], muted_types: {}, updated_at: null };
      return {
        muted_apps: JSON.parse(row.muted_apps),
        muted_types: JSON.parse(row.muted_types),
        updated_at: row.updated_at,
      };
    },
    put: (userId, preferences, at) =>
      write(() => {
        upsert.run(userId, JSON.stringify(preferences.muted_apps), JSON.stringify(preferences.muted_types), at);
        feeds.touch(userId);
      }),
  };
}
