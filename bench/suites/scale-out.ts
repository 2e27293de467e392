/**
 * Scale-out benchmark: the same four measurements on three storage configurations, side by side —
 * **SQLite, 1 instance**; **PostgreSQL, 1 instance**; **PostgreSQL + Redis, 2 instances** sharing one schema and one
 * Redis prefix — and how throughput grows from one PostgreSQL instance to two, and from SQLite to PostgreSQL.
 *
 * Method (127.0.0.1 only; each server and the webhook receiver in its own child process under tsx; autocannon and the
 * publishers in this process):
 * - each configuration gets fresh storage: a temporary data directory (SQLite), or a fresh schema `oriva_bench_<random>`
 *   in the local PostgreSQL (`ORIVA_TEST_DATABASE_URL`), created and migrated by the server at start and dropped at the
 *   end; the two-instance configuration adds `ORIVA_REDIS_URL` with a unique `ORIVA_REDIS_PREFIX` (its keys are deleted
 *   at the end). Instances sharing a schema share `ORIVA_ADMIN_TOKEN` and `ORIVA_JWT_SECRET`;
 * - the same feed data set in each: `users` × 100 notifications over 5 apps, with state rows and mutes — SQLite by
 *   `lib/feed-seed.ts` (straight into the file, server stopped), PostgreSQL by SQL (`lib/pg.ts`, `generate_series`);
 * - the load is split evenly across the instances (two autocannon runs at once, one per instance, half the
 *   connections each; throughputs summed, the worse p99 reported):
 *   1. feed `GET /api/v1/users/:user_id/notifications`, 50 connections, every user with their own JWT, at random;
 *   2. single events `POST /api/v1/apps/bench-app/events`, 50 connections;
 *   3. batches of 500 events, 8 connections;
 *   4. webhook delivery: one webhook (`*`) to a receiver answering 200; N events published in batches of 500 (4 in
 *      flight, alternating instances); deliveries/s from the first publish to the last arrival, every event checked to
 *      arrive exactly once (unique event ids and `webhook-id`s).
 * - ceilings, once per run, for context: the bare-Hono ingest server (single events before and after the
 *   configurations, batches once) and the bare feed server serving a captured page.
 * - any non-2xx response or connection error fails that configuration (the others still run; the suite then fails).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCpuWindow } from '../lib/cpu.js';
import { seedFeedInChild } from '../lib/feed-seed.js';
import { BENCH_APP_ID, BENCH_APP_NAME, batchBody, sampleEvent, singleEventBody } from '../lib/fixtures.js';
import { int, mean, ms, ratio, row } from '../lib/format.js';
import { type LoadResult, load, loadProblems, type RotateEntry } from '../lib/load.js';
import {
  dropRedisPrefix,
  freshSchemaName,
  ownSchema,
  seedFeedPostgres,
  startBackendCpuWindow,
  testDatabaseUrl,
  testRedisUrl,
  withApplicationName,
} from '../lib/pg.js';
import { onExitCleanup, repoRoot, sleep } from '../lib/proc.js';
import { errorMessage, machineRow, quickModeNote } from '../lib/report.js';
import {
  clip,
  createApp,
  type RunningOriva,
  type RunningServer,
  requestJson,
  startCeiling,
  startOriva,
} from '../lib/servers.js';
import { type SuiteContext, SuiteFailure, type SuiteResult } from '../lib/suite.js';
import { mintUserJwt, randomJwtSecret } from '../lib/user-tokens.js';
import type { ReceiverStats } from '../lib/webhook-receiver.js';

const PER_USER = 100;
const APPS = ['app-1', 'app-2', 'app-3', 'app-4', 'app-5'];
const HOOK_APP = 'bench-hooks';
const FEED_CONNECTIONS = 50;
const SINGLE_CONNECTIONS = 50;
const BATCH_CONNECTIONS = 8;
const BATCH_SIZE = 500;
const HOOK_BATCH = 500;
const HOOK_PUBLISHERS = 4;

const receiverScript = join(repoRoot, 'bench/lib/webhook-receiver.ts');
const bareFeedScript = join(repoRoot, 'bench/lib/bare-feed-server.ts');
const barePgScript = join(repoRoot, 'bench/lib/bare-pg-server.ts');
const eventsPath = `/api/v1/apps/${BENCH_APP_ID}/events`;
const batchPath = `${eventsPath}/batch`;
const feedPath = (user: string) => `/api/v1/users/${user}/notifications`;

type ConfigKey = 'sqlite' | 'pg1' | 'pg2';
const CONFIGS: { key: ConfigKey; label: string }[] = [
  { key: 'sqlite', label: 'SQLite 1×' },
  { key: 'pg1', label: 'PG 1×' },
  { key: 'pg2', label: 'PG+Redis 2×' },
];

interface Plan {
  warmupSeconds: number;
  durationSeconds: number;
  users: number;
  hookEvents: number;
  hookWaitMs: number;
}

/** One measurement over all of a configuration's instances. */
interface Combined {
  rps: number;
  p50: number;
  p99: number;
  /** Per instance, share of a core. */
  serverCpu: (number | undefined)[];
  clientCpu: number;
  /** The PostgreSQL backends of this configuration's connections, share of a core (PostgreSQL configurations). */
  dbCpu: number | undefined;
}

