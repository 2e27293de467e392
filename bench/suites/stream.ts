/**
 * Real-time stream benchmark (`GET /api/v1/events/stream`, WebSocket): how many connections one server process holds,
 * at what memory cost, and how promptly a published event reaches every connected client.
 *
 * Method (127.0.0.1 only; the Oriva server, the ceiling and the clients each in their own child process under tsx;
 * the clients spread over several processes of at most 9,000 sockets each, every process from its own 127.0.0.x
 * source address so that they do not share one pool of ephemeral ports):
 * - (a) connections: N clients (19,000; `--quick` 2,000) open the stream with the app's API key (`?auth=`); once every
 *   one has its `ready` frame (or failed), the count of open connections and the server's RSS (`VmRSS`, before the
 *   clients and after) give the memory per connection. One event is then published and every connection must receive
 *   it (bounded wait).
 * - (b) latency: 10,000 clients (`--quick` 1,000); events published at 5/s for 10 s (`--quick` 3 s) after a 1 s
 *   warm-up (discarded); each client records `Date.now() - Date.parse(frame.timestamp)` for every event frame (the
 *   timestamp is set when the event is accepted; same machine, same clock, 1 ms steps); p50/p99 over every
 *   (client, event) pair. The ceiling: a bare `ws` server (`bench/lib/bare-ws-server.ts`) which, on `POST /broadcast`,
 *   sends a frame of the same shape with `timestamp` = now to the same number of clients, at the same rate, measured
 *   the same way. Reported: our p99 ÷ the bare p99 (floored at 1 ms).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processCpuSeconds } from '../lib/cpu.js';
import { singleEventBody } from '../lib/fixtures.js';
import { int, ms, ratio, row, targetRow } from '../lib/format.js';
import { repoRoot, sleep } from '../lib/proc.js';
import { errorMessage, loadAverage, machineRow, suiteReport } from '../lib/report.js';
import { clip, createApp, type RunningServer, requestJson, startCeiling, startOriva } from '../lib/servers.js';
import type { StreamClientStats } from '../lib/stream-clients.js';
import type { SuiteContext, SuiteResult } from '../lib/suite.js';

const APP_ID = 'bench-stream';
const TARGET_CONNECTIONS = 19_000;
const TARGET_P99_RATIO = 1.2;
const RATE = 5;
/** Sockets per client process (the per-process open-file cap is 20,000). */
const MAX_PER_CHILD = 6_500;
const clientsScript = join(repoRoot, 'bench/lib/stream-clients.ts');
const bareWsScript = join(repoRoot, 'bench/lib/bare-ws-server.ts');

interface Plan {
  connections: number;
  latencyClients: number;
  warmupSeconds: number;
  durationSeconds: number;
  connectTimeoutMs: number;
  deliveryTimeoutMs: number;
}

/**
 * Every client process's stats summed: `connectMs` is the slowest (NaN while one has not settled), the counts by
 * event and by latency are maps.
 */
interface Merged extends Omit<StreamClientStats, 'attempted' | 'connectMs' | 'byEvent' | 'hist'> {
  connectMs: number;
  byEvent: Map<string, number>;
  hist: Map<number, number>;
}

/** VmRSS of a process in KiB (Linux), or NaN. */
function rssKb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Percentile of a histogram (value → count), nearest rank. */
function histPercentile(hist: Map<number, number>, p: number): number {
  const total = [...hist.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [value, n] of [...hist].sort((a, b) => a[0] - b[0])) {
    seen += n;
    if (seen >= rank) return value;
  }
  return Number.NaN;
}

function histMax(hist: Map<number, number>): number {
  return hist.size === 0 ? Number.NaN : Math.max(...hist.keys());
}

class ClientGroup {
  private constructor(readonly children: RunningServer[]) {}

