import { describe, expect, it } from 'vitest';
import { parseDuration, parseTimeBound } from './duration.js';

describe('parseDuration', () => {
  it('reads units and combinations', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('1w')).toBe(604_800_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration(' 2H ')).toBe(7_200_000);
  });

  it('reads a bare number as seconds', () => {
    expect(parseDuration('3600')).toBe(3_600_000);
  });

  it('rejects anything else', () => {
    for (const text of ['', 'h', '1x', '1h 30m', '-1h', 'yesterday', '1hm', '2025-09-30']) {
      expect(parseDuration(text), text).toBeUndefined();
    }
  });
});

describe('parseTimeBound', () => {
  const now = new Date('2025-09-30T12:00:00.000Z');

  it('turns a duration into that long before now', () => {
    expect(parseTimeBound('1h', now)).toBe('2025-09-30T11:00:00.000Z');
    expect(parseTimeBound('2d', now)).toBe('2025-09-28T12:00:00.000Z');
  });

  it('accepts ISO-8601 dates and times, reading a missing offset as UTC', () => {
    expect(parseTimeBound('2025-09-30T10:30:00Z', now)).toBe('2025-09-30T10:30:00.000Z');
    expect(parseTimeBound('2025-09-30T10:30:00+02:00', now)).toBe('2025-09-30T08:30:00.000Z');
    expect(parseTimeBound('2025-09-30T10:30', now)).toBe('2025-09-30T10:30:00.000Z');
    expect(parseTimeBound('2025-09-30 10:30:00.5', now)).toBe('2025-09-30T10:30:00.500Z');
    expect(parseTimeBound('2025-09-30', now)).toBe('2025-09-30T00:00:00.000Z');
  });

  it('rejects what is neither', () => {
    for (const text of ['yesterday', '2025-13-45', '30/09/2025', ''])
      expect(parseTimeBound(text, now), text).toBeUndefined();
  });
});
