import type Database from 'better-sqlite3';
import type { ConsumerRecord, ConsumerStore } from '../../types.js';
import type { WriteQueue } from '../write-queue.js';

const COLUMNS = 'app_id, consumer_id, position, created_at, updated_at';

export function sqliteConsumers(db: Database.Database, write: WriteQueue): ConsumerStore {
  const select = db.prepare<[string, string], ConsumerRecord>(
    `SELECT ${COLUMNS} FROM consumers WHERE app_id = ? AND consumer_id = ?`,
  );
  const selectAll = db.prepare<[string], ConsumerRecord>(
    `SELECT ${COLUMNS} FROM consumers WHERE app_id = ? ORDER BY consumer_id`,
  );
  const insertIfMissing = db.prepare<[string, string, string, string]>(
    `INSERT INTO consumers (app_id, consumer_id, position, created_at, updated_at) VALUES (?, ?, 0, ?, ?)
     ON CONFLICT (app_id, consumer_id) DO NOTHING`,
  );
  // MAX keeps the highest of concurrent commits: a late one never moves the position back.
  const upsertForward = db.prepare<[string, string, number, string, string], ConsumerRecord>(
    `INSERT INTO consumers (app_id, consumer_id, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (app_id, consumer_id) DO UPDATE SET
       position = MAX(consumers.position, excluded.position),
       updated_at = CASE WHEN excluded.position > consumers.position THEN excluded.updated_at ELSE consumers.updated_at END
     RETURNING ${COLUMNS}`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM consumers WHERE app_id = ? AND consumer_id = ?');

  return {
    ensure: async (appId, consumerId, at) => {
      const found = select.get(appId, consumerId);
      if (found) return found;
      await write(() => insertIfMissing.run(appId, consumerId, at, at));
      return select.get(appId, consumerId)!;
    },
    get: async (appId, consumerId) => select.get(appId, consumerId),
    list: async (appId) => selectAll.all(appId),
    commit: (appId, consumerId, position, at) => write(() => upsertForward.get(appId, consumerId, position, at, at)!),
    delete: (appId, consumerId) => write(() => remove.run(appId, consumerId).changes > 0),
  };
}
