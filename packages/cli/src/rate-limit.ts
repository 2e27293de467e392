/**
 * What a 429 tells the user: the limit that was reached, when it frees up on their own clock, and
 * how to lift it when the server is their own. Read from the SDK's `RateLimitError` by shape, since
 * the SDK is loaded lazily.
 */
import { isLocalUrl } from './config.js';

export interface RateLimitFacts {
  /** Seconds until the server takes the call again. */
  retryAfter: number | null;
  limit: number | null;
  /** The window in seconds. */
  window: number | null;
  resetsAt: Date | null;
}

export function readRateLimit(error: Error): RateLimitFacts {
  const e = error as Error & Record<string, unknown>;
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  const retryAfter = number(e.retryAfter);
  const resetsAt =
    e.resetsAt instanceof Date ? e.resetsAt : retryAfter === null ? null : new Date(Date.now() + retryAfter * 1000);
  return { retryAfter, limit: number(e.limit), window: number(e.window), resetsAt };
}

/** `limit 50 per 15 min; frees up at 14:32:05 (in 11 min 27 s)`, or as much of it as the server said. */
export function rateLimitDetail(facts: RateLimitFacts, now: Date = new Date()): string | undefined {
  const parts: string[] = [];
  if (facts.limit !== null) {
    parts.push(`limit ${facts.limit}${facts.window === null ? '' : ` per ${formatSeconds(facts.window)}`}`);
  }
  if (facts.resetsAt && facts.retryAfter !== null) {
    parts.push(`frees up at ${clockTime(facts.resetsAt, now)} (in ${formatSeconds(facts.retryAfter)})`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

/** On the developer's own server the limit is a setting; elsewhere the only remedy is to wait. */
export function rateLimitHint(facts: RateLimitFacts, baseUrl: string | undefined, now: Date = new Date()): string {
  const when = facts.resetsAt ? ` (at ${clockTime(facts.resetsAt, now)})` : '';
  if (baseUrl && isLocalUrl(baseUrl)) {
    return `this is a local server: restart it with ORIVA_RATE_LIMITS=off to lift its limits (\`ORIVA_RATE_LIMITS=off pnpm start\`), or wait until the limit frees up${when}`;
  }
  return `wait until the limit frees up${when}, then run the command again`;
}

/** The local wall-clock time, `14:32:05`; with the date when it is not today. */
export function clockTime(date: Date, now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  if (date.toDateString() === now.toDateString()) return time;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}

/** `687` → `11 min 27 s`; `900` → `15 min`; `3600` → `1 h`. */
export function formatSeconds(total: number): string {
  const seconds = Math.ceil(total);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [hours ? `${hours} h` : '', minutes ? `${minutes} min` : '', rest || seconds === 0 ? `${rest} s` : ''];
  return parts.filter(Boolean).join(' ');
}
