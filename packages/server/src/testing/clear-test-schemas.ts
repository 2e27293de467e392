import { createRequire } from 'node:module';

/**
 * Before a test run: drop the PostgreSQL schemas a killed earlier run left behind (the harness drops
 * its own on close, and stamps each with its creation time). Does nothing when PostgreSQL is not reachable: those tests then fail on their own.
 */
export default async function clearLeftoverSchemas(): Promise<void> {
  const url = process.env.ORIVA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  // Required from this file's package: vitest resolves a global setup's bare imports from the root.
  const pg = createRequire(import.meta.url)('pg') as typeof import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    // Only schemas stamped over an hour ago (or never stamped): a run going on beside this one keeps its own.
    const { rows } = await client.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace
       WHERE nspname LIKE 'oriva\\_h\\_%'
         AND COALESCE(substring(obj_description(oid, 'pg_namespace') FROM 'oriva test ([0-9]+)')::bigint, 0)
             < $1`,
      [Date.now() - 60 * 60 * 1000],
    );
    for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  } catch {
    // Not reachable: nothing to clear.
  } finally {
    await client.end().catch(() => {});
  }
}
