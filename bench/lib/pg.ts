/**
 * PostgreSQL and Redis for the `scale-out` suite: a throw-away schema per configuration (created by the server's own
 * migrations, dropped afterwards), a notification feed seeded by SQL into it, and removal of a Redis key prefix.
 *
 * `pg` and `ioredis` are dependencies of packages/server, not of bench: they are loaded with `createRequire` from
 * packages/server/package.json's location and typed here by the little this file uses.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { processCpuSeconds } from './cpu.js';
import { onExitCleanup, repoRoot } from './proc.js';

export const testDatabaseUrl = process.env.ORIVA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const testRedisUrl = process.env.ORIVA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const serverRequire = createRequire(join(repoRoot, 'packages/server/package.json'));

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}

interface RedisClient {
  scan(cursor: string, match: 'MATCH', pattern: string, count: 'COUNT', n: number): Promise<[string, string[]]>;
  del(...keys: string[]): Promise<number>;
  quit(): Promise<unknown>;
}

async function withClient<T>(url: string, fn: (c: PgClient) => Promise<T>): Promise<T> {
  const pg = serverRequire('pg') as { Client: new (o: { connectionString: string }) => PgClient };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `url` with `application_name` set, so that the server's connections can be told apart in `pg_stat_activity`. */
export function withApplicationName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

async function backendPids(url: string, applicationName: string): Promise<number[]> {
  const res = await withClient(url, (c) =>
    c.query(`SELECT pid FROM pg_stat_activity WHERE application_name = ${lit(applicationName)}`),
  );
  return res.rows.map((r) => Number(r.pid));
}

/**
 * CPU of the PostgreSQL backends serving connections named `applicationName` (one process each, read from /proc; the
 * database server is local), so that other users of the same PostgreSQL do not count. `stop()` gives the share of one
 * core they used during the window (backends that appeared meanwhile count in full), or undefined if unreadable.
 */
export async function startBackendCpuWindow(
  url: string,
  applicationName: string,
): Promise<{ stop(): Promise<number | undefined> }> {
  const read = (pids: number[]) =>
    new Map(
      pids.flatMap((pid) => {
        const s = processCpuSeconds(pid);
        return s === undefined ? [] : [[pid, s] as const];
      }),
    );
  const before = read(await backendPids(url, applicationName));
  const t0 = performance.now();
  return {
    async stop() {
      const wall = (performance.now() - t0) / 1000;
      const after = read(await backendPids(url, applicationName));
      if (after.size === 0 || wall <= 0) return undefined;
      let used = 0;
      for (const [pid, seconds] of after) used += seconds - (before.get(pid) ?? 0);
      return used / wall;
    },
  };
}

/** `oriva_bench_<random>`: a fresh schema name (the server creates and migrates it at start). */
export function freshSchemaName(): string {
  return `oriva_bench_${randomBytes(5).toString('hex')}`;
}

/**
 * Registers the schema for dropping (at exit too, by `psql`, as a last resort); returns the function that drops it.
 */
export function ownSchema(url: string, schema: string): () => Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
  const unregister = onExitCleanup(() => {
    execFileSync('psql', [url, '-q', '-c', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], {
      timeout: 10_000,
      stdio: 'ignore',
    });
  });
  return async () => {
    await withClient(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    unregister();
  };
}

/** Delete every Redis key starting with `prefix` (SCAN + DEL); returns how many. */
export async function dropRedisPrefix(url: string, prefix: string): Promise<number> {
  const mod = serverRequire('ioredis') as
    | (new (
        u: string,
        o: object,
      ) => RedisClient)
    | { default: new (u: string, o: object) => RedisClient };
  const Redis = 'default' in mod ? mod.default : mod;
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, connectTimeout: 5_000 });
  let deleted = 0;
  try {
    let cursor = '0';
    for (let i = 0; i < 10_000; i++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    await redis.quit();
  }
  return deleted;
}

export interface PgSeedOptions {
  url: string;
  schema: string;
  users: number;
  perUser: number;
  /** App ids already registered (through the API). */
  apps: readonly string[];
  /** Share of users muting one app (default 0.1). */
  mutedShare?: number;
}

export interface PgSeedResult {
  notifications: number;
  mutedUsers: number;
  seconds: number;
  bytes: number;
  statusCounts: Record<string, number>;
}

const DAY_MS = 86_400_000;
const HISTORY_MS = 60 * DAY_MS;

