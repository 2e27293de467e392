import type Database from 'better-sqlite3';
import type { IdempotencyRecord, IdempotencyStore } from '../../types.js';
import type { WriteQueue } from '../write-queue.js';

/** Reservations and completions go through the write queue: an SDK sends a key with every POST. */
export function sqliteIdempotency(db: Database.Database, write: WriteQueue): IdempotencyStore {
  const reserve = db.prepare<[string, string, string, string]>(
    'INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const select = db.prepare<[string, string], IdempotencyRecord>(
    'SELECT request_hash, status, response_body FROM idempotency_keys WHERE scope = ? AND key = ?',
  );
  const complete = db.prepare<[number, string, string, string]>(
    'UPDATE idempotency_keys SET status = ?, response_body = ? WHERE scope = ? AND key = ?',
  );
  const release = db.prepare<[string, string]>(
    'DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status IS NULL',
  );
  const prune = db.prepare<[string]>('DELETE FROM idempotency_keys WHERE created_at < ?');

  return {
    reserve: (scope, key, hash, at) =>
      write(() => {
        if (reserve.run(scope, key, hash, at).changes === 1) return { reserved: true as const };
        return { reserved: false as const, existing: select.get(scope, key)! };
      }),
    complete: (scope, key, status, body) =>
      write(() => {
        complete.run(status, body, scope, key);
      }),
    release: (scope, key) =>
      write(() => {
        release.run(scope, key);
      }),
    prune: async (olderThan) => prune.run(olderThan).changes,
  };
}
