import type pg from 'pg';
import type { PreferenceStore } from '../../types.js';

export function postgresPreferences(pool: pg.Pool): PreferenceStore {
  return {
    get: async (userId) => {
      const { rows } = await pool.query<{ muted_apps: string; muted_types: string; updated_at: string }>(
        'SELECT muted_apps, muted_types, updated_at FROM user_preferences WHERE user_id = $1',
        [userId],
      );
      const row = rows[0];
      if (!row) return { muted_apps: [], muted_types: {}, updated_at: null };
      return {
        muted_apps: JSON.parse(row.muted_apps),
        muted_types: JSON.parse(row.muted_types),
        updated_at: row.updated_at,
      };
    },
    put: async (userId, preferences, at) => {
      await pool.query(
        `INSERT INTO user_preferences (user_id, muted_apps, muted_types, updated_at) VALUES ($1, $2::jsonb, $3::jsonb, $4)
         ON CONFLICT (user_id) DO UPDATE SET muted_apps = excluded.muted_apps, muted_types = excluded.muted_types,
           updated_at = excluded.updated_at`,
        [userId, JSON.stringify(preferences.muted_apps), JSON.stringify(preferences.muted_types), at],
      );
    },
  };
}
