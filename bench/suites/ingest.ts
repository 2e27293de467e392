/**
 * Ingest benchmark: how close does `POST /api/v1/apps/:app_id/events` come to a bare Hono endpoint on the same stack,
 * and how many events per second does the batch endpoint take?
 *
 * Method (all on 127.0.0.1, autocannon in the harness process, each server in its own child process under tsx):
 * - single events: 50 connections, the design document's example event, the same headers for both servers; four
 *   short server runs alternate with five ceiling runs, and each server run is divided by the mean of the ceiling runs
 *   on either side of it — load from the rest of the machine hits both sides of the ratio;
 * - batches: 500 events per request at 4 and at 8 connections (the better one is reported), then the bare-Hono batch
 *   route at that connection count for an informational ratio;
 * - every run is preceded by its own unrecorded warm-up; any non-2xx response or connection error fails the suite.
 */
import {
  ceilingSummary,
  cpuComparison,
  perCpuSecond,
  ratiosToNeighbours,
  ratioWithRuns,
  serverSummary,
} from '../lib/alternating.js';
import { BENCH_APP_ID, BENCH_APP_NAME, batchBody, EVENT_ID_PATTERN, singleEventBody } from '../lib/fixtures.js';
import { int, mean, ms, ratio, row, targetRow } from '../lib/format.js';
import { type LoadResult, load, loadProblems } from '../lib/load.js';
import { errorMessage, machineRow, quickModeNote, suiteReport } from '../lib/report.js';
import { clip, createApp, type RunningServer, requestJson, startCeiling, startOriva } from '../lib/servers.js';
import type { SuiteContext, SuiteResult } from '../lib/suite.js';

const SINGLE_CONNECTIONS = 50;
const BATCH_SIZE = 500;
const BATCH_CONNECTIONS = [4, 8] as const;

/** Issue #18: single events per server CPU-second, mean of the alternating runs, against the ceiling's. */
const TARGET_SINGLE_CPU_RATIO = 0.55;
const TARGET_SINGLE_P99_MS = 25;
/** Issue #18: the batch route against the bare-Hono batch route in the same run (the 100,000 events/s of round 1 is withdrawn). */
const TARGET_BATCH_RATIO = 0.75;
/** A publish with an `Idempotency-Key` (what the SDK sends) costs at most this many unkeyed ones. */
const TARGET_KEYED_COST = 1.3;
/** Unkeyed runs carry this header instead, so that autocannon does the same per-request work on both sides. */
const UNKEYED_UNIQUE_HEADER = 'x-bench-request';

const eventsPath = `/api/v1/apps/${BENCH_APP_ID}/events`;
const batchPath = `${eventsPath}/batch`;

interface Plan {
  warmupSeconds: number;
  durationSeconds: number;
  /** Server runs for single events; there is one more ceiling run than this. */
  rounds: number;
  /** Keyed runs; each sits between two unkeyed runs. */
  keyedRounds: number;
}

function pct(cores: number | undefined): string {
  return cores === undefined ? '  ?' : `${Math.round(cores * 100)}%`.padStart(4);
}

/** One measured run: throughput, latency, and the CPU used by the server and by autocannon. */
function runLine(label: string, r: LoadResult, eventsPerRequest = 1): string {
  const throughput =
    eventsPerRequest === 1
      ? `${int(r.rps).padStart(7)} req/s`
      : `${int(r.rps).padStart(5)} req/s = ${int(r.rps * eventsPerRequest).padStart(7)} events/s`;
  return (
    `  ${label.padEnd(16)} ${throughput}   p50 ${ms(r.p50).padStart(6)}   p99 ${ms(r.p99).padStart(6)}` +
    `   max ${ms(r.max).padStart(6)}   cpu: server ${pct(r.serverCpu)}, autocannon ${pct(r.clientCpu)}`
  );
}

