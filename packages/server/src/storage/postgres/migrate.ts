import type pg from 'pg';
import { LOCK } from './db.js';
import { migrations } from './migrations/index.js';

/**
 * Applies every migration the schema lacks, in one transaction holding an advisory lock: instances
 * starting together queue on the lock, and each later one finds the work done. The lock also covers
 * CREATE SCHEMA, which is not safe to race even with IF NOT EXISTS.
 */
export async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // A migration on a large table may take longer than requests are allowed to.
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', [schema, LOCK.migrations]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version INTEGER PRIMARY KEY,
         name TEXT NOT NULL,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** How many months of partitions exist ahead of the current one. */
export const MONTHS_AHEAD = 3;

const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));
const partitionName = (start: Date) =>
  `platform_events_p${start.getUTCFullYear()}_${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
const PARTITION_NAME = /^platform_events_p(\d{4})_(\d{2})$/;

/**
 * Makes the monthly partitions of platform_events from the previous month to MONTHS_AHEAD ahead of
 * `now`, those missing; returns the names made. Run at open and daily. Rows that fell into the
 * DEFAULT partition for a month being made are moved into it (PostgreSQL refuses to create a
 * partition whose rows sit in the default one).
 */
export async function ensurePartitions(pool: pg.Pool, schema: string, now: Date = new Date()): Promise<string[]> {
  const client = await pool.connect();
  const made: string[] = [];
  try {
    await client.query('BEGIN');
    // Moving a month's rows out of the default partition may take longer than requests are allowed to.
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', [schema, LOCK.partitions]);
    for (let offset = -1; offset <= MONTHS_AHEAD; offset++) {
      const from = monthStart(now.getUTCFullYear(), now.getUTCMonth() + offset);
      const to = monthStart(from.getUTCFullYear(), from.getUTCMonth() + 1);
      const name = partitionName(from);
      const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
        `${schema}.${name}`,
      ]);
      if (rows[0]!.exists) continue;
      const bounds = `FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`;
      const { rows: stray } = await client.query<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM platform_events_default WHERE "timestamp" >= $1 AND "timestamp" < $2) AS found`,
        [from.toISOString(), to.toISOString()],
      );
      if (stray[0]!.found) {
        await client.query('ALTER TABLE platform_events DETACH PARTITION platform_events_default');
        await client.query(`CREATE TABLE ${name} PARTITION OF platform_events FOR VALUES ${bounds}`);
        await client.query(
          `WITH moved AS (
             DELETE FROM platform_events_default WHERE "timestamp" >= $1 AND "timestamp" < $2 RETURNING *
           ) INSERT INTO platform_events SELECT * FROM moved`,
          [from.toISOString(), to.toISOString()],
        );
        await client.query('ALTER TABLE platform_events ATTACH PARTITION platform_events_default DEFAULT');
      } else {
        await client.query(`CREATE TABLE ${name} PARTITION OF platform_events FOR VALUES ${bounds}`);
      }
      made.push(name);
    }
    await client.query('COMMIT');
    return made;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The monthly partitions that exist, with their upper bounds. */
export async function listPartitions(db: pg.Pool | pg.PoolClient): Promise<Array<{ name: string; until: Date }>> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'platform_events'::regclass ORDER BY c.relname`,
  );
  return rows.flatMap(({ name }) => {
    const match = PARTITION_NAME.exec(name);
    if (!match) return [];
    return [{ name, until: monthStart(Number(match[1]), Number(match[2])) }];
  });
}
