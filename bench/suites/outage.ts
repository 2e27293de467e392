/**
 * Outage benchmark: how fast the server refuses work while PostgreSQL is down (the circuit breaker's 503s), measured
 * against the same server's own healthy latency at the same load, in the same run; and how soon it recovers.
 *
 * Method (127.0.0.1 only): the real server in a child process on a PostgreSQL cluster of the suite's own (`breaker`,
 * port 5433, made and started by `packages/tests/src/outage/own-services.test-support.ts`; the shared cluster on 5432
 * is never stopped), a fresh schema dropped at the end. A paced load from this process, 75 single-event publishes and
 * 25 feed reads per second (keep-alive, at most 64 in flight), runs through three phases:
 * 1. healthy, 6 s (`--quick` 3 s): the **ceiling** is the p99 of these 2xx answers;
 * 2. PostgreSQL stopped (`pg_ctlcluster … stop`, fast mode), 6 s (`--quick` 3 s) counted from when the stop returned:
 *    the target is the p99 of the 503s to requests sent in this phase. Requests already in flight when PostgreSQL went
 *    away answer 503 too, after the wait they were in; their p99 is reported beside it, without a target;
 * 3. PostgreSQL started again, 4 s (`--quick` 2 s): recovery = first 2xx publish after the start returned.
 * Any answer other than a 2xx or a 503 `storage_unavailable` with `Retry-After` and `x-should-retry: true`, and any
 * connection error, fails the suite.
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { ownCluster, ownClusterUnavailable } from '../../packages/tests/src/outage/own-services.test-support.js';
import { BENCH_APP_ID, BENCH_APP_NAME, singleEventBody } from '../lib/fixtures.js';
import { int, ms, ratio, row, targetRow } from '../lib/format.js';
import { ownSchema } from '../lib/pg.js';
import { sleep } from '../lib/proc.js';
import { machineRow, quickModeNote, suiteReport } from '../lib/report.js';
import { createApp, type RunningOriva, startOriva } from '../lib/servers.js';
import type { SuiteContext, SuiteResult } from '../lib/suite.js';

const PUBLISH_RATE = 75;
const FEED_RATE = 25;
const MAX_IN_FLIGHT = 64;
/** The target for the refusals, and the ratio to the healthy p99 they must not exceed. */
const REFUSAL_P99_TARGET_MS = 50;
const REFUSAL_RATIO_TARGET = 1;
const RECOVERY_TARGET_MS = 5_000;

interface Answer {
  sentAt: number;
  ms: number;
  status: number;
  advised: boolean;
  error?: string;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** A paced mix of publishes and feed reads until `stop()`; every answer recorded with its latency. */
function pacedMix(origin: string, apiKey: string) {
  const url = new URL(origin);
  // Idle sockets are dropped here before the server's 5 s keep-alive timeout drops them: otherwise a burst
  // (the stop's backlog) picks a socket the server is closing at that moment, and the request reads ECONNRESET.
  const agent = new Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT, timeout: 3_000 });
  const answers: Answer[] = [];
  let inFlight = 0;
  let sent = 0;
  let skipped = 0;
  const started = performance.now();
  const perTick = (PUBLISH_RATE + FEED_RATE) / 100;
  const send = (publish: boolean) => {
    if (inFlight >= MAX_IN_FLIGHT) {
      skipped++;
      return;
    }
    inFlight++;
    const sentAt = Date.now();
    const begun = performance.now();
    const done = (answer: Omit<Answer, 'sentAt' | 'ms'>) => {
      inFlight--;
      answers.push({ sentAt, ms: performance.now() - begun, ...answer });
    };
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        agent,
        method: publish ? 'POST' : 'GET',
        path: publish
          ? `/api/v1/apps/${BENCH_APP_ID}/events`
          : `/api/v1/apps/${BENCH_APP_ID}/notifications?user_id=user_456&limit=20`,
        headers: {
          authorization: `Bearer ${apiKey}`,
          ...(publish
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(singleEventBody) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          const advised =
            status === 503 &&
            text.includes('"storage_unavailable"') &&
            res.headers['x-should-retry'] === 'true' &&
            Number(res.headers['retry-after']) >= 1;
          done({ status, advised });
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', (error) => done({ status: 0, advised: false, error: error.message }));
    req.end(publish ? singleEventBody : undefined);
  };
  // Every 10 ms, the requests due by then: three publishes to each feed read.
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 10) * perTick);
    while (sent < due) {
      send(sent % 4 !== 3);
      sent++;
    }
  }, 10);
  return {
    answers,
    skipped: () => skipped,
    async stop() {
      clearInterval(timer);
      const deadline = Date.now() + 12_000;
      while (inFlight > 0 && Date.now() < deadline) await sleep(20);
      agent.destroy();
    },
  };
}

