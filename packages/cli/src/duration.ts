/** Durations like `90s`, `15m`, `1h`, `2d`, `1w` or `1h30m`, and time bounds given as ISO-8601 or a duration ago. */

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/y;

/** Parses a duration into milliseconds; `undefined` when the text is not one. A bare number means seconds. */
export function parseDuration(text: string): number | undefined {
  const input = text.trim().toLowerCase();
  if (input === '') return undefined;
  if (/^\d+$/.test(input)) return Number(input) * 1000;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < input.length) {
    const start = PART.lastIndex;
    const match = PART.exec(input);
    if (!match || match.index !== start) return undefined;
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? Number.NaN);
  }
  return Number.isFinite(total) ? total : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * `--since`/`--until`: an ISO-8601 date or time (`2025-09-30`, `2025-09-30T10:30:00Z`), or a duration
 * meaning that long before `now` (`1h`, `2d`). Returns an ISO-8601 UTC timestamp, or `undefined` if unreadable.
 * A date or time without an offset is read as UTC, so the result does not depend on the machine's zone.
 */
export function parseTimeBound(text: string, now: Date = new Date()): string | undefined {
  const input = text.trim();
  const duration = parseDuration(input);
  if (duration !== undefined) return new Date(now.getTime() - duration).toISOString();
  if (!ISO_DATE.test(input)) return undefined;
  let normalized = input.replace(' ', 'T');
  if (normalized.length === 10) normalized += 'T00:00:00Z';
  else if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(normalized)) normalized += 'Z';
  const date = new Date(normalized);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * `--expires-at`: an ISO-8601 date or time, or a duration meaning that long **after** `now`
 * (`2h` is two hours from now). Returns an ISO-8601 UTC timestamp, or `undefined` if unreadable.
 */
export function parseFutureTime(text: string, now: Date = new Date()): string | undefined {
  const duration = parseDuration(text);
  if (duration !== undefined) return new Date(now.getTime() + duration).toISOString();
  return parseTimeBound(text, now);
}

/**
 * How long ago `iso` was, in its largest whole unit: `45s`, `5m`, `2h`, `3d`, `2y`. A time in the
 * future (clock skew) reads `0s`; an unreadable one is empty.
 */
export function formatAge(iso: string | null | undefined, now: Date = new Date()): string {
  const then = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, Math.floor((now.getTime() - then) / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.floor(hours / 24);
  return days < 365 ? `${days}d` : `${Math.floor(days / 365)}y`;
}