  /** Start `total` connections to `url`, spread over child processes of at most MAX_PER_CHILD each. */
  static async start(url: string, total: number, tag: string, started: RunningServer[]): Promise<ClientGroup> {
    const n = Math.max(2, Math.ceil(total / MAX_PER_CHILD));
    const children: RunningServer[] = [];
    for (let i = 0; i < n; i++) {
      const count = Math.floor(total / n) + (i < total % n ? 1 : 0);
      const child = await startCeiling({
        script: clientsScript,
        label: `stream clients ${tag} #${i + 1}`,
        env: {
          BENCH_STREAM_URL: url,
          BENCH_STREAM_COUNT: String(count),
          BENCH_STREAM_LOCAL_ADDRESS: `127.0.${tag === 'bare' ? 2 : 1}.${10 + i}`,
          BENCH_STREAM_CONCURRENCY: '100',
        },
      });
      started.push(child);
      children.push(child);
    }
    return new ClientGroup(children);
  }

  async stats(): Promise<Merged> {
    const all = await Promise.all(
      this.children.map(async (c) => {
        c.assertAlive();
        const res = await requestJson(`${c.baseUrl}/stats`);
        if (res.status !== 200 || res.json === undefined) {
          throw new Error(`${c.label}: GET /stats → HTTP ${res.status}: ${clip(res.text)}`);
        }
        return res.json as StreamClientStats;
      }),
    );
    const m: Merged = {
      count: 0,
      open: 0,
      ready: 0,
      settled: 0,
      closed: 0,
      errors: 0,
      closeCodes: {},
      errorSamples: [],
      connectMs: 0,
      frames: 0,
      badFrames: 0,
      byEvent: new Map(),
      hist: new Map(),
    };
    for (const s of all) {
      m.count += s.count;
      m.open += s.open;
      m.ready += s.ready;
      m.settled += s.settled;
      m.closed += s.closed;
      m.errors += s.errors;
      m.frames += s.frames;
      m.badFrames += s.badFrames;
      m.connectMs = Math.max(m.connectMs, s.connectMs ?? Number.NaN);
      for (const [k, v] of Object.entries(s.closeCodes)) m.closeCodes[k] = (m.closeCodes[k] ?? 0) + v;
      m.errorSamples.push(...s.errorSamples);
      for (const [k, v] of Object.entries(s.byEvent)) m.byEvent.set(k, (m.byEvent.get(k) ?? 0) + v);
      for (const [k, v] of Object.entries(s.hist)) m.hist.set(Number(k), (m.hist.get(Number(k)) ?? 0) + v);
    }
    return m;
  }

  async reset(): Promise<void> {
    await Promise.all(
      this.children.map(async (c) => {
        const res = await requestJson(`${c.baseUrl}/reset`, { method: 'POST' });
        if (res.status !== 204) throw new Error(`${c.label}: POST /reset → HTTP ${res.status}`);
      }),
    );
  }

  /** Poll until every connection got `ready` or ended, or `timeoutMs`. */
  async waitConnected(timeoutMs: number, server: RunningServer): Promise<{ stats: Merged; waitedMs: number }> {
    const t0 = Date.now();
    for (let i = 0; i < 100_000; i++) {
      server.assertAlive();
      const s = await this.stats();
      if (s.settled >= s.count || Date.now() - t0 >= timeoutMs) return { stats: s, waitedMs: Date.now() - t0 };
      await sleep(500);
    }
    return { stats: await this.stats(), waitedMs: Date.now() - t0 };
  }

  /** Poll until each of `ids` reached `expected` connections, or `timeoutMs`. */
  async waitDelivered(ids: readonly string[], expected: number, timeoutMs: number): Promise<Merged> {
    const t0 = Date.now();
    for (let i = 0; i < 100_000; i++) {
      const s = await this.stats();
      if (ids.every((id) => (s.byEvent.get(id) ?? 0) >= expected) || Date.now() - t0 >= timeoutMs) return s;
      await sleep(300);
    }
    return this.stats();
  }

  async stop(started: RunningServer[]): Promise<void> {
    for (const c of this.children) {
      await c.stop();
      const i = started.indexOf(c);
      if (i >= 0) started.splice(i, 1);
    }
  }
}

/** Trigger `count` events at `rate`/s (each call not awaited before the next is due); returns their ids. */
async function publishPaced(trigger: () => Promise<string>, count: number, rate: number): Promise<string[]> {
  const t0 = performance.now();
  const pending: Promise<string>[] = [];
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * 1_000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(trigger());
  }
  return Promise.all(pending);
}