export default async function outage({ quick }: SuiteContext): Promise<SuiteResult> {
  const { lines, metrics, fail } = suiteReport();
  lines.push(...quickModeNote(quick), machineRow('start'));
  const unavailable = ownClusterUnavailable();
  if (unavailable) {
    lines.push(row('skipped', unavailable));
    return { name: 'outage', lines, metrics };
  }
  const phaseMs = quick ? 3_000 : 6_000;
  const recoveryPhaseMs = quick ? 2_000 : 4_000;
  const cluster = await ownCluster();
  const schema = `oriva_bench_${randomBytes(5).toString('hex')}`;
  const dropSchema = ownSchema(cluster.url, schema);
  let server: RunningOriva | undefined;
  try {
    server = await startOriva({
      env: { ORIVA_DATABASE_URL: cluster.url, ORIVA_DATABASE_SCHEMA: schema, ORIVA_LOG_LEVEL: 'fatal' },
      label: 'oriva server (own PostgreSQL cluster)',
    });
    const apiKey = await createApp(server, BENCH_APP_ID, BENCH_APP_NAME);
    const load = pacedMix(server.baseUrl, apiKey);
    // A second of warm-up (connections, prepared statements), not counted in the healthy phase.
    await sleep(1_000);
    const healthyFrom = Date.now();
    await sleep(phaseMs);
    const stopping = Date.now();
    await cluster.stop();
    const down = Date.now();
    await sleep(phaseMs);
    await cluster.start();
    const started = Date.now();
    await sleep(recoveryPhaseMs);
    await load.stop();
    const after = (await fetch(`${server.baseUrl}/metrics`).then((response) => response.text())).match(
      /^oriva_storage_circuit_rejected_requests_total (\d+)/m,
    );

    const { answers } = load;
    const bad = answers.filter((answer) => !(answer.status >= 200 && answer.status < 300) && !answer.advised);
    const healthy = answers.filter(({ sentAt, status }) => sentAt >= healthyFrom && sentAt < stopping && status < 300);
    const refusals = answers.filter(({ status }) => status === 503);
    const refusedWhileDown = refusals.filter(({ sentAt }) => sentAt >= down && sentAt < started);
    const recovered = answers
      .filter(({ sentAt, status }) => sentAt >= started && status >= 200 && status < 300)
      .reduce((first, { sentAt }) => Math.min(first, sentAt), Number.POSITIVE_INFINITY);
    const healthyP99 = percentile(
      healthy.map(({ ms: taken }) => taken),
      99,
    );
    const refusalP99 = percentile(
      refusals.map(({ ms: taken }) => taken),
      99,
    );
    const downP99 = percentile(
      refusedWhileDown.map(({ ms: taken }) => taken),
      99,
    );
    const recoveryMs = recovered - started;
    const refusalRatio = downP99 / healthyP99;

    lines.push(
      row('load', `${PUBLISH_RATE} publishes/s + ${FEED_RATE} feed reads/s, ≤ ${MAX_IN_FLIGHT} in flight`),
      row('answers', `${int(answers.length)} (${int(healthy.length)} healthy 2xx, ${int(refusals.length)} 503)`),
      row('PostgreSQL stop took', ms(down - stopping)),
      row(
        'ceiling: healthy p99',
        `${ms(healthyP99)} (p50 ${ms(
          percentile(
            healthy.map(({ ms: t }) => t),
            50,
          ),
        )})`,
      ),
      targetRow(
        `503 p99 while stopped (${int(refusedWhileDown.length)})`,
        ms(downP99),
        `< ${REFUSAL_P99_TARGET_MS} ms`,
        downP99 < REFUSAL_P99_TARGET_MS,
      ),
      row('503 p99, in flight at the stop too', ms(refusalP99)),
      targetRow(
        '503 p99 stopped ÷ healthy p99',
        ratio(refusalRatio),
        `≤ ${REFUSAL_RATIO_TARGET.toFixed(2)}`,
        refusalRatio <= REFUSAL_RATIO_TARGET,
      ),
      targetRow(
        'recovery after start',
        Number.isFinite(recoveryMs) ? ms(recoveryMs) : 'none',
        `< ${RECOVERY_TARGET_MS / 1000} s`,
        recoveryMs < RECOVERY_TARGET_MS,
      ),
      row('refused by the breaker', after?.[1] ?? 'unknown'),
      row('not sent (64 in flight)', int(load.skipped())),
      machineRow('end'),
    );
    Object.assign(metrics, {
      healthy_p99_ms: healthyP99,
      refusal_p99_ms: refusalP99,
      refusal_down_p99_ms: downP99,
      refusal_ratio: refusalRatio,
      recovery_ms: recoveryMs,
      refusals: refusals.length,
      refusal_p99_pass: downP99 < REFUSAL_P99_TARGET_MS ? 1 : 0,
      refusal_ratio_pass: refusalRatio <= REFUSAL_RATIO_TARGET ? 1 : 0,
      recovery_pass: recoveryMs < RECOVERY_TARGET_MS ? 1 : 0,
    });
    if (bad.length > 0) {
      const first = bad[0] as Answer;
      fail(
        `${bad.length} answers neither 2xx nor an advised 503 (first: ${first.status} ${first.error ?? ''}, sent ${first.sentAt - stopping} ms after the stop began; stopped at +${down - stopping} ms, started at +${started - stopping} ms)`,
      );
    }
    if (refusedWhileDown.length === 0) fail('no 503 while PostgreSQL was stopped');
    return { name: 'outage', lines, metrics };
  } finally {
    await cluster.start().catch(() => {});
    await server?.stop();
    await dropSchema().catch(() => {});
    await cluster.restore().catch(() => {});
  }
}