export default async function run(ctx: SuiteContext): Promise<SuiteResult> {
  const plan: Plan = ctx.quick
    ? { warmupSeconds: 1, durationSeconds: 3, rounds: 1, keyedRounds: 1 }
    : // Short runs, many of them: this shared machine's speed drifts within seconds, and each ratio only
      // compares a server run with the ceiling runs right beside it.
      { warmupSeconds: 2, durationSeconds: 6, rounds: 4, keyedRounds: 2 };
  const { lines, metrics, fail } = suiteReport();
  const started: RunningServer[] = [];

  const order = ['ceiling', ...Array.from({ length: plan.rounds }, () => ['server', 'ceiling']).flat()].join(', ');
  lines.push(
    'method: autocannon runs in this process; the Oriva server and a bare-Hono ceiling (same routes, parses the body,',
    '  no auth, validation or storage) each run in a child process under tsx; 127.0.0.1 only.',
    `  Each run: ${plan.warmupSeconds} s warm-up (discarded) + ${plan.durationSeconds} s measured; any non-2xx or connection error fails the suite.`,
    `  Single events: ${SINGLE_CONNECTIONS} connections, order ${order};`,
    '  each server run is divided by the mean of the two ceiling runs beside it and the ratios are averaged.',
    '  p50/p99: worst server run, 1 ms resolution.',
    `  Keyed: a fresh random Idempotency-Key per request (as the SDK sends) against unkeyed runs carrying an ignored`,
    `  ${UNKEYED_UNIQUE_HEADER} header instead; order ${['unkeyed', ...Array.from({ length: plan.keyedRounds }, () => ['keyed', 'unkeyed']).flat()].join(', ')};`,
    '  each keyed run is compared with the mean of the two unkeyed runs beside it.',
    `  Batches of ${BATCH_SIZE} events: server at ${BATCH_CONNECTIONS.join(' and ')} connections (better kept), then the ceiling at that count.`,
    ...quickModeNote(ctx.quick),
    machineRow('start'),
  );

  try {
    const ceiling = await startCeiling();
    started.push(ceiling);
    const oriva = await startOriva().catch((err: unknown) => fail(errorMessage(err)));
    started.push(oriva);

    const apiKey = await createApp(oriva, BENCH_APP_ID, BENCH_APP_NAME);
    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
    const batch = batchBody(BATCH_SIZE);
    lines.push(
      row('request bodies', `single ${singleEventBody.length} B; batch ${int(batch.length)} B (${BATCH_SIZE} events)`),
    );

    // Sanity: one request of each kind must succeed before any load is applied.
    let acknowledged = await sanityCheck(oriva.baseUrl, headers, batch, fail);
    await sanityCheck(ceiling.baseUrl, headers, batch, fail);

    const measure = async (
      server: RunningServer,
      path: string,
      body: string,
      connections: number,
      uniqueHeader?: string,
    ) => {
      const result = await load({
        ...(uniqueHeader ? { uniqueHeader } : {}),
        url: `${server.baseUrl}${path}`,
        method: 'POST',
        body,
        headers,
        connections,
        warmupSeconds: plan.warmupSeconds,
        durationSeconds: plan.durationSeconds,
        serverPid: server.handle.pid,
      });
      server.assertAlive();
      const problems = loadProblems(result);
      if (problems !== undefined) {
        metrics[server === oriva ? 'server_non2xx' : 'ceiling_non2xx'] = result.non2xx + result.warmup.non2xx;
        metrics[server === oriva ? 'server_errors' : 'ceiling_errors'] = result.errors + result.warmup.errors;
        lines.push(
          runLine(`${server === oriva ? 'server' : 'ceiling'} FAILED`, result, path === batchPath ? BATCH_SIZE : 1),
        );
        fail(`${server.label}, POST ${path} at ${connections} connections: ${problems}`);
      }
      return result;
    };

    // 1–3. Single events, alternating ceiling and server.
    lines.push('single-event runs:');
    const ceilingRuns: LoadResult[] = [];
    const serverRuns: LoadResult[] = [];
    const push = (label: string, r: LoadResult) => lines.push(runLine(label, r));
    for (let round = 0; round < plan.rounds; round++) {
      const c = await measure(ceiling, eventsPath, singleEventBody, SINGLE_CONNECTIONS);
      ceilingRuns.push(c);
      push(`ceiling #${ceilingRuns.length}`, c);
      const s = await measure(oriva, eventsPath, singleEventBody, SINGLE_CONNECTIONS);
      serverRuns.push(s);
      push(`server  #${serverRuns.length}`, s);
      acknowledged += s.ok2xx + s.warmup.ok2xx;
    }
    const lastCeiling = await measure(ceiling, eventsPath, singleEventBody, SINGLE_CONNECTIONS);
    ceilingRuns.push(lastCeiling);
    push(`ceiling #${ceilingRuns.length}`, lastCeiling);

    const ceilingStats = ceilingSummary(ceilingRuns, 'ceiling (bare Hono), mean');
    const ceilingRps = ceilingStats.metrics.ceiling_rps;
    const {
      rps: singleRps,
      ratios,
      ratio: singleRatio,
      p50: singleP50,
      p99: singleP99,
    } = serverSummary(serverRuns, ceilingRuns);
    const singleNon2xx = serverRuns.reduce((n, r) => n + r.non2xx + r.warmup.non2xx, 0);
    const singleErrors = serverRuns.reduce((n, r) => n + r.errors + r.warmup.errors, 0);
    const p99Pass = singleP99 < TARGET_SINGLE_P99_MS;
    Object.assign(metrics, ceilingStats.metrics, {
      single_rps: singleRps,
      single_p50_ms: singleP50,
      single_p99_ms: singleP99,
      single_non2xx: singleNon2xx,
      single_errors: singleErrors,
      single_ratio: singleRatio,
      single_p99_target_ms: TARGET_SINGLE_P99_MS,
      single_p99_pass: p99Pass ? 1 : 0,
    });
    lines.push(
      ceilingStats.line,
      row(
        'single-event ingest',
        `${int(singleRps)} req/s, p50 ${ms(singleP50)}, p99 ${ms(singleP99)}, non-2xx ${singleNon2xx}, errors ${singleErrors}`,
      ),
      row(
        'single / ceiling throughput',
        `${ratioWithRuns(singleRatio, ratios)} (informational; the target is per CPU-second)`,
      ),
      targetRow('single-event p99 latency', ms(singleP99), `< ${TARGET_SINGLE_P99_MS} ms`, p99Pass),
    );

    const cpu = cpuComparison(serverRuns, ceilingRuns, 'single');
    if (cpu) {
      const cpuRatio = cpu.metrics.single_cpu_ratio!;
      const cpuPass = cpuRatio >= TARGET_SINGLE_CPU_RATIO;
      Object.assign(metrics, cpu.metrics, {
        single_cpu_ratio_target: TARGET_SINGLE_CPU_RATIO,
        single_cpu_ratio_pass: cpuPass ? 1 : 0,
      });
      lines.push(
        cpu.line,
        targetRow('single per server CPU-second', ratio(cpuRatio), `≥ ${TARGET_SINGLE_CPU_RATIO.toFixed(2)}`, cpuPass),
      );
    }

    // Keyed against unkeyed publishes, alternating on the same server: what an Idempotency-Key costs.
    lines.push('keyed vs unkeyed runs:');
    const unkeyedRuns: LoadResult[] = [];
    const keyedRuns: LoadResult[] = [];
    const unkeyedRun = async () => {
      const r = await measure(oriva, eventsPath, singleEventBody, SINGLE_CONNECTIONS, UNKEYED_UNIQUE_HEADER);
      acknowledged += r.ok2xx + r.warmup.ok2xx;
      unkeyedRuns.push(r);
      push(`unkeyed #${unkeyedRuns.length}`, r);
    };
    await unkeyedRun();
    for (let round = 0; round < plan.keyedRounds; round++) {
      const k = await measure(oriva, eventsPath, singleEventBody, SINGLE_CONNECTIONS, 'idempotency-key');
      acknowledged += k.ok2xx + k.warmup.ok2xx;
      keyedRuns.push(k);
      push(`keyed   #${keyedRuns.length}`, k);
      await unkeyedRun();
    }
    Object.assign(metrics, keyedComparison(keyedRuns, unkeyedRuns, lines));
    // For comparison with earlier reports, which gave the keyed run as a fraction of the ceiling.
    metrics.single_keyed_ratio = metrics.single_keyed_rps! / ceilingRps;

    // 4. Batches.
    lines.push(`batch runs (${BATCH_SIZE} events per request):`);
    let best: { connections: number; result: LoadResult } | undefined;
    for (const connections of BATCH_CONNECTIONS) {
      const r = await measure(oriva, batchPath, batch, connections);
      acknowledged += (r.ok2xx + r.warmup.ok2xx) * BATCH_SIZE;
      lines.push(runLine(`server  ${connections} conns`, r, BATCH_SIZE));
      if (best === undefined || r.rps > best.result.rps) best = { connections, result: r };
    }
    const chosen = best!;
    const batchCeiling = await measure(ceiling, batchPath, batch, chosen.connections);
    lines.push(runLine(`ceiling ${chosen.connections} conns`, batchCeiling, BATCH_SIZE));
    const batchEventsPerS = chosen.result.rps * BATCH_SIZE;
    const batchRatio = chosen.result.rps / batchCeiling.rps;
    const batchPass = batchRatio >= TARGET_BATCH_RATIO;
    Object.assign(metrics, {
      batch_size: BATCH_SIZE,
      batch_connections: chosen.connections,
      batch_rps: chosen.result.rps,
      batch_events_per_s: batchEventsPerS,
      batch_p50_ms: chosen.result.p50,
      batch_p99_ms: chosen.result.p99,
      batch_ceiling_events_per_s: batchCeiling.rps * BATCH_SIZE,
      batch_ratio: batchRatio,
      batch_ratio_target: TARGET_BATCH_RATIO,
      batch_ratio_pass: batchPass ? 1 : 0,
    });
    lines.push(
      row(`batch ingest (${chosen.connections} conns)`, `${int(batchEventsPerS)} events/s`),
      row('batch p99 per request', `${ms(chosen.result.p99)} (p50 ${ms(chosen.result.p50)})`),
      targetRow('batch / bare-Hono batch', ratio(batchRatio), `≥ ${TARGET_BATCH_RATIO.toFixed(2)}`, batchPass),
    );

    // Every acknowledged event must be stored (in-flight requests cut off at the end of a run may add more).
    const stored = await storedEventCount(oriva.baseUrl, headers);
    metrics.acknowledged_events = acknowledged;
    if (typeof stored === 'number') {
      metrics.stored_events = stored;
      if (stored < acknowledged) {
        lines.push(row('stored vs acknowledged', `${int(stored)} < ${int(acknowledged)}  LOST EVENTS`));
        fail(`the server acknowledged ${acknowledged} events but stores only ${stored}`);
      }
      lines.push(row('stored vs acknowledged', `${int(stored)} ≥ ${int(acknowledged)}  OK`));
    } else {
      lines.push(row('stored vs acknowledged', `not checked: ${stored.error}`));
    }
    lines.push(machineRow('end'));

    return { name: 'ingest', lines, metrics };
  } finally {
    for (const server of started.reverse()) await server.stop();
  }
}

