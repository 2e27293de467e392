import { describe, expect, it } from 'vitest';
import { HEIGHT, linePath, lonePointsPath, niceTop, WIDTH } from './charts.js';
import { duration, percent, perMinute, RANGES, rangeQuery, rateFigure, targetFigure } from './stats-format.js';

describe('stats figures', () => {
  it('shows shares as percentages and nothing-to-measure as a dash, never as 0%', () => {
    expect(percent(1)).toBe('100%');
    expect(percent(0.975)).toBe('97.5%');
    expect(percent(0.8333)).toBe('83.3%');
    expect(percent(0)).toBe('0%');
    expect(percent(null)).toBe('–');
  });

  it('shows latency in ms below a second and in seconds above', () => {
    expect(duration(38)).toBe('38 ms');
    expect(duration(1_234)).toBe('1.2 s');
    expect(duration(12_500)).toBe('13 s');
    expect(duration(null)).toBe('–');
    expect(targetFigure('webhook_latency_p95_ms', 5_000)).toBe('5.0 s');
    expect(targetFigure('view_rate', 0.8)).toBe('80%');
  });

  it('averages events per minute over the answered range', () => {
    expect(perMinute(120, '2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z')).toBe(2);
    expect(perMinute(5, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe(0);
  });

  it('asks for each range by a bucket that stays under the API limit of 1,500 points', () => {
    const now = new Date('2026-01-31T12:00:00Z');
    expect(rangeQuery('hour', now)).toEqual({ from: '2026-01-31T11:00:00.000Z', interval: 'minute' });
    expect(rangeQuery('month', now)).toEqual({ from: '2026-01-01T12:00:00.000Z', interval: 'day' });
    const minutesPer = { minute: 1, hour: 60, day: 1_440 };
    for (const range of Object.values(RANGES)) expect(range.minutes / minutesPer[range.interval]).toBeLessThan(1_500);
  });
});

describe('line charts', () => {
  it('tops the axis at a round figure at or above the largest value', () => {
    expect(niceTop(0)).toBe(1);
    expect(niceTop(2)).toBe(2);
    expect(niceTop(7)).toBe(10);
    expect(niceTop(362)).toBe(500);
    expect(niceTop(0.95)).toBe(1);
  });

  it('draws values across the width and breaks the line where a bucket has nothing to measure', () => {
    expect(linePath([0, 10], 10)).toBe(`M0.0 ${HEIGHT.toFixed(1)}L${WIDTH.toFixed(1)} 0.0`);
    const gapped = linePath([1, 1, null, 1, 1], 2);
    expect(gapped.match(/M/g)).toHaveLength(2);
    expect(gapped.match(/L/g)).toHaveLength(2);
    // A point alone between gaps is a zero-length segment (a dot with the round cap), never a bare move.
    expect(linePath([null, 1, null], 2)).toBe(`M${(WIDTH / 2).toFixed(1)} 80.0L${(WIDTH / 2).toFixed(1)} 80.0`);
    // Values above the axis top are clipped to it, never drawn outside the box.
    expect(linePath([50], 10)).toBe('M0.0 0.0L0.0 0.0');
  });
});

describe('lone points', () => {
  it('draws again, with a wide stroke, only the buckets that stand alone between gaps', () => {
    expect(lonePointsPath([null, 1, null, 1, 1], 2)).toBe(
      `M${(WIDTH / 4).toFixed(1)} 80.0L${(WIDTH / 4).toFixed(1)} 80.0`,
    );
    expect(lonePointsPath([1, 1], 2)).toBe('');
  });

  it('shows a trickle of events per minute with two decimals, not as 0', () => {
    expect(rateFigure(2 / 60)).toBe('0.03');
    expect(rateFigure(12.34)).toBe('12.3');
  });
});
