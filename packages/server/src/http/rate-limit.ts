import type { Context } from 'hono';
import type { RateLimitCategory, RateLimitRule } from '../config/env.js';
import { ApiError } from './errors.js';

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window counters in memory, for one instance. A Redis-backed limiter with the same
 * interface replaces it when several instances share the limits.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly rules: Record<RateLimitCategory, RateLimitRule>,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 60_000).unref();
  }

  /**
   * Counts `cost` against the subject's window. Sets the `RateLimit-Policy` and `RateLimit` headers
   * (IETF draft) on every answer, and throws a 429 with `Retry-After` when the window is spent.
   */
  enforce(c: Context, category: RateLimitCategory, subject: string, cost = 1): void {
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
    const resetSeconds = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    const remaining = Math.max(0, rule.limit - window.count);
    const headers = {
      'RateLimit-Policy': `${rule.limit};w=${rule.windowSeconds}`,
      RateLimit: `limit=${rule.limit}, remaining=${remaining}, reset=${resetSeconds}`,
    };
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    if (!allowed) {
      throw new ApiError(
        429,
        'rate_limited',
        `Rate limit for ${category} reached: ${rule.limit} per ${rule.windowSeconds} s for ${subject}${cost > 1 ? ` (this request needs ${cost})` : ''}. Retry in ${resetSeconds} s.`,
        { headers: { ...headers, 'Retry-After': String(resetSeconds) }, retryable: true },
      );
    }
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
