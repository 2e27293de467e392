import type { Context } from 'hono';
import type { Redis } from 'ioredis';
import type { RateLimitCategory, RateLimitRule } from '../config/env.js';
import {
  closeRedisClient,
  createRedisClient,
  DEFAULT_KEY_PREFIX,
  LuaScript,
  type RedisLogger,
} from '../redis/connect.js';
import { applyWindow, type RateLimiter } from './rate-limit.js';

/**
 * One fixed window, atomically: counts `cost` only if it fits, starts the window's expiry on first
 * use, and answers the count and the time left. Redis' clock sets the window, so instances whose
 * clocks disagree still share one window.
 * KEYS[1] the window; ARGV: cost, limit, window in ms. Returns { allowed (0/1), count, pttl }.
 */
const FIXED_WINDOW = new LuaScript(`
local cost = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -1 then
  -- A counter without expiry would never reset: start over.
  redis.call('DEL', KEYS[1])
  ttl = -2
end
local count = 0
if ttl ~= -2 then count = tonumber(redis.call('GET', KEYS[1])) end
if count + cost > limit then
  if ttl < 0 then ttl = window end
  return {0, count, ttl}
end
count = redis.call('INCRBY', KEYS[1], cost)
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], window)
  ttl = window
end
return {1, count, ttl}
`);

export interface RedisRateLimiterOptions {
  rules: Record<RateLimitCategory, RateLimitRule>;
  /** A URL to connect to (the limiter then owns and closes its client), or a client to use. */
  redis: string | Redis;
  logger: RedisLogger;
  /** Prefix of the window keys when the limiter creates its client (default `oriva:`). */
  keyPrefix?: string;
  /** A request waits at most this long for Redis before it is let through (default 250 ms). */
  timeoutMs?: number;
}

/**
 * Fixed-window limits shared by every instance through Redis, with the same headers and 429 as the
 * in-memory limiter. When Redis is unreachable it fails open: requests pass, and one warning is
 * logged per outage. A limiter outage must not become an API outage.
 *
 * @example
 * const rateLimiter = new RedisRateLimiter({ rules: config.rateLimits, redis: config.redisUrl, logger });
 */
export class RedisRateLimiter implements RateLimiter {
  readonly client: Redis;
  private readonly owned: boolean;
  private readonly rules: Record<RateLimitCategory, RateLimitRule>;
  private readonly logger: RedisLogger;
  private degraded = false;

  constructor(options: RedisRateLimiterOptions) {
    this.rules = options.rules;
    this.logger = options.logger;
    this.owned = typeof options.redis === 'string';
    this.client =
      typeof options.redis === 'string'
        ? createRedisClient({
            url: options.redis,
            keyPrefix: options.keyPrefix ?? DEFAULT_KEY_PREFIX,
            // Never queue behind a reconnect: fail at once and let the request through.
            offlineQueue: false,
            commandTimeoutMs: options.timeoutMs ?? 250,
            connectionName: 'oriva-rate-limit',
            logger: options.logger,
          })
        : options.redis;
  }

  async enforce(c: Context, category: RateLimitCategory, subject: string, cost = 1): Promise<void> {
    const rule = this.rules[category];
    let reply: [number, number, number];
    try {
      reply = (await FIXED_WINDOW.run(
        this.client,
        [`ratelimit:${category}:${subject}`],
        [cost, rule.limit, rule.windowSeconds * 1000],
      )) as [number, number, number];
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn({ err: error }, 'rate limiter cannot reach Redis: requests pass unlimited until it is back');
      }
      return;
    }
    if (this.degraded) {
      this.degraded = false;
      this.logger.info('rate limiter reached Redis again: limits apply');
    }
    const [allowed, count, resetInMs] = reply;
    applyWindow(c, rule, category, subject, cost, { allowed: allowed === 1, count, resetInMs });
  }

  async close(): Promise<void> {
    if (this.owned) await closeRedisClient(this.client);
  }
}
