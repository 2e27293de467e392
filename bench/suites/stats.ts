/**
 * Stats benchmark: a 30-day stats query, `GET /api/v1/apps/:app_id/stats?interval=day`, against a feed page,
 * `GET /api/v1/users/:user_id/notifications`, on the same server and database: 1,000,000 events over the last 30
 * days and 100,000 notifications (1,000 users × 100).
 *
 * Stats are answered from rollups kept as the work happens, never by scanning events; this measures that a month of
 * them costs no more than a feed page: stats requests/s ÷ feed requests/s ≥ 1.0.
 *
 * Method (127.0.0.1, autocannon in the harness process, the server in a child process under tsx):
 * - the real server is started once on a fresh data directory (it creates and migrates `oriva.db`), the app is
 *   registered through the API, and the server is stopped;
 * - notifications are seeded by the feed benchmark's seeder (`bench/lib/feed-seed.ts`), events and every rollup
 *   row the server would have written beside them by `bench/lib/stats-seed.ts`, straight into SQLite;
 * - the server is started again; one stats answer is checked against the seeded count;
 * - runs alternate feed, stats, feed[, stats, feed]: each stats run is divided by the mean of the feed runs on either
 *   side of it (feed requests: 1,000 random users, each with their own JWT; stats: the app's key, the last 30 days).
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ratioWithRuns, serverSummary } from '../lib/alternating.js';
import { seedFeedInChild } from '../lib/feed-seed.js';
import { int, mean, ms, row, targetRow } from '../lib/format.js';
import { type LoadResult, load, loadProblems, type RotateEntry } from '../lib/load.js';
import { onExitCleanup } from '../lib/proc.js';
import { errorMessage, machineRow, quickModeNote, suiteReport } from '../lib/report.js';
import { clip, createApp, type RunningServer, requestJson, startOriva } from '../lib/servers.js';
import { seedStats } from '../lib/stats-seed.js';
import type { SuiteContext, SuiteResult } from '../lib/suite.js';
import { mintUserJwt, randomJwtSecret } from '../lib/user-tokens.js';

const APP = 'bench-app';
const DAYS = 30;
const TYPES = 20;
const PER_USER = 100;
const CONNECTIONS = 50;
const TARGET_RATIO = 1.0;

interface Plan {
  events: number;
  notifications: number;
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
}

function runLine(label: string, r: LoadResult): string {
  return `  ${label.padEnd(10)} ${int(r.rps).padStart(7)} req/s   p50 ${ms(r.p50).padStart(6)}   p99 ${ms(r.p99).padStart(6)}`;
}

export default async function run(ctx: SuiteContext): Promise<SuiteResult> {
  // Quick: a tenth of the data, shorter runs; the full run is what the figure quoted in the docs comes from.
  const plan: Plan = ctx.quick
    ? { events: 100_000, notifications: 10_000, warmupSeconds: 1, durationSeconds: 3, rounds: 2 }
    : { events: 1_000_000, notifications: 100_000, warmupSeconds: 2, durationSeconds: 10, rounds: 2 };
  const users = plan.notifications / PER_USER;
  const { lines, metrics, fail } = suiteReport();
  const started: RunningServer[] = [];
  lines.push(
    `method: ${int(plan.events)} events over ${DAYS} days (${TYPES} types) and ${int(plan.notifications)} notifications`,
    `  (${int(users)} users × ${PER_USER}) seeded into SQLite with their rollups; one server, ${CONNECTIONS} connections;`,
    `  each run ${plan.warmupSeconds} s warm-up + ${plan.durationSeconds} s measured; runs alternate feed and stats,`,
    '  each stats run divided by the mean of the feed runs beside it.',
    ...quickModeNote(ctx.quick),
    machineRow('start'),
  );

  const dataDir = await mkdtemp(join(tmpdir(), 'oriva-bench-stats-'));
  const unregister = onExitCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
  const jwtSecret = randomJwtSecret();
  const options = { dataDir, env: { ORIVA_JWT_SECRET: jwtSecret } };
  try {
    const first = await startOriva(options).catch((err: unknown) => fail(errorMessage(err)));
    started.push(first);
    const key = await createApp(first, APP, 'Bench App');
    await first.stop();
    started.pop();

    const dbPath = join(dataDir, 'oriva.db');
    const feedSeed = await seedFeedInChild(
      { dbPath, users, perUser: PER_USER, apps: [APP], mutedShare: 0 },
      join(dataDir, 'seed-result.json'),
    ).catch((err: unknown) => fail(`seeding notifications: ${errorMessage(err)}`));
    const statsSeed = seedStats({ dbPath, appId: APP, events: plan.events, types: TYPES, days: DAYS });
    lines.push(
      row(
        'seeding',
        `${int(feedSeed.notifications)} notifications in ${feedSeed.seconds.toFixed(1)} s; ${int(statsSeed.events)} events and ` +
          `${int(statsSeed.rollupRows)} rollup rows in ${statsSeed.seconds.toFixed(1)} s`,
      ),
    );
    Object.assign(metrics, {
      events: statsSeed.events,
      notifications: feedSeed.notifications,
      rollup_rows: statsSeed.rollupRows,
    });

    const oriva = await startOriva(options).catch((err: unknown) =>
      fail(`on the seeded database: ${errorMessage(err)}`),
    );
    started.push(oriva);
    const now = Date.now();
    const statsPath =
      `/api/v1/apps/${APP}/stats?interval=day&from=${new Date(now - DAYS * 86_400_000).toISOString()}` +
      `&to=${new Date(now).toISOString()}`;
    const appAuth = { authorization: `Bearer ${key}` };
    const check = await requestJson(`${oriva.baseUrl}${statsPath}`, { headers: appAuth });
    const total = (check.json as { totals?: { events?: { total?: number } } } | undefined)?.totals?.events?.total;
    if (check.status !== 200 || total === undefined || total < plan.events * 0.99) {
      fail(
        `GET ${statsPath} → HTTP ${check.status}, events ${String(total)} (seeded ${plan.events}): ${clip(check.text)}`,
      );
    }
    lines.push(
      row('stats answer', `${int(total!)} events in the 30-day totals; ${int(Buffer.byteLength(check.text))} B`),
    );

    const feedRequests: RotateEntry[] = Array.from({ length: users }, (_, i) => ({
      path: `/api/v1/users/user_${i + 1}/notifications`,
      headers: { authorization: `Bearer ${mintUserJwt(jwtSecret, `user_${i + 1}`)}` },
    }));
    const statsRequests: RotateEntry[] = [{ path: statsPath, headers: appAuth }];
    const measure = async (rotate: RotateEntry[], what: string) => {
      const result = await load({
        url: `${oriva.baseUrl}${rotate[0]!.path}`,
        method: 'GET',
        rotate,
        connections: CONNECTIONS,
        warmupSeconds: plan.warmupSeconds,
        durationSeconds: plan.durationSeconds,
        serverPid: oriva.handle.pid,
      });
      oriva.assertAlive();
      const problems = loadProblems(result);
      if (problems !== undefined) fail(`GET ${what}: ${problems}`);
      return result;
    };

    lines.push('runs:');
    const feedRuns: LoadResult[] = [];
    const statsRuns: LoadResult[] = [];
    const feedRun = async () => {
      const r = await measure(feedRequests, 'feed page');
      feedRuns.push(r);
      lines.push(runLine(`feed #${feedRuns.length}`, r));
    };
    for (let round = 0; round < plan.rounds; round++) {
      await feedRun();
      const r = await measure(statsRequests, '30-day stats');
      statsRuns.push(r);
      lines.push(runLine(`stats #${statsRuns.length}`, r));
    }
    await feedRun();

    const { rps, ratios, ratio, p50, p99 } = serverSummary(statsRuns, feedRuns);
    const pass = ratio >= TARGET_RATIO;
    Object.assign(metrics, {
      stats_rps: rps,
      stats_p50_ms: p50,
      stats_p99_ms: p99,
      feed_rps: mean(feedRuns.map((r) => r.rps)),
      stats_to_feed_ratio: ratio,
      stats_to_feed_target: TARGET_RATIO,
      stats_to_feed_pass: pass ? 1 : 0,
    });
    lines.push(
      row('stats (30 days, by day)', `${int(rps)} req/s, p50 ${ms(p50)}, p99 ${ms(p99)}`),
      targetRow('stats / feed throughput', ratioWithRuns(ratio, ratios), `≥ ${TARGET_RATIO.toFixed(1)}`, pass),
      machineRow('end'),
    );
    return { name: 'stats', lines, metrics };
  } finally {
    for (const server of started) await server.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    unregister();
  }
}
