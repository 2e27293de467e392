/**
 * The rate-limit tables and the `ORIVA_RATE_LIMITS` setting. Production keeps the design document's
 * table. Dev mode multiplies it by `DEV_RATE_LIMIT_FACTOR`: a developer replaying `pnpm story`,
 * poking webhooks and loading a 5,000-line NDJSON file in one sitting spends 50 webhook calls and
 * 1,000 events in minutes, then waits a quarter of an hour for nothing.
 */
import { ConfigError } from './config-error.js';

export type RateLimitCategory = 'events' | 'notifications' | 'queries' | 'webhooks' | 'event_types';
export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}
export type RateLimitRules = Record<RateLimitCategory, RateLimitRule>;

/**
 * The design document's "Rate Limits" table (the 10 stream connections per user live in the stream
 * hub), plus event-type management, which the table predates: `oriva event-types push` sends one PUT
 * per type on every deploy, so an app with a few dozen types can push several times in a window,
 * while a loop declaring types without end is stopped.
 */
export const DEFAULT_RATE_LIMITS: RateLimitRules = {
  events: { limit: 1000, windowSeconds: 15 * 60 },
  notifications: { limit: 500, windowSeconds: 15 * 60 },
  queries: { limit: 1000, windowSeconds: 15 * 60 },
  webhooks: { limit: 50, windowSeconds: 15 * 60 },
  event_types: { limit: 300, windowSeconds: 15 * 60 },
};

const CATEGORIES = Object.keys(DEFAULT_RATE_LIMITS) as RateLimitCategory[];

/** Dev mode's limits are this many times production's: still there (the headers and a 429 can be seen), rarely met. */
export const DEV_RATE_LIMIT_FACTOR = 100;

export const DEV_RATE_LIMITS: RateLimitRules = scaled(DEFAULT_RATE_LIMITS, DEV_RATE_LIMIT_FACTOR);

/** What each category counts, in words, for the 429 message: "webhook management: 50 requests per 15 min". */
export const RATE_LIMIT_LABELS: Record<RateLimitCategory, { what: string; unit: string }> = {
  events: { what: 'event publishing', unit: 'events' },
  notifications: { what: 'notification creation', unit: 'notifications' },
  queries: { what: 'queries', unit: 'requests' },
  webhooks: { what: 'webhook management', unit: 'requests' },
  event_types: { what: 'event type management', unit: 'requests' },
};

/**
 * `ORIVA_RATE_LIMITS`: unset (dev mode's table in dev mode, else production's), `on` (production's,
 * in dev mode too, to try a client's 429 handling), `off`, or overrides such as
 * `events=5000/15m,queries=100/1m` on top of the mode's table. `undefined` means off.
 */
export function parseRateLimits(value: string | undefined, dev: boolean): RateLimitRules | undefined {
  const normalized = (value ?? '').trim().toLowerCase();
  if (['off', '0', 'false', 'no'].includes(normalized)) return undefined;
  if (['on', '1', 'true', 'yes'].includes(normalized)) return { ...DEFAULT_RATE_LIMITS };
  const limits = { ...(dev ? DEV_RATE_LIMITS : DEFAULT_RATE_LIMITS) };
  if (normalized === '') return limits;
  for (const part of normalized.split(',')) {
    const match = /^\s*(events|notifications|queries|webhooks|event_types)\s*=\s*(\d+)\s*\/\s*(\d+)\s*([smh])\s*$/.exec(
      part,
    );
    if (!match) {
      throw new ConfigError(
        `Invalid configuration:\n  ORIVA_RATE_LIMITS: "${part.trim()}" is not "<category>=<limit>/<window>" such as events=1000/15m (categories: events, notifications, queries, webhooks, event_types), nor "on" or "off"`,
      );
    }
    const [, category, limit, amount, unit] = match;
    const seconds = Number(amount) * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1);
    limits[category as RateLimitCategory] = { limit: Number(limit), windowSeconds: seconds };
  }
  return limits;
}

/** One line for the startup banner: which table is in force, and how to change it. */
export function describeRateLimits(limits: RateLimitRules | undefined, dev: boolean): string {
  if (!limits) return 'off (ORIVA_RATE_LIMITS=off)';
  const spec = formatRules(limits);
  if (dev && spec === formatRules(DEV_RATE_LIMITS)) {
    return `dev mode's, ${DEV_RATE_LIMIT_FACTOR}× production (ORIVA_RATE_LIMITS=on for production's, =off for none)`;
  }
  return `${spec}${dev ? ' (ORIVA_RATE_LIMITS=off for none)' : ''}`;
}

/** `900` → `15 min`: how a window reads in messages. */
export function formatWindow(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** The rules in `ORIVA_RATE_LIMITS` syntax: `events=1000/15m, …`. */
function formatRules(limits: RateLimitRules): string {
  return CATEGORIES.map((category) => {
    const { limit, windowSeconds } = limits[category];
    const window = formatWindow(windowSeconds).replace(' min', 'm').replace(' ', '');
    return `${category}=${limit}/${window}`;
  }).join(', ');
}

function scaled(rules: RateLimitRules, factor: number): RateLimitRules {
  return Object.fromEntries(
    CATEGORIES.map((category) => [category, { ...rules[category], limit: rules[category].limit * factor }]),
  ) as RateLimitRules;
}
