import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeRedisClient, createRedisClient, type RedisLogger } from '../redis/connect.js';
import { cuttableLink } from '../testing/cuttable-link.js';
import type { FeedCacheLookup, FeedCacheTicket } from './feed-cache.js';
import { RedisFeedCache } from './redis-feed-cache.js';

const REDIS_URL = process.env.ORIVA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NOW = '2026-01-01T00:00:00.000Z';
const LATER = '2026-01-01T00:05:00.000Z';

function quietLogger(): RedisLogger {
  return { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close()));
});

/** A cache that has made its start-up reset, so it reads and stores. */
async function cache(keyPrefix: string, url = REDIS_URL, resetRetryMs = 50) {
  const instance = new RedisFeedCache({ redis: url, keyPrefix, logger: quietLogger(), resetRetryMs });
  opened.push(instance);
  await usable(instance);
  return instance;
}

async function usable(instance: RedisFeedCache) {
  const deadline = Date.now() + 10_000;
  while ((await instance.lookup('probe', 'probe', NOW)).result === 'error') {
    if (Date.now() > deadline) throw new Error('the cache never became usable');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function ticketOf(lookup: FeedCacheLookup): FeedCacheTicket {
  if (lookup.result !== 'miss' || !lookup.ticket)
    throw new Error(`expected a miss with a ticket, got ${lookup.result}`);
  return lookup.ticket;
}

describe('RedisFeedCache', () => {
  it('serves what was stored until the user’s feed is touched, on every instance', async () => {
    const prefix = `test:${randomUUID()}:`;
    const [a, b] = [await cache(prefix), await cache(prefix)];
    await a.store(ticketOf(await a.lookup('u1', 'page', NOW)), 'page one', undefined);
    expect(await b.lookup('u1', 'page', NOW)).toEqual({ result: 'hit', body: 'page one' });
    expect((await b.lookup('u2', 'page', NOW)).result).toBe('miss');
    expect((await b.lookup('u1', 'other', NOW)).result).toBe('miss');

    await b.touch(['u1']);
    expect((await a.lookup('u1', 'page', NOW)).result).toBe('miss');
  });

  it('never serves a page read before a write, even when it is stored after the write’s bump', async () => {
    const prefix = `test:${randomUUID()}:`;
    const [reader, writer] = [await cache(prefix), await cache(prefix)];
    const before = ticketOf(await reader.lookup('u1', 'page', NOW));
    await writer.touch(['u1']);
    await reader.store(before, 'stale page', undefined);
    // Not even written: the version it was read at is gone.
    const raw = createRedisClient({ url: REDIS_URL, keyPrefix: prefix });
    opened.push({ close: () => closeRedisClient(raw) });
    expect(await raw.exists('feed:{u1}:e:page')).toBe(0);
    expect((await reader.lookup('u1', 'page', NOW)).result).toBe('miss');
    // A reader that started after the bump may fill it.
    await reader.store(ticketOf(await reader.lookup('u1', 'page', NOW)), 'fresh page', undefined);
    expect(await writer.lookup('u1', 'page', NOW)).toEqual({ result: 'hit', body: 'fresh page' });
  });

  it('retires an entry at its next expiry, and every user’s entries when every feed is touched', async () => {
    const prefix = `test:${randomUUID()}:`;
    const instance = await cache(prefix);
    const validUntil = new Date(Date.now() + 60_000).toISOString();
    const now = new Date().toISOString();
    await instance.store(ticketOf(await instance.lookup('u1', 'page', now)), 'expiring', validUntil);
    expect((await instance.lookup('u1', 'page', now)).result).toBe('hit');
    expect((await instance.lookup('u1', 'page', validUntil)).result).toBe('miss');

    await instance.store(ticketOf(await instance.lookup('u2', 'page', NOW)), 'page', undefined);
    await instance.touchAll();
    expect((await instance.lookup('u2', 'page', NOW)).result).toBe('miss');
    // Nothing already expired is ever stored.
    await instance.store(ticketOf(await instance.lookup('u3', 'page', NOW)), 'gone', NOW);
    expect((await instance.lookup('u3', 'page', NOW)).result).toBe('miss');
  });

  it('never matches an old entry again once a version key is lost (evicted, or Redis restarted half-way)', async () => {
    const prefix = `test:${randomUUID()}:`;
    const instance = await cache(prefix);
    await instance.store(ticketOf(await instance.lookup('u1', 'page', NOW)), 'old page', undefined);
    const raw = createRedisClient({ url: REDIS_URL, keyPrefix: prefix });
    opened.push({ close: () => closeRedisClient(raw) });
    for (let round = 0; round < 5; round++) {
      await raw.del('feed:{u1}:v');
      expect((await instance.lookup('u1', 'page', LATER)).result).toBe('miss');
      await raw.del('feed:all');
      expect((await instance.lookup('u1', 'page', LATER)).result).toBe('miss');
    }
  });

  it('degrades to the database while Redis is out of reach, and invalidates everything before using it again', async () => {
    const prefix = `test:${randomUUID()}:`;
    const link = await cuttableLink(new URL(REDIS_URL), 6379);
    const cut = await cache(prefix, `redis://127.0.0.1:${link.port}`);
    const other = await cache(prefix);
    await other.store(ticketOf(await other.lookup('u1', 'page', NOW)), 'page before the write', undefined);
    expect((await cut.lookup('u1', 'page', NOW)).result).toBe('hit');

    link.cut();
    // The write commits while this instance cannot reach Redis: its bump fails, quietly.
    await expect(cut.touch(['u1'])).resolves.toBeUndefined();
    expect(await cut.lookup('u1', 'page', NOW)).toEqual({ result: 'error' });
    await expect(cut.store({ userId: 'u1', key: 'page', version: 'x' }, 'body', undefined)).resolves.toBeUndefined();

    await link.restore();
    await usable(cut);
    // Its first act on reconnecting was to invalidate every feed, so the page it could not retire is gone.
    expect((await other.lookup('u1', 'page', NOW)).result).toBe('miss');
    expect((await cut.lookup('u1', 'page', NOW)).result).toBe('miss');
  });
});
