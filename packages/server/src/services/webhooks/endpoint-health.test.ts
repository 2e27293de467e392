import { describe, expect, it } from 'vitest';
import type { EndpointHealth } from '../../storage/types.js';
import { failingReason, healthWindows, lastHour } from './endpoint-health.js';
import { receiverSignals } from './receiver-signals.js';

const health = (overrides: Partial<EndpointHealth>): EndpointHealth => ({
  window_start: '2026-01-01T10:00:00.000Z',
  attempts: 0,
  failures: 0,
  previous_attempts: 0,
  previous_failures: 0,
  consecutive_failures: 0,
  failing_since: null,
  ...overrides,
});
const at = (time: string) => new Date(`2026-01-01T${time}Z`);

describe('endpoint health rule', () => {
  it('counts in hourly windows and estimates the last hour from the current one and a share of the previous', () => {
    expect(healthWindows(at('10:59:59.999'))).toEqual({
      window_start: '2026-01-01T10:00:00.000Z',
      previous_window_start: '2026-01-01T09:00:00.000Z',
    });
    const counts = health({ attempts: 4, failures: 1, previous_attempts: 40, previous_failures: 20 });
    // A quarter into the hour, three quarters of the previous window are still within the last hour.
    expect(lastHour(counts, at('10:15:00'))).toEqual({ attempts: 34, failures: 16 });
    expect(lastHour(counts, at('10:00:00'))).toEqual({ attempts: 44, failures: 21 });
  });

  it('fails over 10% of at least 10 attempts, or at half the disable threshold in a row', () => {
    const now = at('10:30:00');
    expect(failingReason(health({ attempts: 10, failures: 1 }), now, 100)).toBeUndefined();
    expect(failingReason(health({ attempts: 10, failures: 2 }), now, 100)).toBe('failure_rate');
    expect(failingReason(health({ attempts: 9, failures: 9, consecutive_failures: 9 }), now, 100)).toBeUndefined();
    expect(failingReason(health({ attempts: 3, failures: 3, consecutive_failures: 50 }), now, 100)).toBe(
      'consecutive_failures',
    );
    expect(failingReason(health({ attempts: 3, failures: 3, consecutive_failures: 3 }), now, 5)).toBe(
      'consecutive_failures',
    );
  });
});

describe('receiver signals', () => {
  it('reads webhook-delivery values, comma-separated and in any case, ignoring others', () => {
    expect(receiverSignals({ 'webhook-delivery': 'Abort-Message' })).toMatchObject({
      disable: false,
      abortMessage: true,
    });
    expect(receiverSignals({ 'webhook-delivery': 'later, disable' })).toMatchObject({
      disable: true,
      abortMessage: false,
    });
    expect(receiverSignals({ 'x-other': 'disable' })).toMatchObject({ disable: false, abortMessage: false });
    expect(receiverSignals(null)).toMatchObject({ disable: false, abortMessage: false });
  });
});