function connectionText(s: Merged): string {
  const codes = Object.entries(s.closeCodes)
    .map(([k, v]) => `${k}×${v}`)
    .join(', ');
  return (
    `${int(s.open)} open of ${int(s.count)} (ready ${int(s.ready)}, closed ${int(s.closed)}${codes ? ` [${codes}]` : ''}` +
    `, errors ${int(s.errors)}${s.errorSamples.length > 0 ? `: ${clip(s.errorSamples.slice(0, 2).join('; '), 160)}` : ''})`
  );
}

interface LatencyRun {
  clients: number;
  events: number;
  expectedFrames: number;
  frames: number;
  p50: number;
  p99: number;
  max: number;
  connectMs: number;
  /** Share of one core during the measured publishing (until the last frame arrived): server, all client processes. */
  serverCpu: number;
  clientsCpu: number;
}

function cpuOf(pids: readonly number[]): number {
  return pids.reduce((a, pid) => a + (processCpuSeconds(pid) ?? Number.NaN), 0);
}

/**
 * Wait (bounded) until the process `pid` is nearly idle — under 10 % of a core over 500 ms — e.g. while it is still
 * closing the sockets of a previous step. Returns the milliseconds waited.
 */
async function waitIdle(pid: number, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  for (let i = 0; i < 1_000 && Date.now() - t0 < timeoutMs; i++) {
    const c0 = processCpuSeconds(pid);
    await sleep(500);
    const c1 = processCpuSeconds(pid);
    if (c0 === undefined || c1 === undefined || c1 - c0 < 0.05) break;
  }
  return Date.now() - t0;
}

/** Connect `clients` to `url`, warm up, publish at RATE for the measured run, gather the latencies. */
async function latencyRun(
  label: string,
  url: string,
  tag: string,
  server: RunningServer,
  trigger: () => Promise<string>,
  plan: Plan,
  started: RunningServer[],
  lines: string[],
): Promise<LatencyRun> {
  const group = await ClientGroup.start(url, plan.latencyClients, tag, started);
  try {
    const conn = await group.waitConnected(plan.connectTimeoutMs, server);
    const s = conn.stats;
    lines.push(row(`  ${label}: clients`, `${connectionText(s)} in ${(conn.waitedMs / 1000).toFixed(1)} s`));
    if (s.ready === 0) throw new Error(`${label}: no client connection got its ready frame`);
    const warm = await publishPaced(trigger, Math.max(1, Math.round(plan.warmupSeconds * RATE)), RATE);
    await group.waitDelivered(warm, s.ready, plan.deliveryTimeoutMs);
    await group.reset();
    const n = Math.round(plan.durationSeconds * RATE);
    const pids = group.children.map((c) => c.handle.pid);
    const cpu0 = { at: performance.now(), server: cpuOf([server.handle.pid]), clients: cpuOf(pids) };
    const ids = await publishPaced(trigger, n, RATE);
    const got = await group.waitDelivered(ids, s.ready, plan.deliveryTimeoutMs);
    const wall = (performance.now() - cpu0.at) / 1_000;
    const frames = ids.reduce((a, id) => a + (got.byEvent.get(id) ?? 0), 0);
    const run: LatencyRun = {
      clients: s.ready,
      events: ids.length,
      expectedFrames: ids.length * s.ready,
      frames,
      p50: histPercentile(got.hist, 50),
      p99: histPercentile(got.hist, 99),
      max: histMax(got.hist),
      connectMs: conn.waitedMs,
      serverCpu: (cpuOf([server.handle.pid]) - cpu0.server) / wall,
      clientsCpu: (cpuOf(pids) - cpu0.clients) / wall,
    };
    lines.push(
      `  ${label.padEnd(22)} ${int(run.events)} events × ${int(run.clients)} clients: ${int(frames)}/${int(run.expectedFrames)} frames` +
        `   p50 ${ms(run.p50).padStart(7)}   p99 ${ms(run.p99).padStart(7)}   max ${ms(run.max).padStart(7)}` +
        `   (server RSS ${int(rssKb(server.handle.pid) / 1024)} MiB)`,
      `  ${''.padEnd(22)} cpu: server ${Math.round(run.serverCpu * 100)}%, clients ${Math.round(run.clientsCpu * 100)}% (${group.children.length} processes)`,
    );
    return run;
  } finally {
    await group.stop(started);
  }
}