interface Hooks {
  published: number;
  publishSeconds: number;
  delivered: number;
  unique: number;
  duplicates: number;
  duplicateWebhookIds: number;
  missing: number;
  unexpected: number;
  perSecond: number;
  seconds: number;
  complete: boolean;
  /** From the first publish to the last arrival (or the end of the wait): each instance, and its PostgreSQL backends. */
  serverCpu: (number | undefined)[];
  dbCpu: number | undefined;
}

interface ConfigResult {
  key: ConfigKey;
  label: string;
  instances: number;
  error?: string;
  seed?: string;
  feed?: Combined;
  /** Share of the feed step's reads (warm-up included) that the feed cache served, over every instance. */
  feedHitRate?: number;
  single?: Combined;
  batch?: Combined;
  hooks?: Hooks;
  /**
   * PG 1× only: the bare Hono + `pg` ceiling (`lib/bare-pg-server.ts`) on the same schema, each measurement run right
   * after the server's.
   */
  pgCeiling?: { feed?: Combined; single?: Combined; batch?: Combined };
}

/** `oriva_cache_requests_total{cache="feed"}` summed over the instances: hits and every read. */
async function feedCacheReads(instances: Array<{ baseUrl: string }>): Promise<{ hits: number; total: number }> {
  let hits = 0;
  let total = 0;
  for (const instance of instances) {
    const text = await (await fetch(`${instance.baseUrl}/metrics`)).text();
    for (const match of text.matchAll(/^oriva_cache_requests_total\{cache="feed",result="(\w+)"\} (\S+)$/gm)) {
      total += Number(match[2]);
      if (match[1] === 'hit') hits += Number(match[2]);
    }
  }
  return { hits, total };
}
/** The PostgreSQL targets of issue #18: each path ≥ 0.7× its bare `pg` handler; the feed's p99 ≤ 2× the handler's. */
const PG_TARGET_RATIO = 0.7;
const PG_FEED_P99_TARGET = 2;

function pct(cores: number | undefined): string {
  return cores === undefined ? '?' : `${Math.round(cores * 100)}%`;
}

/**
 * Run `load` against every instance at once, the connections split evenly: a warm-up (discarded, but any problem
 * fails), then the measured run; sums throughput, keeps the worse p99. `db` names the PostgreSQL connections whose
 * backends' CPU to measure during the measured run.
 */
async function splitLoad(
  instances: readonly RunningServer[],
  connections: number,
  plan: Plan,
  options: (server: RunningServer) => {
    path: string;
    method: 'GET' | 'POST';
    body?: string;
    headers?: Record<string, string>;
    rotate?: RotateEntry[];
  },
  what: string,
  db?: { url: string; applicationName: string },
): Promise<Combined> {
  const each = Math.max(1, Math.floor(connections / instances.length));
  const runAll = (seconds: number) =>
    Promise.all(
      instances.map((server) => {
        const o = options(server);
        return load({
          url: `${server.baseUrl}${o.path}`,
          method: o.method,
          ...(o.body === undefined ? {} : { body: o.body }),
          ...(o.headers === undefined ? {} : { headers: o.headers }),
          ...(o.rotate === undefined ? {} : { rotate: o.rotate }),
          connections: each,
          warmupSeconds: 0,
          durationSeconds: seconds,
          serverPid: server.handle.pid,
        });
      }),
    );
  const check = (results: LoadResult[], phase: string) => {
    for (const [i, r] of results.entries()) {
      instances[i]!.assertAlive();
      const problems = loadProblems(r);
      if (problems !== undefined) throw new Error(`${what} (${phase}) on ${instances[i]!.label}: ${problems}`);
    }
  };
  if (plan.warmupSeconds > 0) check(await runAll(plan.warmupSeconds), 'warm-up');
  const dbWindow = db === undefined ? undefined : await startBackendCpuWindow(db.url, db.applicationName);
  const results = await runAll(plan.durationSeconds);
  const dbCpu = await dbWindow?.stop();
  check(results, 'measured');
  return {
    rps: results.reduce((n, r) => n + r.rps, 0),
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    serverCpu: results.map((r) => r.serverCpu),
    clientCpu: Math.max(...results.map((r) => r.clientCpu)),
    dbCpu,
  };
}

async function receiverJson<T>(receiver: RunningServer, path: string): Promise<T> {
  receiver.assertAlive();
  const res = await requestJson(`${receiver.baseUrl}${path}`);
  if (res.status !== 200 || res.json === undefined) {
    throw new Error(`${receiver.label}: GET ${path} → HTTP ${res.status}: ${clip(res.text)}`);
  }
  return res.json as T;
}