function lit(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/**
 * The feed data set of `feed-seed.ts`, generated by SQL (`generate_series`) in the migrated schema: `perUser`
 * notifications for each of `users` users, ids (`ntf_` + ULID-shaped, time first) and `created_at` increasing together
 * over 60 days while a user's rows are scattered through the table (owner = a permutation of the row number); each with
 * its `notification_state` row in the same status mix (unread ~68 %, read ~17 %, clicked ~7 %, dismissed ~5 %, 15 % with
 * an expiry, 3 % of them past and mostly `expired`), the same title/body lengths, URLs, images, group keys, priorities
 * and context; `mutedShare` of users mute one app. `setseed` makes the draw repeatable. ANALYZE runs at the end
 * (autovacuum would do the same shortly after a bulk load; without it the first minute's plans would be guesses).
 */
export async function seedFeedPostgres(o: PgSeedOptions): Promise<PgSeedResult> {
  const total = o.users * o.perUser;
  const nowMs = Date.now();
  const endMs = nowMs - 10 * 60_000;
  const step = Math.max(1, Math.floor(HISTORY_MS / total));
  const startMs = endMs - step * total;
  // A multiplier coprime with `total` turns the row number into a permutation of the owners.
  let mult = 7919;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(mult, total) !== 1) mult += 2;
  const apps = `ARRAY[${o.apps.map(lit).join(', ')}]::text[]`;
  const nApps = o.apps.length;
  const t0 = performance.now();
  return withClient(o.url, async (c) => {
    await c.query(`SET search_path TO ${o.schema}`);
    await c.query("SET statement_timeout = '120s'");
    await c.query('SELECT setseed(0.42)');
    await c.query(`
      CREATE TEMP TABLE bench_seed AS
      WITH r AS (
        SELECT i,
          'user_' || ((i::bigint * ${mult}) % ${total} / ${o.perUser} + 1) AS user_id,
          (${apps})[1 + floor(random() * ${nApps})::int] AS app_id,
          (ARRAY['message', 'mention', 'reminder', 'digest', 'update'])[1 + floor(random() * 5)::int] AS type,
          (ARRAY['Sarah', 'Miguel', 'Aiko', 'Jonas', 'Priya', 'Oluwaseun', 'Chen', 'Fatima', 'Lukas', 'Amara'])
            [1 + floor(random() * 10)::int] AS name,
          (ARRAY['roadmap review', 'design sync', 'budget draft', 'sprint retro', 'onboarding plan', 'launch checklist'])
            [1 + floor(random() * 6)::int] AS topic,
          floor(random() * 1000)::int AS k,
          (${startMs}::bigint + i::bigint * ${step}) AS created_ms,
          random() AS url_roll, random() AS img_roll, random() AS icon_roll, random() AS group_roll,
          random() AS p_roll, random() AS e_roll, random() AS e_days, random() AS s_roll, random() AS x_roll,
          random() AS act_roll
        FROM generate_series(0, ${total - 1}) AS i
      ), t AS (
        SELECT r.*,
          to_timestamp(created_ms / 1000.0) AS created_at,
          CASE WHEN e_roll >= 0.85 THEN
            CASE WHEN e_roll < 0.97 THEN to_timestamp(${nowMs} / 1000.0) + (1 + floor(e_days * 30)) * interval '1 day'
                 ELSE to_timestamp(created_ms / 1000.0) + interval '1 minute' END
          END AS expires_at,
          (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((created_ms >> (5 * b)) & 31)::int + 1, 1), ''
                             ORDER BY b DESC) FROM generate_series(0, 9) AS b)
            || upper(substr(md5(i::text), 1, 16)) AS suffix
        FROM r
      )
      SELECT t.*,
        CASE WHEN expires_at IS NOT NULL AND expires_at <= to_timestamp(${nowMs} / 1000.0)
             THEN CASE WHEN x_roll < 0.9 THEN 'expired' ELSE 'unread' END
             ELSE CASE WHEN s_roll < 0.7 THEN 'unread' WHEN s_roll < 0.88 THEN 'read'
                       WHEN s_roll < 0.95 THEN 'clicked' ELSE 'dismissed' END
        END AS status,
        created_at + floor(act_roll * 300000) * interval '1 millisecond' AS acted_at
      FROM t`);
    await c.query(`
      INSERT INTO platform_notifications (id, app_id, external_id, user_id, notification_type, title, body, action_url,
        action_label, image_url, icon_url, context_data, group_key, priority, expires_at, created_at, updated_at)
      SELECT 'ntf_' || suffix, app_id, 'ext_' || (i + 1), user_id, type,
        CASE type
          WHEN 'message' THEN 'New message from ' || name || ' about ' || topic
          WHEN 'mention' THEN name || ' mentioned you in "' || topic || '"'
          WHEN 'reminder' THEN 'Session with ' || name || ' starts in ' || (k % 50) || ' minutes'
          WHEN 'digest' THEN 'Your weekly digest: ' || (k % 90) || ' updates in ' || topic
          ELSE name || ' updated the ' || topic || ' (v' || (k % 20) || ')' END,
        CASE type
          WHEN 'message' THEN name || ': "Could you take a look at the ' || topic || ' before tomorrow''s meeting? I left '
            || (k % 9) || ' comments on the last section."'
          WHEN 'mention' THEN name || ' wrote: "@you can you confirm the numbers in the ' || topic || '? We need them before '
            || (k % 12) || ' pm, thanks a lot!"'
          WHEN 'reminder' THEN 'Your session with ' || name || ' on the ' || topic
            || ' is about to begin. Join from the app or reply to reschedule it.'
          WHEN 'digest' THEN 'This week: ' || (k % 90) || ' updates, ' || (k % 17) || ' new comments and ' || (k % 5)
            || ' decisions in ' || topic || '. Open the digest to catch up quickly.'
          ELSE name || ' changed the ' || topic || ': ' || (k % 7) || ' sections edited, ' || (k % 4)
            || ' tasks reassigned. Review the changes when you have a minute.' END,
        CASE WHEN url_roll < 0.8 THEN 'https://' || app_id || '.example.com/n/' || (i + 1)
             WHEN url_roll < 0.9 THEN app_id || '://item/' || (i + 1) END,
        CASE WHEN url_roll < 0.9 THEN CASE WHEN type = 'reminder' THEN 'Join session' ELSE 'View' END END,
        CASE WHEN img_roll < 0.2 THEN 'https://cdn.example.com/img/' || ((i + 1) % 1000) || '.png' END,
        CASE WHEN icon_roll < 0.1 THEN 'https://cdn.example.com/avatars/' || lower(name) || '.png' END,
        jsonb_build_object('entity_id', 'ent_' || (i + 1), 'actor', name, 'topic', topic, 'count', k % 90),
        CASE WHEN group_roll < 0.3 THEN type || '_' || user_id || '_' || (k % 5) END,
        CASE WHEN p_roll < 0.1 THEN 'low' WHEN p_roll < 0.8 THEN 'normal' WHEN p_roll < 0.95 THEN 'high' ELSE 'urgent' END,
        expires_at, created_at, created_at
      FROM bench_seed ORDER BY i`);
    await c.query(`
      INSERT INTO notification_state (id, notification_id, user_id, app_id, notification_type, expires_at, status,
        sent_at, delivered_at, read_at, dismissed_at, clicked_at, dismissed_from, click_action, created_at, updated_at)
      SELECT 'nst_' || suffix, 'ntf_' || suffix, user_id, app_id, type, expires_at, status,
        created_at, NULL,
        CASE WHEN status IN ('read', 'clicked') THEN acted_at END,
        CASE WHEN status = 'dismissed' THEN acted_at END,
        CASE WHEN status = 'clicked' THEN acted_at END,
        CASE WHEN status = 'dismissed' THEN 'oriva_core' END,
        CASE WHEN status = 'clicked' THEN 'open' END,
        created_at,
        CASE status WHEN 'unread' THEN created_at WHEN 'expired' THEN expires_at ELSE acted_at END
      FROM bench_seed ORDER BY i`);
    const muted = await c.query(`
      INSERT INTO user_preferences (user_id, muted_apps, muted_types, updated_at)
      SELECT 'user_' || u, jsonb_build_array((${apps})[1 + floor(random() * ${nApps})::int]), '{}'::jsonb, now()
      FROM generate_series(1, ${o.users}) AS u WHERE random() < ${o.mutedShare ?? 0.1}
      RETURNING user_id`);
    const counts = await c.query('SELECT status, count(*)::int AS n FROM bench_seed GROUP BY status');
    await c.query('DROP TABLE bench_seed');
    await c.query('ANALYZE platform_notifications, notification_state, user_preferences');
    const size = await c.query(
      `SELECT (pg_total_relation_size('platform_notifications') + pg_total_relation_size('notification_state'))::bigint AS b`,
    );
    return {
      notifications: total,
      mutedUsers: muted.rows.length,
      seconds: (performance.now() - t0) / 1000,
      bytes: Number(size.rows[0]?.b ?? 0),
      statusCounts: Object.fromEntries(counts.rows.map((r) => [String(r.status), Number(r.n)])),
    };
  });
}
