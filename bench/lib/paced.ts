/**
 * Open-loop-ish load at a steady rate: request i is due at start + i / rate and is sent as soon as it is due and fewer
 * than `concurrency` requests are in flight (keep-alive `node:http` agent, one socket per in-flight request). If the
 * target falls behind, requests queue here and the achieved rate drops below the target — it is measured, not assumed.
 * Bounded: every request times out, and the whole run stops `graceMs` after its last scheduled send.
 */
import { Agent, request } from 'node:http';

export interface PacedRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface PacedOptions {
  /** e.g. `http://127.0.0.1:40123` */
  origin: string;
  rate: number;
  durationSeconds: number;
  concurrency: number;
  /** Called at send time (so a body can carry its own send timestamp). */
  makeRequest: (i: number) => PacedRequest;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Stop waiting for in-flight requests this long after the schedule ends (default 15 s). */
  graceMs?: number;
}

export interface PacedResult {
  scheduled: number;
  sent: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  firstError: string | undefined;
  /** Sent requests per second over the sending period. */
  achievedRate: number;
  /** How far behind schedule the last send was, ms. */
  lagMs: number;
  /** Response latency of 2xx requests, ms. */
  latencies: number[];
  /** Bodies of 2xx responses with the index of their request, in completion order. */
  responses: { index: number; body: string }[];
  /** `Date.now()` at the first send. */
  startedAt: number;
}

export async function paced(options: PacedOptions): Promise<PacedResult> {
  const { origin, rate, durationSeconds, concurrency, makeRequest } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const graceMs = options.graceMs ?? 15_000;
  const url = new URL(origin);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const scheduled = Math.max(1, Math.round(rate * durationSeconds));
  const result: PacedResult = {
    scheduled,
    sent: 0,
    ok2xx: 0,
    non2xx: 0,
    errors: 0,
    statusCodes: {},
    firstError: undefined,
    achievedRate: 0,
    lagMs: 0,
    latencies: [],
    responses: [],
    startedAt: Date.now(),
  };
  let inflight = 0;
  let lastSendAt = 0;
  const t0 = performance.now();

  const send = (i: number, done: () => void) => {
    const r = makeRequest(i);
    const start = performance.now();
    inflight++;
    result.sent++;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      inflight--;
      done();
    };
    const fail = (message: string) => {
      result.errors++;
      result.firstError ??= message;
      finish();
    };
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: r.path,
        agent,
        headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          result.statusCodes[status] = (result.statusCodes[status] ?? 0) + 1;
          if (status >= 200 && status < 300) {
            result.ok2xx++;
            result.latencies.push(performance.now() - start);
            result.responses.push({ index: i, body: Buffer.concat(chunks).toString('utf8') });
          } else result.non2xx++;
          finish();
        });
        res.on('error', (err) => fail(err.message));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => fail(err.message));
    req.end(r.body);
  };

  await new Promise<void>((resolve) => {
    let next = 0;
    let settled = false;
    const hardStop = setTimeout(
      () => {
        settled = true;
        resolve();
      },
      durationSeconds * 1000 + graceMs,
    );
    const maybeDone = () => {
      if (!settled && next >= scheduled && inflight === 0) {
        settled = true;
        clearTimeout(hardStop);
        resolve();
      }
    };
    /** Send every request that is due while there is room; no timers here (completions call it too). */
    const pump = () => {
      if (settled) return;
      const due = Math.min(scheduled, Math.floor(((performance.now() - t0) * rate) / 1000) + 1);
      while (next < due && inflight < concurrency) {
        send(next++, () => {
          pump();
          maybeDone();
        });
        lastSendAt = performance.now();
      }
    };
    /** The one timer chain: about every millisecond until everything is sent. */
    const loop = () => {
      pump();
      if (settled) return;
      if (next < scheduled) setTimeout(loop, 1);
      else maybeDone();
    };
    loop();
  });
  agent.destroy();

  const sendSeconds = Math.max(durationSeconds, (lastSendAt - t0) / 1000);
  result.achievedRate = result.sent / sendSeconds;
  result.lagMs = Math.max(0, lastSendAt - t0 - ((scheduled - 1) / rate) * 1000);
  return result;
}
