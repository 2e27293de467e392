import type { Context } from 'hono';
import type { RateLimitCategory, RateLimitRule } from '../config/env.js';
import { formatWindow, RATE_LIMIT_LABELS } from '../config/rate-limits.js';
import { ApiError } from '../core/errors.js';

/**
 * Counts requests per category and subject. In memory for one instance (`MemoryRateLimiter`);
 * in Redis when several instances share the limits (`RedisRateLimiter`).
 */
export interface RateLimiter {
  /**
   * Counts `cost` against the subject's window. Sets the `RateLimit-Policy` and `RateLimit` headers
   * (IETF draft) on the answer, and rejects with a 429 carrying `Retry-After` when the window is spent.
   */
  enforce(c: Context, category: RateLimitCategory, subject: string, cost?: number): Promise<void>;
  close(): Promise<void>;
}

/** Where a window stands after one `enforce`, whichever store counted it. */
export interface WindowState {
  allowed: boolean;
  /** Units counted in the window, including this request's when allowed. */
  count: number;
  /** Milliseconds until the window resets. */
  resetInMs: number;
}

/** Sets the rate-limit headers from a window's state, and throws the 429 when it refused the request. */
export function applyWindow(
  c: Context,
  rule: RateLimitRule,
  category: RateLimitCategory,
  subject: string,
  cost: number,
  state: WindowState,
): void {
  const resetSeconds = Math.max(1, Math.ceil(state.resetInMs / 1000));
  const remaining = Math.max(0, rule.limit - state.count);
  const headers = {
    'RateLimit-Policy': `${rule.limit};w=${rule.windowSeconds}`,
    RateLimit: `limit=${rule.limit}, remaining=${remaining}, reset=${resetSeconds}`,
  };
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  if (!state.allowed) {
    const { what, unit } = RATE_LIMIT_LABELS[category];
    const needs = cost > 1 ? ` (this request needs ${cost}, ${remaining} left)` : '';
    throw new ApiError(
      429,
      'rate_limited',
      `Rate limit reached for ${what}: ${rule.limit} ${unit} per ${formatWindow(rule.windowSeconds)} for ${subject}${needs}. Retry in ${resetSeconds} s.`,
      { headers: { ...headers, 'Retry-After': String(resetSeconds) }, retryable: true },
    );
  }
}

interface Window {
  count: number;
  resetAt: number;
}

/** Fixed-window counters in memory, for one instance. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly rules: Record<RateLimitCategory, RateLimitRule>,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 60_000).unref();
  }

  async enforce(c: Context, category: RateLimitCategory, subject: string, cost = 1): Promise<void> {
    const rule = this.rules[category];
    const key = `${category}:${subject}`;
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    const allowed = window.count + cost <= rule.limit;
    if (allowed) window.count += cost;
    applyWindow(c, rule, category, subject, cost, { allowed, count: window.count, resetInMs: window.resetAt - now });
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
