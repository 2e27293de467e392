import type pg from 'pg';
import { type EventRecord, recordsRelationship, type UserStore } from '../../types.js';
import type { RunTx } from '../transactions.js';

/** `user.deleted` events outlive the erasure they announce: apps read them after it. */
const NOT_ERASURE_NOTICE = `NOT (event_category = 'user' AND event_type = 'deleted')`;

/**
 * Inside every transaction that stores events: the apps of these events now know their users.
 * One statement for the distinct pairs; ON CONFLICT makes it a no-op for pairs already known.
 */
export async function rememberUserApps(client: pg.PoolClient, events: EventRecord[]): Promise<void> {
  const pairs = new Map<string, [string, string]>();
  for (const event of events) {
    if (recordsRelationship(event)) pairs.set(`${event.app_id}\u0000${event.user_id}`, [event.user_id!, event.app_id]);
  }
  if (pairs.size === 0) return;
  const users = [...pairs.values()].map(([userId]) => userId);
  const apps = [...pairs.values()].map(([, appId]) => appId);
  await client.query(
    `INSERT INTO user_apps (user_id, app_id) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT DO NOTHING`,
    [users, apps],
  );
}

export function postgresUsers(pool: pg.Pool, runTx: RunTx): UserStore {
  return {
    appsOf: async (userId) =>
      (
        await pool.query<{ app_id: string }>('SELECT app_id FROM user_apps WHERE user_id = $1 ORDER BY app_id', [
          userId,
        ])
      ).rows.map((row) => row.app_id),
    connect: async (userId, appId) => {
      await pool.query('INSERT INTO user_apps (user_id, app_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        userId,
        appId,
      ]);
    },
    disconnect: async (userId, appId) =>
      ((await pool.query('DELETE FROM user_apps WHERE user_id = $1 AND app_id = $2', [userId, appId])).rowCount ?? 0) >
      0,
    erase: (userId, idempotencyScope) =>
      runTx(async ({ client }) => {
        const count = async (sql: string) => (await client.query(sql, [userId])).rowCount ?? 0;
        const deliveries = await count(
          `DELETE FROM webhook_deliveries WHERE event_id IN
             (SELECT id FROM platform_events WHERE user_id = $1 AND ${NOT_ERASURE_NOTICE})`,
        );
        const events = await count(`DELETE FROM platform_events WHERE user_id = $1 AND ${NOT_ERASURE_NOTICE}`);
        await count('DELETE FROM notification_state WHERE user_id = $1');
        const notifications = await count('DELETE FROM platform_notifications WHERE user_id = $1');
        const preferences = (await count('DELETE FROM user_preferences WHERE user_id = $1')) > 0;
        await count('DELETE FROM user_apps WHERE user_id = $1');
        await client.query('DELETE FROM idempotency_keys WHERE scope = $1', [idempotencyScope]);
        return { notifications, events, deliveries, preferences };
      }),
  };
}