async function resetReceiver(receiver: RunningServer): Promise<void> {
  const res = await requestJson(`${receiver.baseUrl}/reset`, { method: 'POST' });
  if (res.status !== 204) throw new Error(`${receiver.label}: POST /reset → HTTP ${res.status}`);
}

/**
 * Publish `total` events in batches, `HOOK_PUBLISHERS` requests in flight, alternating instances; wait (bounded) until
 * the receiver has as many deliveries; check that each published event arrived exactly once.
 */
async function webhookRun(
  instances: readonly RunningOriva[],
  appKey: string,
  receiver: RunningServer,
  plan: Plan,
  db: { url: string; applicationName: string } | undefined,
): Promise<Hooks> {
  const hookRes = await requestJson(`${instances[0]!.baseUrl}/api/v1/apps/${HOOK_APP}/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${appKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ webhook_url: `${receiver.baseUrl}/hook`, subscribed_events: ['*'] }),
  });
  if (hookRes.status !== 201)
    throw new Error(`registering the webhook → HTTP ${hookRes.status}: ${clip(hookRes.text)}`);
  await resetReceiver(receiver);

  const batches = Math.ceil(plan.hookEvents / HOOK_BATCH);
  const published = new Set<string>();
  let next = 0;
  const cpu = instances.map((s) => startCpuWindow(s.handle.pid));
  const dbCpu = db === undefined ? undefined : await startBackendCpuWindow(db.url, db.applicationName);
  const startedAt = Date.now();
  const worker = async () => {
    for (;;) {
      const b = next++;
      if (b >= batches) return;
      const n = Math.min(HOOK_BATCH, plan.hookEvents - b * HOOK_BATCH);
      const server = instances[b % instances.length]!;
      const res = await requestJson(`${server.baseUrl}/api/v1/apps/${HOOK_APP}/events/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${appKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: Array.from({ length: n }, () => sampleEvent) }),
      });
      const events = (res.json as { events?: { event_id?: unknown }[] } | undefined)?.events;
      if (res.status !== 200 || !Array.isArray(events) || events.length !== n) {
        throw new Error(`publishing a batch to ${server.label} → HTTP ${res.status}: ${clip(res.text)}`);
      }
      for (const e of events) if (typeof e.event_id === 'string') published.add(e.event_id);
    }
  };
  await Promise.all(Array.from({ length: HOOK_PUBLISHERS }, worker));
  const publishSeconds = (Date.now() - startedAt) / 1000;

  let complete = false;
  const deadline = Date.now() + plan.hookWaitMs;
  while (Date.now() < deadline) {
    const c = await receiverJson<{ received: number }>(receiver, '/count');
    if (c.received >= published.size) {
      complete = true;
      break;
    }
    for (const s of instances) s.assertAlive();
    await sleep(100);
  }
  const serverCpu = cpu.map((w) => w.stop().server);
  const dbShare = await dbCpu?.stop();
  // Late duplicates, if any, have a moment to arrive.
  await sleep(complete ? 500 : 0);
  const stats = await receiverJson<ReceiverStats>(receiver, '/stats');
  const received = new Set(stats.eventIds);
  let missing = 0;
  for (const id of published) if (!received.has(id)) missing++;
  let unexpected = 0;
  for (const id of received) if (!published.has(id)) unexpected++;
  const lastArrival = stats.arrivals.length > 0 ? Math.max(...stats.arrivals) : startedAt;
  const seconds = Math.max(0.001, (lastArrival - startedAt) / 1000);
  return {
    published: published.size,
    publishSeconds,
    delivered: stats.eventIds.length,
    unique: received.size - unexpected,
    duplicates: stats.eventIds.length - received.size,
    duplicateWebhookIds: stats.webhookIds.length - new Set(stats.webhookIds).size,
    missing,
    unexpected,
    perSecond: (received.size - unexpected) / seconds,
    seconds,
    complete: complete && missing === 0,
    serverCpu,
    dbCpu: dbShare,
  };
}

