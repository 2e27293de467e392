import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/**
 * A per-second account of what held the server up, for finding latency spikes (the webhook bench's
 * p99 by second): the event loop's longest delay, garbage collection, and the slowest of each traced
 * step (a write-queue flush, a wait for the WAL checkpointer, a delivery claim, a send). Off unless
 * `ORIVA_STALL_TRACE=1`: then one `stall trace` line a second is logged at warn level, so a bench run
 * on the default log level shows it and a second with a spike can be matched with its cause by time.
 *
 * Steps report with `stallTrace.note(step, ms)`, a no-op while off: the hot paths pay one branch.
 */
export interface StallTrace {
  readonly enabled: boolean;
  note(step: string, ms: number): void;
}

interface Logger {
  warn(fields: Record<string, unknown>, message: string): void;
}

const off: StallTrace = { enabled: false, note: () => {} };

/** The process-wide trace (one server per process outside tests); replaced by `startStallTrace`. */
export let stallTrace: StallTrace = off;

/** Starts the trace if `enabled`; returns its stop function. */
export function startStallTrace(enabled: boolean, logger: Logger): () => void {
  if (!enabled) return () => {};
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  let steps = new Map<string, { count: number; totalMs: number; maxMs: number }>();
  const note = (step: string, ms: number) => {
    const s = steps.get(step);
    if (s) {
      s.count++;
      s.totalMs += ms;
      if (ms > s.maxMs) s.maxMs = ms;
    } else steps.set(step, { count: 1, totalMs: ms, maxMs: ms });
  };
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      // perf_hooks constants: 1 minor (scavenge), 4 major (mark-sweep-compact), 8 incremental, 16 weak callbacks.
      note(kind === 4 ? 'gc_major' : kind === 1 ? 'gc_minor' : 'gc_other', entry.duration);
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  stallTrace = { enabled: true, note };
  const round = (x: number) => Math.round(x * 10) / 10;
  const timer = setInterval(() => {
    const fields: Record<string, unknown> = {
      at: Date.now(),
      loop_max_ms: round(loop.max / 1e6),
      loop_p99_ms: round(loop.percentile(99) / 1e6),
    };
    for (const [step, s] of steps) {
      fields[step] = { n: s.count, total_ms: round(s.totalMs), max_ms: round(s.maxMs) };
    }
    logger.warn(fields, 'stall trace');
    loop.reset();
    steps = new Map();
  }, 1_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    gc.disconnect();
    loop.disable();
    stallTrace = off;
  };
}

/** Times `work` as `step` while the trace is on. */
export function traced<R>(step: string, work: () => R): R {
  if (!stallTrace.enabled) return work();
  const started = performance.now();
  try {
    return work();
  } finally {
    stallTrace.note(step, performance.now() - started);
  }
}