/**
 * Keyed ÷ unkeyed, each keyed run against the mean of the unkeyed runs beside it, as a cost (unkeyed ÷ keyed: 1.3 = a
 * keyed publish costs 30% more): per server CPU-second (the target; the least noise-sensitive view) and in throughput.
 */
function keyedComparison(keyedRuns: LoadResult[], unkeyedRuns: LoadResult[], lines: string[]): Record<string, number> {
  const throughput = ratiosToNeighbours(keyedRuns, unkeyedRuns, (r) => r.rps)!;
  const throughputCost = 1 / mean(throughput);
  const metrics: Record<string, number> = {
    single_keyed_rps: mean(keyedRuns.map((r) => r.rps)),
    single_unkeyed_rps: mean(unkeyedRuns.map((r) => r.rps)),
    single_keyed_p99_ms: Math.max(...keyedRuns.map((r) => r.p99)),
    single_unkeyed_p99_ms: Math.max(...unkeyedRuns.map((r) => r.p99)),
    keyed_throughput_ratio: mean(throughput),
    keyed_throughput_cost: throughputCost,
    keyed_cost_target: TARGET_KEYED_COST,
  };
  lines.push(
    row(
      'keyed / unkeyed throughput',
      `${ratioWithRuns(mean(throughput), throughput)} → a keyed publish costs ${ratio(throughputCost)}× ` +
        `(p99 ${ms(metrics.single_keyed_p99_ms!)} vs ${ms(metrics.single_unkeyed_p99_ms!)})`,
    ),
  );
  const perCpu = ratiosToNeighbours(keyedRuns, unkeyedRuns, perCpuSecond);
  if (perCpu === undefined) {
    lines.push(row('keyed cost per CPU-second', 'not measured (server CPU unreadable)'));
    return metrics;
  }
  const cpuCost = 1 / mean(perCpu);
  const pass = cpuCost <= TARGET_KEYED_COST;
  Object.assign(metrics, { keyed_cpu_ratio: mean(perCpu), keyed_cpu_cost: cpuCost, keyed_cost_pass: pass ? 1 : 0 });
  lines.push(
    targetRow(
      'keyed cost per server CPU-s',
      `${ratio(cpuCost)}× (keyed ÷ unkeyed ${ratioWithRuns(mean(perCpu), perCpu)})`,
      `≤ ${TARGET_KEYED_COST.toFixed(2)}×`,
      pass,
    ),
  );
  return metrics;
}

