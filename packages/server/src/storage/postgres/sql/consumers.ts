import type pg from 'pg';
import type { ConsumerRecord, ConsumerStore } from '../../types.js';

const COLUMNS = 'app_id, consumer_id, position, created_at, updated_at';

export function postgresConsumers(pool: pg.Pool): ConsumerStore {
  const select = async (appId: string, consumerId: string) =>
    (
      await pool.query<ConsumerRecord>(`SELECT ${COLUMNS} FROM consumers WHERE app_id = $1 AND consumer_id = $2`, [
        appId,
        consumerId,
      ])
    ).rows[0];

  return {
    ensure: async (appId, consumerId, at) => {
      const found = await select(appId, consumerId);
      if (found) return found;
      await pool.query(
        `INSERT INTO consumers (${COLUMNS}) VALUES ($1, $2, 0, $3, $3) ON CONFLICT (app_id, consumer_id) DO NOTHING`,
        [appId, consumerId, at],
      );
      return (await select(appId, consumerId))!;
    },
    get: select,
    list: async (appId) =>
      (
        await pool.query<ConsumerRecord>(`SELECT ${COLUMNS} FROM consumers WHERE app_id = $1 ORDER BY consumer_id`, [
          appId,
        ])
      ).rows,
    // GREATEST keeps the highest of concurrent commits: a late one never moves the position back.
    commit: async (appId, consumerId, position, at) =>
      (
        await pool.query<ConsumerRecord>(
          `INSERT INTO consumers (${COLUMNS}) VALUES ($1, $2, $3, $4, $4)
           ON CONFLICT (app_id, consumer_id) DO UPDATE SET
             position = GREATEST(consumers.position, excluded.position),
             updated_at = CASE WHEN excluded.position > consumers.position THEN excluded.updated_at ELSE consumers.updated_at END
           RETURNING ${COLUMNS}`,
          [appId, consumerId, position, at],
        )
      ).rows[0]!,
    delete: async (appId, consumerId) =>
      ((await pool.query('DELETE FROM consumers WHERE app_id = $1 AND consumer_id = $2', [appId, consumerId]))
        .rowCount ?? 0) > 0,
  };
}