export default async function stream(ctx: SuiteContext): Promise<SuiteResult> {
  const plan: Plan = ctx.quick
    ? {
        connections: 2_000,
        latencyClients: 1_000,
        warmupSeconds: 1,
        durationSeconds: 3,
        connectTimeoutMs: 30_000,
        deliveryTimeoutMs: 10_000,
      }
    : {
        connections: TARGET_CONNECTIONS,
        latencyClients: 10_000,
        warmupSeconds: 1,
        durationSeconds: 10,
        connectTimeoutMs: 120_000,
        deliveryTimeoutMs: 30_000,
      };
  const { lines, metrics, fail } = suiteReport();
  const started: RunningServer[] = [];
  lines.push(row('machine', `load average ${loadAverage()} at start`));

  try {
    const oriva = await startOriva({ env: { ORIVA_STREAM_HEARTBEAT_SECONDS: '30' } }).catch((err: unknown) =>
      fail(errorMessage(err)),
    );
    started.push(oriva);
    const key = await createApp(oriva, APP_ID, 'Bench Stream').catch((err: unknown) => fail(errorMessage(err)));
    const streamUrl = `${oriva.baseUrl.replace('http://', 'ws://')}/api/v1/events/stream?auth=${encodeURIComponent(key)}`;
    const publish = async (): Promise<string> => {
      const res = await requestJson(`${oriva.baseUrl}/api/v1/apps/${APP_ID}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: singleEventBody,
      });
      const id = (res.json as { event_id?: unknown } | undefined)?.event_id;
      if (res.status !== 200 || typeof id !== 'string') fail(`publish → HTTP ${res.status}: ${clip(res.text)}`);
      return id as string;
    };

    // ---- (a) connections held by one server process --------------------------------------------------------------
    lines.push(`(a) connections held by one server process (${int(plan.connections)} clients, heartbeat 30 s):`);
    await sleep(1_000);
    const rssBefore = rssKb(oriva.handle.pid);
    const group = await ClientGroup.start(streamUrl, plan.connections, 'oriva', started).catch((err: unknown) =>
      fail(errorMessage(err)),
    );
    const conn = await group
      .waitConnected(plan.connectTimeoutMs, oriva)
      .catch((err: unknown) => fail(errorMessage(err)));
    await sleep(2_000);
    const after = await group.stats();
    const rssAfter = rssKb(oriva.handle.pid);
    const open = after.open;
    const perConnKb = open > 0 ? (rssAfter - rssBefore) / open : Number.NaN;
    let received = 0;
    if (open > 0) {
      const id = await publish();
      const got = await group.waitDelivered([id], open, plan.deliveryTimeoutMs);
      received = got.byEvent.get(id) ?? 0;
    }
    await group.stop(started);
    const connPass = open >= TARGET_CONNECTIONS && received >= open;
    Object.assign(metrics, {
      stream_connections: open,
      stream_connections_target: TARGET_CONNECTIONS,
      stream_connect_seconds: conn.waitedMs / 1000,
      stream_rss_before_mb: rssBefore / 1024,
      stream_rss_after_mb: rssAfter / 1024,
      stream_rss_per_connection_kb: perConnKb,
      stream_broadcast_received: received,
      stream_connections_pass: connPass ? 1 : 0,
    });
    lines.push(
      row('clients', `${connectionText(after)}; all settled in ${(conn.waitedMs / 1000).toFixed(1)} s`),
      row(
        'server RSS',
        `${int(rssBefore / 1024)} MiB before → ${int(rssAfter / 1024)} MiB with the clients = ${perConnKb.toFixed(1)} KiB per connection`,
      ),
      row('one event broadcast', `received by ${int(received)} of ${int(open)} open connections`),
      targetRow(
        'connections held, all receiving',
        `${int(open)}${received < open ? ` (${int(open - received)} missed the event)` : ''}`,
        `≥ ${int(TARGET_CONNECTIONS)}`,
        connPass,
      ),
      ...(ctx.quick ? [`  (--quick opens only ${int(plan.connections)}: the MISS above is expected)`] : []),
    );
    if (open === 0) fail('no stream connection opened: nothing was measured');
    // Let the server finish closing the sockets of (a) before anything is timed.
    const idleMs = await waitIdle(oriva.handle.pid, 30_000);
    lines.push(row('server idle again', `${(idleMs / 1000).toFixed(1)} s after the clients of (a) stopped`));

    // ---- (b) publish-to-client latency ------------------------------------------------------------------------------
    lines.push(
      `(b) publish-to-client latency, ${int(plan.latencyClients)} clients, ${RATE} events/s for ${plan.durationSeconds} s (after ${plan.warmupSeconds} s warm-up):`,
    );
    const bare = await startCeiling({ script: bareWsScript, label: 'bare ws ceiling' }).catch((err: unknown) =>
      fail(errorMessage(err)),
    );
    started.push(bare);
    const broadcast = async (): Promise<string> => {
      const res = await requestJson(`${bare.baseUrl}/broadcast`, { method: 'POST', body: '{}' });
      const id = (res.json as { event_id?: unknown } | undefined)?.event_id;
      if (res.status !== 200 || typeof id !== 'string') fail(`bare broadcast → HTTP ${res.status}: ${clip(res.text)}`);
      return id as string;
    };
    const bareRun = await latencyRun(
      'bare ws (ceiling)',
      `${bare.baseUrl.replace('http://', 'ws://')}/api/v1/events/stream`,
      'bare',
      bare,
      broadcast,
      plan,
      started,
      lines,
    ).catch((err: unknown) => fail(errorMessage(err)));
    started.splice(started.indexOf(bare), 1);
    await bare.stop();
    await sleep(1_000);
    const ours = await latencyRun('oriva stream', streamUrl, 'oriva', oriva, publish, plan, started, lines).catch(
      (err: unknown) => fail(errorMessage(err)),
    );
    const p99Ratio = ours.p99 / Math.max(1, bareRun.p99);
    const latencyPass = p99Ratio <= TARGET_P99_RATIO;
    const complete = ours.frames >= ours.expectedFrames && bareRun.frames >= bareRun.expectedFrames;
    Object.assign(metrics, {
      stream_latency_clients: ours.clients,
      stream_events: ours.events,
      stream_frames: ours.frames,
      stream_frames_expected: ours.expectedFrames,
      stream_p50_ms: ours.p50,
      stream_p99_ms: ours.p99,
      stream_max_ms: ours.max,
      bare_clients: bareRun.clients,
      bare_frames: bareRun.frames,
      bare_p50_ms: bareRun.p50,
      bare_p99_ms: bareRun.p99,
      bare_max_ms: bareRun.max,
      stream_p99_ratio: p99Ratio,
      stream_p99_ratio_target: TARGET_P99_RATIO,
      stream_p99_pass: latencyPass ? 1 : 0,
      stream_all_frames_delivered: complete ? 1 : 0,
      stream_server_cpu: ours.serverCpu,
      stream_clients_cpu: ours.clientsCpu,
      bare_server_cpu: bareRun.serverCpu,
      bare_clients_cpu: bareRun.clientsCpu,
      stream_idle_wait_seconds: idleMs / 1000,
    });
    lines.push(
      row('bare ws p99 (ceiling)', `${ms(bareRun.p99)} (p50 ${ms(bareRun.p50)})`),
      targetRow(
        'stream p99 / bare p99',
        `${ms(ours.p99)} = ${ratio(p99Ratio)}× (p50 ${ms(ours.p50)})`,
        `≤ ${TARGET_P99_RATIO}×`,
        latencyPass,
      ),
      row(
        'every frame delivered',
        `${complete ? 'yes' : 'NO'} (stream ${int(ours.frames)}/${int(ours.expectedFrames)}, bare ${int(bareRun.frames)}/${int(bareRun.expectedFrames)})`,
      ),
      machineRow('end'),
    );
    return { name: 'stream', lines, metrics };
  } finally {
    for (const s of started.reverse()) await s.stop();
  }
}