/** One single-event and one batch request; returns the number of events they stored. */
async function sanityCheck(
  baseUrl: string,
  headers: Record<string, string>,
  batch: string,
  fail: (message: string) => never,
): Promise<number> {
  const single = await requestJson(`${baseUrl}${eventsPath}`, { method: 'POST', headers, body: singleEventBody });
  const s = single.json as { success?: unknown; event_id?: unknown; timestamp?: unknown } | undefined;
  if (
    single.status < 200 ||
    single.status > 299 ||
    s?.success !== true ||
    typeof s.event_id !== 'string' ||
    !EVENT_ID_PATTERN.test(s.event_id) ||
    typeof s.timestamp !== 'string'
  ) {
    fail(`sanity check: POST ${baseUrl}${eventsPath} → HTTP ${single.status}: ${clip(single.text)}`);
  }
  const many = await requestJson(`${baseUrl}${batchPath}`, { method: 'POST', headers, body: batch });
  const m = many.json as { success?: unknown; count?: unknown; events?: unknown } | undefined;
  if (
    many.status < 200 ||
    many.status > 299 ||
    m?.success !== true ||
    m.count !== BATCH_SIZE ||
    !Array.isArray(m.events) ||
    m.events.length !== BATCH_SIZE
  ) {
    fail(`sanity check: POST ${baseUrl}${batchPath} → HTTP ${many.status}: ${clip(many.text)}`);
  }
  return 1 + BATCH_SIZE;
}

/** `pagination.total` of the app's events, or why it could not be read. */
async function storedEventCount(baseUrl: string, headers: Record<string, string>): Promise<number | { error: string }> {
  try {
    const res = await requestJson(`${baseUrl}${eventsPath}?limit=1`, {
      headers: { authorization: headers.authorization ?? '' },
    });
    const total = (res.json as { pagination?: { total?: unknown } } | undefined)?.pagination?.total;
    if (res.status !== 200 || typeof total !== 'number') {
      return { error: `GET ${eventsPath}?limit=1 → HTTP ${res.status}: ${clip(res.text, 200)}` };
    }
    return total;
  } catch (err) {
    return { error: errorMessage(err) };
  }
}