export default async function run(ctx: SuiteContext): Promise<SuiteResult> {
  const plan: Plan = ctx.quick
    ? { warmupSeconds: 1, durationSeconds: 3, users: 200, hookEvents: 3_000, hookWaitMs: 30_000 }
    : { warmupSeconds: 2, durationSeconds: 6, users: 1_000, hookEvents: 10_000, hookWaitMs: 60_000 };
  const lines: string[] = [];
  const metrics: Record<string, number> = {};
  const started: RunningServer[] = [];
  lines.push(
    'method: three configurations, fresh storage each — SQLite 1 instance; PostgreSQL 1 instance (no Redis);',
    '  PostgreSQL + Redis, 2 instances sharing the schema and the Redis prefix. autocannon in this process; servers,',
    '  webhook receiver and ceilings in child processes under tsx; 127.0.0.1 only. With 2 instances the load is split',
    '  evenly (one load generator per instance, half the connections each, run at once): throughputs are summed and the',
    '  worse of the two p99s is shown.',
    `  Data set: ${int(plan.users * PER_USER)} notifications for ${int(plan.users)} users (${PER_USER} each, ${APPS.length} apps, ~10% of users mute one),`,
    '  SQLite seeded straight into the file, PostgreSQL by SQL (generate_series) into the migrated schema, then ANALYZE.',
    `  Each load run: ${plan.warmupSeconds} s warm-up (discarded) + ${plan.durationSeconds} s measured. Webhooks: ${int(plan.hookEvents)} events in batches of ${HOOK_BATCH}`,
    `  (${HOOK_PUBLISHERS} in flight, alternating instances) to one webhook (*); deliveries/s = events received ÷ (last arrival − first publish).`,
    '  NOTE: every process shares this machine\'s 2 cores, so a second instance cannot add CPU: "2×/1×" shows the cost',
    '  or benefit of sharing state between instances here, not the horizontal gain on separate machines.',
    ...quickModeNote(ctx.quick),
    machineRow('start'),
  );

  const results: ConfigResult[] = [];
  const ceilings: { single: number[]; batchEventsPerS?: number; feed?: number; feedP99?: number } = { single: [] };
  const tmp = await mkdtemp(join(tmpdir(), 'oriva-bench-scale-'));
  const unregisterTmp = onExitCleanup(() => rmSync(tmp, { recursive: true, force: true }));
  const batch = batchBody(BATCH_SIZE);

  try {
    const receiver = await startCeiling({
      script: receiverScript,
      env: { BENCH_RECEIVER_MODE: 'ok' },
      label: 'webhook receiver',
    });
    started.push(receiver);

    // Ceiling: the bare-Hono ingest server (single events now and at the end; batches once).
    const ceiling = await startCeiling();
    started.push(ceiling);
    const ceilingHeaders = { authorization: 'Bearer none', 'content-type': 'application/json' };
    const singleCeiling = async () => {
      const c = await splitLoad(
        [ceiling],
        SINGLE_CONNECTIONS,
        plan,
        () => ({
          path: eventsPath,
          method: 'POST',
          body: singleEventBody,
          headers: ceilingHeaders,
        }),
        'ceiling, single events',
      );
      ceilings.single.push(c.rps);
      return c;
    };
    const c1 = await singleCeiling();
    const cb = await splitLoad(
      [ceiling],
      BATCH_CONNECTIONS,
      plan,
      () => ({
        path: batchPath,
        method: 'POST',
        body: batch,
        headers: ceilingHeaders,
      }),
      'ceiling, batches',
    );
    ceilings.batchEventsPerS = cb.rps * BATCH_SIZE;
    lines.push(
      row('ceiling (bare Hono), single', `${int(c1.rps)} req/s, p99 ${ms(c1.p99)}`),
      row('ceiling (bare Hono), batches', `${int(cb.rps * BATCH_SIZE)} events/s, p99 ${ms(cb.p99)} per request`),
    );

    // BENCH_SCALE_OUT_CONFIGS=pg1,pg2 runs only those configurations (to iterate on one storage).
    const only = process.env.BENCH_SCALE_OUT_CONFIGS?.split(',');
    for (const config of CONFIGS.filter((c) => only === undefined || only.includes(c.key))) {
      const result: ConfigResult = { key: config.key, label: config.label, instances: config.key === 'pg2' ? 2 : 1 };
      results.push(result);
      const t0 = performance.now();
      const instances: RunningOriva[] = [];
      const cleanups: (() => Promise<void>)[] = [];
      try {
        const jwtSecret = randomJwtSecret();
        const adminToken = `bench-admin-${randomBytes(24).toString('hex')}`;
        const baseEnv = { ORIVA_JWT_SECRET: jwtSecret };
        let appKeys: { bench: string; hooks: string };
        /** PostgreSQL configurations: the server's connections carry `application_name` = the schema name. */
        let db: { url: string; applicationName: string } | undefined;
        /** PG 1×: the bare `pg` ceiling on the same schema, its connections named `<schema>_bare`. */
        let pgCeiling: { server: RunningServer; db: { url: string; applicationName: string } } | undefined;
        const registerApps = async (server: RunningOriva) => {
          for (const [i, appId] of APPS.entries()) {
            await createApp(server, appId, `App ${i + 1}`, { icon_url: `https://example.com/${appId}.png` });
          }
          return {
            bench: await createApp(server, BENCH_APP_ID, BENCH_APP_NAME),
            hooks: await createApp(server, HOOK_APP, 'Bench Hooks'),
          };
        };
        const launch = async (options: Parameters<typeof startOriva>[0], label: string) => {
          const s = await startOriva({ ...options, adminToken, label });
          started.push(s);
          instances.push(s);
          return s;
        };

        if (config.key === 'sqlite') {
          const dataDir = join(tmp, 'sqlite');
          const first = await startOriva({ dataDir, env: baseEnv, adminToken, label: 'oriva (sqlite, setup)' });
          started.push(first);
          try {
            appKeys = await registerApps(first);
          } finally {
            started.splice(started.indexOf(first), 1);
            await first.stop();
          }
          const seed = await seedFeedInChild(
            { dbPath: join(dataDir, 'oriva.db'), users: plan.users, perUser: PER_USER, apps: APPS },
            join(tmp, 'seed-result.json'),
            120_000,
          );
          result.seed = `SQLite seeded in ${seed.seconds.toFixed(1)} s, ${int(seed.dbBytes / 2 ** 20)} MiB, ${seed.mutedUsers} users mute an app`;
          await launch({ dataDir, env: baseEnv }, 'oriva (sqlite)');
        } else {
          const schema = freshSchemaName();
          const dropSchema = ownSchema(testDatabaseUrl, schema);
          cleanups.push(dropSchema);
          db = { url: testDatabaseUrl, applicationName: schema };
          const env: Record<string, string> = {
            ...baseEnv,
            ORIVA_DATABASE_URL: withApplicationName(testDatabaseUrl, schema),
            ORIVA_DATABASE_SCHEMA: schema,
          };
          if (config.key === 'pg2') {
            const prefix = `${schema}:`;
            Object.assign(env, { ORIVA_REDIS_URL: testRedisUrl, ORIVA_REDIS_PREFIX: prefix });
            cleanups.push(async () => {
              await dropRedisPrefix(testRedisUrl, prefix);
            });
          }
          const a = await launch({ env }, `oriva (${config.key} #1)`);
          appKeys = await registerApps(a);
          const seed = await seedFeedPostgres({
            url: testDatabaseUrl,
            schema,
            users: plan.users,
            perUser: PER_USER,
            apps: APPS,
          });
          result.seed = `PostgreSQL seeded in ${seed.seconds.toFixed(1)} s, ${int(seed.bytes / 2 ** 20)} MiB (tables + indexes), ${seed.mutedUsers} users mute an app`;
          if (config.key === 'pg2') await launch({ env }, `oriva (${config.key} #2)`);
          if (config.key === 'pg1') {
            const ceilingName = `${schema}_bare`;
            const bare = await startCeiling({
              script: barePgScript,
              env: { BENCH_PG_URL: withApplicationName(testDatabaseUrl, ceilingName), BENCH_PG_SCHEMA: schema },
              label: 'bare-pg ceiling',
            });
            started.push(bare);
            cleanups.push(async () => {
              started.splice(started.indexOf(bare), 1);
              await bare.stop();
            });
            pgCeiling = { server: bare, db: { url: testDatabaseUrl, applicationName: ceilingName } };
            result.pgCeiling = {};
          }
        }
        metrics[`${config.key}_setup_seconds`] = (performance.now() - t0) / 1000;

        // 1. Feed: every instance must answer a feed first.
        const rotate: RotateEntry[] = Array.from({ length: plan.users }, (_, i) => ({
          path: feedPath(`user_${i + 1}`),
          headers: { authorization: `Bearer ${mintUserJwt(jwtSecret, `user_${i + 1}`)}` },
        }));
        let page = '';
        for (const s of instances) {
          const probe = await requestJson(`${s.baseUrl}${rotate[0]!.path}`, { headers: rotate[0]!.headers });
          const items = (probe.json as { notifications?: unknown } | undefined)?.notifications;
          if (probe.status !== 200 || !Array.isArray(items) || items.length === 0) {
            throw new Error(`feed sanity check on ${s.label} → HTTP ${probe.status}: ${clip(probe.text)}`);
          }
          page = probe.text;
        }
        const cacheBefore = await feedCacheReads(instances);
        result.feed = await splitLoad(
          instances,
          FEED_CONNECTIONS,
          plan,
          () => ({ path: rotate[0]!.path, method: 'GET', rotate }),
          'feed',
          db,
        );
        if (pgCeiling && result.pgCeiling) {
          result.pgCeiling.feed = await splitLoad(
            [pgCeiling.server],
            FEED_CONNECTIONS,
            plan,
            () => ({ path: rotate[0]!.path, method: 'GET', rotate }),
            'bare-pg ceiling, feed',
            pgCeiling.db,
          );
        }

        const cacheAfter = await feedCacheReads(instances);
        const reads = cacheAfter.total - cacheBefore.total;
        if (reads > 0) result.feedHitRate = (cacheAfter.hits - cacheBefore.hits) / reads;

        // The feed ceiling, once: the bare feed server on a page captured from the first configuration.
        if (ceilings.feed === undefined) {
          const pageFile = join(tmp, 'feed-page.json');
          await writeFile(pageFile, page);
          const bare = await startCeiling({
            script: bareFeedScript,
            env: { BENCH_FEED_PAGE_FILE: pageFile },
            label: 'bare-feed ceiling',
          });
          started.push(bare);
          try {
            const cf = await splitLoad(
              [bare],
              FEED_CONNECTIONS,
              plan,
              () => ({ path: rotate[0]!.path, method: 'GET', rotate }),
              'feed ceiling',
            );
            ceilings.feed = cf.rps;
            ceilings.feedP99 = cf.p99;
          } finally {
            started.splice(started.indexOf(bare), 1);
            await bare.stop();
          }
        }

        // 2–3. Ingest.
        const headers = { authorization: `Bearer ${appKeys.bench}`, 'content-type': 'application/json' };
        result.single = await splitLoad(
          instances,
          SINGLE_CONNECTIONS,
          plan,
          () => ({ path: eventsPath, method: 'POST', body: singleEventBody, headers }),
          'single events',
          db,
        );
        if (pgCeiling && result.pgCeiling) {
          result.pgCeiling.single = await splitLoad(
            [pgCeiling.server],
            SINGLE_CONNECTIONS,
            plan,
            () => ({ path: eventsPath, method: 'POST', body: singleEventBody, headers }),
            'bare-pg ceiling, single events',
            pgCeiling.db,
          );
        }
        result.batch = await splitLoad(
          instances,
          BATCH_CONNECTIONS,
          plan,
          () => ({ path: batchPath, method: 'POST', body: batch, headers }),
          'batches',
          db,
        );
        if (pgCeiling && result.pgCeiling) {
          result.pgCeiling.batch = await splitLoad(
            [pgCeiling.server],
            BATCH_CONNECTIONS,
            plan,
            () => ({ path: batchPath, method: 'POST', body: batch, headers }),
            'bare-pg ceiling, batches',
            pgCeiling.db,
          );
        }

        // 4. Webhook delivery.
        result.hooks = await webhookRun(instances, appKeys.hooks, receiver, plan, db);
      } catch (err) {
        result.error = errorMessage(err);
      } finally {
        for (const s of instances.reverse()) {
          started.splice(started.indexOf(s), 1);
          await s.stop();
        }
        for (const c of cleanups.reverse()) {
          try {
            await c();
          } catch (err) {
            result.error ??= `clean-up: ${errorMessage(err)}`;
          }
        }
      }
      metrics[`${config.key}_seconds`] = (performance.now() - t0) / 1000;
    }

    const c2 = await singleCeiling();
    lines.push(row('ceiling (bare Hono), single, end', `${int(c2.rps)} req/s, p99 ${ms(c2.p99)}`));
  } finally {
    for (const server of started.reverse()) await server.stop();
    await rm(tmp, { recursive: true, force: true, maxRetries: 3 });
    unregisterTmp();
  }

  report(results, ceilings, lines, metrics);
  lines.push(machineRow('end'));

  const failed = results.filter((r) => r.error !== undefined);
  if (failed.length > 0) {
    throw new SuiteFailure(failed.map((r) => `${r.label}: ${r.error}`).join('\n'), lines, metrics);
  }
  return { name: 'scale-out', lines, metrics };
}

