/**
 * A thin wrapper over autocannon: an unrecorded warm-up run, then a measured run, both bounded in time, reduced to the
 * figures the suites report. autocannon runs in this (the harness) process, on one thread.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { startCpuWindow } from './cpu.js';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  connections: number;
  /** Seconds of load before measuring (results discarded except for error counts). 0 to skip. */
  warmupSeconds: number;
  /** Seconds measured. */
  durationSeconds: number;
  /** The server's pid, to report its CPU use during the measured run. */
  serverPid?: number;
  /** A header given a fresh random UUID on every request (e.g. `idempotency-key`, as the SDK sends). */
  uniqueHeader?: string;
  /**
   * Per-request variation: each request takes the path (and headers, merged over `headers`) of an entry picked at
   * random, e.g. a different user with that user's token. The path replaces the one in `url`.
   */
  rotate?: readonly RotateEntry[];
}

export interface RotateEntry {
  /** Path and query, e.g. `/api/v1/users/user_42/notifications`. */
  path: string;
  headers?: Record<string, string>;
}

export interface LoadStats {
  /** Mean of autocannon's per-second request counts (all responses). */
  rps: number;
  /** Latency percentiles of 2xx responses, in ms (autocannon's histogram has 1 ms resolution). */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Responses in the measured run. */
  total: number;
  ok2xx: number;
  non2xx: number;
  /** Connection errors, including timeouts. */
  errors: number;
  timeouts: number;
  /** Status code → count, for error messages. */
  statusCodes: Record<string, number>;
  durationSeconds: number;
  /** Cores used by the server process during the measured run (1 = one full core), if it could be read. */
  serverCpu: number | undefined;
  /** Cores used by the load generator (this process) during the measured run. */
  clientCpu: number;
}

export interface LoadResult extends LoadStats {
  /** What the warm-up saw: 2xx responses, and problems (it counts towards failure). */
  warmup: { ok2xx: number; non2xx: number; errors: number; statusCodes: Record<string, number> };
}

/** Grace beyond the configured duration before a run is declared hung and stopped. */
const HANG_GRACE_MS = 20_000;

function runOnce(opts: LoadOptions, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const instance = autocannon(
      {
        url: opts.url,
        method: opts.method ?? 'POST',
        body: opts.body,
        headers: opts.headers,
        connections: opts.connections,
        duration: seconds,
        timeout: 10,
        ...(opts.uniqueHeader || opts.rotate ? { requests: [{ setupRequest: perRequestSetup(opts) }] } : {}),
      },
      (err: unknown, result: autocannon.Result) => {
        if (settled) return;
        settled = true;
        clearTimeout(guard);
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(result);
      },
    );
    const guard = setTimeout(
      () => {
        if (settled) return;
        settled = true;
        instance.stop();
        reject(new Error(`autocannon against ${opts.url} did not finish within ${seconds} s + ${HANG_GRACE_MS} ms`));
      },
      seconds * 1_000 + HANG_GRACE_MS,
    );
  });
}

/** autocannon's `setupRequest`, run for every request: a rotated path and headers, then a unique header. */
function perRequestSetup(opts: Pick<LoadOptions, 'uniqueHeader' | 'rotate'>) {
  const { uniqueHeader, rotate } = opts;
  if (rotate !== undefined && rotate.length === 0) throw new Error('load(): `rotate` needs at least one entry');
  return (request: autocannon.Request) => {
    if (rotate !== undefined) {
      const entry = rotate[Math.floor(Math.random() * rotate.length)]!;
      request.path = entry.path;
      if (entry.headers) request.headers = { ...request.headers, ...entry.headers };
    }
    if (uniqueHeader) request.headers = { ...request.headers, [uniqueHeader]: randomUUID() };
    return request;
  };
}

function statusCodes(r: autocannon.Result): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) out[code] = stat.count ?? 0;
  return out;
}

function stats(r: autocannon.Result, cpu: { server: number | undefined; client: number }): LoadStats {
  return {
    serverCpu: cpu.server,
    clientCpu: cpu.client,
    rps: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    total: r.requests.total,
    ok2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: statusCodes(r),
    durationSeconds: r.duration,
  };
}

/** Warm up (if asked), then measure. */
export async function load(opts: LoadOptions): Promise<LoadResult> {
  let warmup: LoadResult['warmup'] = { ok2xx: 0, non2xx: 0, errors: 0, statusCodes: {} };
  if (opts.warmupSeconds > 0) {
    const w = await runOnce(opts, opts.warmupSeconds);
    warmup = { ok2xx: w['2xx'], non2xx: w.non2xx, errors: w.errors, statusCodes: statusCodes(w) };
  }
  const cpu = startCpuWindow(opts.serverPid);
  const measured = await runOnce(opts, opts.durationSeconds);
  return { ...stats(measured, cpu.stop()), warmup };
}

/** Problems seen in a run (warm-up included), or `undefined` when every response was a 2xx. */
export function loadProblems(r: LoadResult): string | undefined {
  const non2xx = r.non2xx + r.warmup.non2xx;
  const errors = r.errors + r.warmup.errors;
  if (non2xx === 0 && errors === 0) return undefined;
  const codes = { ...r.warmup.statusCodes };
  for (const [code, n] of Object.entries(r.statusCodes)) codes[code] = (codes[code] ?? 0) + n;
  const byCode = Object.entries(codes)
    .map(([code, n]) => `${code}×${n}`)
    .join(', ');
  return `${non2xx} non-2xx responses and ${errors} connection errors (${r.timeouts} timeouts measured) — status codes: ${byCode}`;
}
