/**
 * Micro-benchmark helpers shared by the verifier suites: a delivery body of a given size, a timed loop, the median.
 */
import { sampleEvent } from './fixtures.js';

/**
 * A webhook delivery of `bytes` bytes: the design document's example event inside a delivery envelope, with
 * `event_data` grown by a list of small records (an ordinary JSON shape, neither one long string nor deep nesting).
 */
export function deliveryBody(bytes: number): string {
  const delivery = {
    id: 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
    type: 'notification.dismissed',
    created_at: '2025-09-30T10:30:00Z',
    app_id: 'work_buddy',
    data: {
      ...sampleEvent,
      event_data: { ...sampleEvent.event_data, history: [] as Array<{ at: string; action: string; seq: number }> },
    },
  };
  const history = delivery.data.event_data.history;
  while (JSON.stringify(delivery).length < bytes - 60) {
    history.push({ at: '2025-09-30T10:29:59Z', action: `shown_in_feed_${history.length}`, seq: history.length });
  }
  const json = JSON.stringify(delivery);
  return json.slice(0, -1) + ' '.repeat(Math.max(0, bytes - json.length)) + json.slice(-1);
}

/** Runs `fn` in growing batches until `ms` have elapsed; returns operations per second. */
export function measure(fn: () => unknown, ms: number): number {
  const budget = ms * 1e6;
  let ops = 0;
  let batch = 8;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < budget) {
    for (let i = 0; i < batch; i++) fn();
    ops += batch;
    elapsed = Number(process.hrtime.bigint() - start);
    if (batch < 2048) batch *= 2;
  }
  return ops / (elapsed / 1e9);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