function report(
  results: readonly ConfigResult[],
  ceilings: { single: number[]; batchEventsPerS?: number; feed?: number; feedP99?: number },
  lines: string[],
  metrics: Record<string, number>,
): void {
  const by = (key: ConfigKey) => results.find((r) => r.key === key);
  const [sqlite, pg1, pg2] = [by('sqlite'), by('pg1'), by('pg2')];
  for (const r of results) {
    if (r.seed) lines.push(row(`seeding, ${r.label}`, r.seed));
    if (r.error) lines.push(row(`${r.label} FAILED`, r.error.split('\n')[0] ?? ''));
  }
  const W = 13;
  const header = (title: string) =>
    `${title.padEnd(36)}${CONFIGS.map((c) => c.label.padStart(W)).join('')}${'2×/1× PG'.padStart(W)}${'PG/SQLite'.padStart(W)}`;
  const cells = (values: (string | undefined)[]) => values.map((v) => (v ?? '—').padStart(W)).join('');
  const ratioCells = (f: (r: ConfigResult) => number | undefined) => {
    const v = (r: ConfigResult | undefined) => (r === undefined ? undefined : f(r));
    const a = v(pg2);
    const b = v(pg1);
    const s = v(sqlite);
    return cells([
      a !== undefined && b !== undefined ? ratio(a / b) : undefined,
      b !== undefined && s !== undefined ? ratio(b / s) : undefined,
    ]);
  };
  const line = (
    label: string,
    f: (r: ConfigResult) => string | undefined,
    ratioOf?: (r: ConfigResult) => number | undefined,
  ) =>
    `  ${label.padEnd(34)}${cells(
      CONFIGS.map((c) => {
        const r = by(c.key);
        return r ? f(r) : undefined;
      }),
    )}${ratioOf ? ratioCells(ratioOf) : ''}`;
  const cpu = (m: Combined | undefined) => (m === undefined ? undefined : m.serverCpu.map(pct).join('+'));
  const ceilingSingle = mean(ceilings.single);

  const measurement = (
    key: 'feed' | 'single' | 'batch',
    title: string,
    unit: string,
    scale: number,
    ceilingFigure: number | undefined,
  ) => {
    const get = (r: ConfigResult) => r[key];
    lines.push(
      '',
      header(title),
      line(
        unit,
        (r) => (get(r) ? int(get(r)!.rps * scale) : undefined),
        (r) => (get(r) ? get(r)!.rps * scale : undefined),
      ),
      line(
        'p99 (worst instance)',
        (r) => (get(r) ? ms(get(r)!.p99) : undefined),
        (r) => get(r)?.p99,
      ),
      line('server CPU (per instance)', (r) => cpu(get(r))),
      line('PostgreSQL CPU (its backends)', (r) => (r.key === 'sqlite' ? undefined : pct(get(r)?.dbCpu))),
    );
    if (ceilingFigure !== undefined) {
      lines.push(
        line(`÷ ceiling (${int(ceilingFigure)})`, (r) =>
          get(r) ? ratio((get(r)!.rps * scale) / ceilingFigure) : undefined,
        ),
      );
    }
    for (const r of results) {
      const m = get(r);
      if (m === undefined) continue;
      metrics[`${r.key}_${key}_${scale === 1 ? 'rps' : 'events_per_s'}`] = m.rps * scale;
      metrics[`${r.key}_${key}_p99_ms`] = m.p99;
      metrics[`${r.key}_${key}_server_cpu`] = m.serverCpu.reduce<number>((n, c) => n + (c ?? 0), 0);
      if (m.dbCpu !== undefined) metrics[`${r.key}_${key}_db_cpu`] = m.dbCpu;
    }
    const a = pg2 && get(pg2);
    const b = pg1 && get(pg1);
    const s = sqlite && get(sqlite);
    if (a && b) metrics[`${key}_scale_ratio`] = a.rps / b.rps;
    if (b && s) metrics[`${key}_pg_vs_sqlite`] = b.rps / s.rps;
  };

  measurement(
    'batch',
    `batch ingest (${BATCH_SIZE}/batch, ${BATCH_CONNECTIONS} conns)`,
    'events/s',
    BATCH_SIZE,
    ceilings.batchEventsPerS,
  );
  measurement('single', `single-event ingest (${SINGLE_CONNECTIONS} conns)`, 'req/s', 1, ceilingSingle);
  measurement('feed', `feed query (${FEED_CONNECTIONS} conns)`, 'req/s', 1, ceilings.feed);
  lines.push(
    line('cache hit rate (/metrics)', (r) =>
      r.feedHitRate === undefined ? undefined : `${Math.round(r.feedHitRate * 100)}%`,
    ),
  );
  for (const r of results) if (r.feedHitRate !== undefined) metrics[`${r.key}_feed_cache_hit_rate`] = r.feedHitRate;
  if (ceilings.feedP99 !== undefined) lines.push(`  (bare feed ceiling p99 ${ms(ceilings.feedP99)})`);

  pgCeilingReport(pg1, pg2, lines, metrics);

  const hooks = (r: ConfigResult) => r.hooks;
  lines.push(
    '',
    header('webhook delivery (1 webhook, 200 OK)'),
    line(
      'deliveries/s',
      (r) => (hooks(r) ? int(hooks(r)!.perSecond) : undefined),
      (r) => hooks(r)?.perSecond,
    ),
    line('time to deliver all (s)', (r) => (hooks(r) ? hooks(r)!.seconds.toFixed(1) : undefined)),
    line('server CPU (per instance)', (r) => hooks(r)?.serverCpu.map(pct).join('+')),
    line('PostgreSQL CPU (its backends)', (r) => (r.key === 'sqlite' || !hooks(r) ? undefined : pct(hooks(r)!.dbCpu))),
    line('publishing took (s)', (r) => (hooks(r) ? hooks(r)!.publishSeconds.toFixed(1) : undefined)),
    line('received / published', (r) =>
      hooks(r) ? `${int(hooks(r)!.unique)}/${int(hooks(r)!.published)}` : undefined,
    ),
    line('duplicate deliveries', (r) => (hooks(r) ? int(hooks(r)!.duplicates) : undefined)),
    line('duplicate webhook-ids', (r) => (hooks(r) ? int(hooks(r)!.duplicateWebhookIds) : undefined)),
    line('exactly once', (r) =>
      hooks(r)
        ? hooks(r)!.complete && hooks(r)!.duplicates === 0 && hooks(r)!.unexpected === 0
          ? 'yes'
          : 'NO'
        : undefined,
    ),
  );
  for (const r of results) {
    const h = r.hooks;
    if (h === undefined) continue;
    Object.assign(metrics, {
      [`${r.key}_hooks_per_s`]: h.perSecond,
      [`${r.key}_hooks_seconds`]: h.seconds,
      [`${r.key}_hooks_published`]: h.published,
      [`${r.key}_hooks_missing`]: h.missing,
      [`${r.key}_hooks_duplicates`]: h.duplicates,
      [`${r.key}_hooks_duplicate_webhook_ids`]: h.duplicateWebhookIds,
    });
  }
  const a = pg2?.hooks;
  const b = pg1?.hooks;
  const s = sqlite?.hooks;
  if (a && b) metrics.hooks_scale_ratio = a.perSecond / b.perSecond;
  if (b && s) metrics.hooks_pg_vs_sqlite = b.perSecond / s.perSecond;
  Object.assign(metrics, {
    ceiling_single_rps: ceilingSingle,
    ...(ceilings.batchEventsPerS === undefined ? {} : { ceiling_batch_events_per_s: ceilings.batchEventsPerS }),
    ...(ceilings.feed === undefined ? {} : { ceiling_feed_rps: ceilings.feed }),
  });
  lines.push(
    '',
    '2×/1× PG = PostgreSQL+Redis with 2 instances ÷ PostgreSQL with 1 instance (throughput; for p99, latency ratio);',
    'PG/SQLite = PostgreSQL 1 instance ÷ SQLite 1 instance. All processes share 2 cores: no horizontal gain is possible here.',
  );
}

