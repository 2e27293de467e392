import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../config/env.js';
import { ApiError } from '../core/errors.js';
import { closeRedisClient, createRedisClient, type RedisLogger, whenReady } from '../redis/connect.js';
import type { RateLimiter } from './rate-limit.js';
import { RedisRateLimiter } from './rate-limit-redis.js';

const REDIS_URL = process.env.ORIVA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const rules = { ...DEFAULT_RATE_LIMITS, events: { limit: 3, windowSeconds: 60 } };

function fakeLogger() {
  return { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Record<keyof RedisLogger, unknown>;
}

/** A one-route app that spends `cost` of the `events` window of app `subject` per request. */
function appWith(limiter: RateLimiter) {
  const app = new Hono();
  app.post('/:subject/:cost', async (c) => {
    await limiter.enforce(c, 'events', c.req.param('subject'), Number(c.req.param('cost')));
    return c.text('ok');
  });
  app.onError((error, c) => {
    if (!(error instanceof ApiError)) return c.text('surprise', 500);
    for (const [name, value] of Object.entries(error.options.headers ?? {})) c.header(name, value);
    return c.json({ code: error.code }, error.status);
  });
  return (subject: string, cost = 1) => app.request(`/${subject}/${cost}`, { method: 'POST' });
}

const opened: RedisRateLimiter[] = [];
async function limiter(options: { url?: string; keyPrefix: string; logger?: RedisLogger }) {
  const instance = new RedisRateLimiter({
    rules,
    redis: options.url ?? REDIS_URL,
    keyPrefix: options.keyPrefix,
    logger: options.logger ?? fakeLogger(),
  });
  opened.push(instance);
  if (!options.url) await whenReady(instance.client);
  return instance;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((instance) => instance.close()));
});

describe('RedisRateLimiter', () => {
  it('answers 429 with Retry-After and the RateLimit headers once the window is spent', async () => {
    const send = appWith(await limiter({ keyPrefix: `test:${randomUUID()}:` }));
    const first = await send('app_a');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('3;w=60');
    expect(first.headers.get('ratelimit')).toMatch(/^limit=3, remaining=2, reset=(60|59)$/);
    expect((await send('app_a', 2)).status).toBe(200);
    const refused = await send('app_a');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ code: 'rate_limited' });
    expect(refused.headers.get('ratelimit')).toMatch(/^limit=3, remaining=0, reset=\d+$/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Another subject has its own window; a request bigger than the whole limit is refused outright.
    expect((await send('app_b')).status).toBe(200);
    expect((await send('app_c', 4)).status).toBe(429);
    expect((await send('app_c', 3)).status).toBe(200);
  });

  it('shares one window between instances', async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const one = appWith(await limiter({ keyPrefix }));
    const two = appWith(await limiter({ keyPrefix }));
    expect((await one('app_a')).status).toBe(200);
    expect((await two('app_a')).status).toBe(200);
    expect((await one('app_a')).status).toBe(200);
    expect((await two('app_a')).status).toBe(429);
    expect((await one('app_a')).status).toBe(429);
  });

  it('counts concurrent requests exactly (the script is atomic)', async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const sends = [appWith(await limiter({ keyPrefix })), appWith(await limiter({ keyPrefix }))];
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => sends[i % 2]!('app_a')));
    expect(statuses.filter((response) => response.status === 200)).toHaveLength(3);
  });

  it('starts a new window when the old one expires', async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const instance = await limiter({ keyPrefix });
    const send = appWith(instance);
    for (let i = 0; i < 3; i++) await send('app_a');
    expect((await send('app_a')).status).toBe(429);
    await instance.client.pexpire('ratelimit:events:app_a', 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await send('app_a')).status).toBe(200);
  });

  it('lets requests through when Redis is unreachable, warning once per outage', async () => {
    const logger = fakeLogger();
    // Nothing listens on port 1: every command fails at once.
    const send = appWith(await limiter({ url: 'redis://127.0.0.1:1', keyPrefix: 'test:', logger }));
    for (let i = 0; i < 5; i++) {
      const response = await send('app_a');
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit')).toBeNull();
    }
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('lets requests through when Redis goes away mid-flight, and limits again when it is back', async () => {
    const logger = fakeLogger();
    const keyPrefix = `test:${randomUUID()}:`;
    const client = createRedisClient({ url: REDIS_URL, keyPrefix, offlineQueue: false });
    await whenReady(client);
    const instance = new RedisRateLimiter({ rules, redis: client, logger });
    const send = appWith(instance);
    expect((await send('app_a')).status).toBe(200);
    const back = new Promise((resolve) => client.once('ready', resolve));
    client.disconnect(true);
    expect((await send('app_a')).status).toBe(200);
    expect((await send('app_a')).status).toBe(200);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    await back;
    // The requests during the outage were not counted: two more fit the limit of 3.
    expect((await send('app_a')).status).toBe(200);
    expect((await send('app_a')).status).toBe(200);
    expect((await send('app_a')).status).toBe(429);
    expect(logger.info).toHaveBeenCalledTimes(1);
    await closeRedisClient(client);
  });
});
