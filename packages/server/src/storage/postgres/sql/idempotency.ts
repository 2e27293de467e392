import type pg from 'pg';
import type { IdempotencyRecord, IdempotencyStore } from '../../types.js';

export function postgresIdempotency(pool: pg.Pool): IdempotencyStore {
  return {
    /**
     * ON CONFLICT DO NOTHING waits for a concurrent first request's insert to commit, so exactly one
     * caller reserves. The record read back may have been released meanwhile: then try again.
     */
    reserve: async (scope, key, hash, at) => {
      for (;;) {
        const inserted = await pool.query(
          `INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [scope, key, hash, at],
        );
        if (inserted.rowCount === 1) return { reserved: true };
        const { rows } = await pool.query<IdempotencyRecord>(
          'SELECT request_hash, status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
          [scope, key],
        );
        if (rows[0]) return { reserved: false, existing: rows[0] };
      }
    },
    complete: async (scope, key, status, body) => {
      await pool.query('UPDATE idempotency_keys SET status = $1, response_body = $2 WHERE scope = $3 AND key = $4', [
        status,
        body,
        scope,
        key,
      ]);
    },
    release: async (scope, key) => {
      await pool.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status IS NULL', [scope, key]);
    },
    prune: async (olderThan) =>
      (await pool.query('DELETE FROM idempotency_keys WHERE created_at < $1', [olderThan])).rowCount ?? 0,
  };
}