/**
 * PostgreSQL against its own ceiling, the bare Hono + `pg` handler running the same statements on the same schema right
 * after each of the server's runs: PG 1× ÷ that handler (target ≥ 0.7× each; the feed's p99 ≤ 2× the handler's), and
 * PG+Redis 2× ÷ PG 1× (target ≥ 1.0×).
 */
function pgCeilingReport(
  pg1: ConfigResult | undefined,
  pg2: ConfigResult | undefined,
  lines: string[],
  metrics: Record<string, number>,
): void {
  const ceiling = pg1?.pgCeiling;
  if (!pg1 || !ceiling) return;
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');
  lines.push(
    '',
    'PostgreSQL against a bare Hono + pg handler running the same statements (same schema, same pool size):',
  );
  const paths: { key: 'single' | 'batch' | 'feed'; label: string; scale: number; unit: string }[] = [
    { key: 'single', label: 'single-event ingest', scale: 1, unit: 'req/s' },
    { key: 'batch', label: `batch ingest (${BATCH_SIZE} rows)`, scale: BATCH_SIZE, unit: 'events/s' },
    { key: 'feed', label: 'feed (page + count)', scale: 1, unit: 'req/s' },
  ];
  for (const { key, label, scale, unit } of paths) {
    const ours = pg1[key];
    const bare = ceiling[key];
    if (!ours || !bare) continue;
    const r = ours.rps / bare.rps;
    const two = pg2?.[key];
    const scaleRatio = two ? two.rps / ours.rps : undefined;
    metrics[`pg_${key}_ceiling_${scale === 1 ? 'rps' : 'events_per_s'}`] = bare.rps * scale;
    metrics[`pg_${key}_ceiling_p99_ms`] = bare.p99;
    metrics[`pg_${key}_ratio`] = r;
    metrics[`pg_${key}_ratio_pass`] = r >= PG_TARGET_RATIO ? 1 : 0;
    if (bare.dbCpu !== undefined) metrics[`pg_${key}_ceiling_db_cpu`] = bare.dbCpu;
    if (scaleRatio !== undefined) metrics[`${key}_scale_ratio_pass`] = scaleRatio >= 1 ? 1 : 0;
    lines.push(
      row(
        `  ${label}`,
        `PG 1× ${int(ours.rps * scale)} ${unit} (p99 ${ms(ours.p99)}, PostgreSQL CPU ${pct(ours.dbCpu)}) ÷ bare ` +
          `${int(bare.rps * scale)} (p99 ${ms(bare.p99)}, PostgreSQL CPU ${pct(bare.dbCpu)}) = ${ratio(r)} ` +
          `(target ≥ ${PG_TARGET_RATIO}: ${verdict(r >= PG_TARGET_RATIO)})`,
      ),
    );
    if (scaleRatio !== undefined) {
      lines.push(row('', `PG+Redis 2× ÷ PG 1× = ${ratio(scaleRatio)} (target ≥ 1.0: ${verdict(scaleRatio >= 1)})`));
    }
    if (key === 'feed') {
      const p99Ratio = ours.p99 / Math.max(1, bare.p99);
      metrics.pg_feed_p99_ratio = p99Ratio;
      metrics.pg_feed_p99_pass = p99Ratio <= PG_FEED_P99_TARGET ? 1 : 0;
      lines.push(
        row(
          '',
          `p99 ${ms(ours.p99)} ÷ bare p99 ${ms(bare.p99)} (floored at 1 ms) = ${ratio(p99Ratio)} ` +
            `(target ≤ ${PG_FEED_P99_TARGET}: ${verdict(p99Ratio <= PG_FEED_P99_TARGET)})`,
        ),
      );
    }
  }
}
