import { describe, expect, it } from 'vitest';
import { stallTrace, startStallTrace, traced } from './stall-trace.js';

describe('stall trace', () => {
  it('logs, once a second, the event loop blocked and the slowest of each noted step', async () => {
    const logged: Array<Record<string, unknown>> = [];
    const stop = startStallTrace(true, { warn: (fields) => logged.push(fields) });
    try {
      stallTrace.note('claim', 3);
      stallTrace.note('claim', 7);
      // The delay histogram counts from its second timer tick: block only once it is sampling.
      await new Promise((resolve) => setTimeout(resolve, 20));
      traced('flush', () => {
        const until = performance.now() + 50;
        while (performance.now() < until) {
          // holds the event loop, as a long synchronous write would
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    } finally {
      stop();
    }
    const first = logged[0]!;
    expect(first.claim).toEqual({ n: 2, total_ms: 10, max_ms: 7 });
    expect((first.flush as { max_ms: number }).max_ms).toBeGreaterThanOrEqual(50);
    // The histogram times its own 1 ms timer, which may fall due part-way through the block.
    expect(first.loop_max_ms as number).toBeGreaterThanOrEqual(15);
    expect(stallTrace.enabled).toBe(false);
  });

  it('costs nothing and logs nothing while off', () => {
    const logged: unknown[] = [];
    const stop = startStallTrace(false, { warn: (fields) => logged.push(fields) });
    stallTrace.note('claim', 3);
    expect(traced('flush', () => 42)).toBe(42);
    stop();
    expect(stallTrace.enabled).toBe(false);
    expect(logged).toEqual([]);
  });
});
