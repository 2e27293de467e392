import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../../auth/principal.js';
import { ApiError } from '../../core/errors.js';
import { type RedisLogger, whenReady } from '../../redis/connect.js';
import { MemoryConnectionCounter, MemoryTicketStore } from './coordination.js';
import { RedisConnectionCounter, RedisTicketStore } from './coordination-redis.js';

const REDIS_URL = process.env.ORIVA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function fakeLogger() {
  return { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Record<keyof RedisLogger, unknown>;
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function tickets(keyPrefix: string, ttlMs?: number) {
  const store = new RedisTicketStore({ redis: REDIS_URL, keyPrefix, ...(ttlMs ? { ttlMs } : {}) });
  closers.push(() => store.close());
  await whenReady(store.client);
  return store;
}

async function counter(keyPrefix: string, entryTtlMs = 60_000, logger: RedisLogger = fakeLogger()) {
  const instance = new RedisConnectionCounter({ redis: REDIS_URL, keyPrefix, entryTtlMs, logger });
  closers.push(() => instance.close());
  await whenReady(instance.client);
  return instance;
}

const hugo: Principal = { kind: 'user', userId: 'hugo' };

describe('RedisTicketStore', () => {
  it('redeems a ticket issued on another instance exactly once', async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const [a, b] = [await tickets(keyPrefix), await tickets(keyPrefix)];
    const issued = await a.issue(hugo);
    expect(issued.ticket).toMatch(/^tkt_[\w-]{32}$/);
    expect(issued.expiresAt).toBeGreaterThan(Date.now() + 25_000);
    const [first, second] = await Promise.all([b.redeem(issued.ticket), a.redeem(issued.ticket)]);
    expect([first, second].filter(Boolean)).toEqual([hugo]);
    expect(await b.redeem(issued.ticket)).toBeUndefined();
    expect(await b.redeem('tkt_unknown')).toBeUndefined();
  });

  it('does not redeem an expired ticket', async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const store = await tickets(keyPrefix, 50);
    const { ticket } = await store.issue({ kind: 'app', appId: 'app_a', keyId: 'key_1' });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await store.redeem(ticket)).toBeUndefined();
  });

  it('keeps no ticket in clear in Redis', async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const store = await tickets(keyPrefix);
    const { ticket } = await store.issue(hugo);
    const keys = await store.client.keys(`${keyPrefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain(ticket.slice(4));
  });

  it('answers a retryable 503 when Redis is unreachable', async () => {
    const store = new RedisTicketStore({ redis: 'redis://127.0.0.1:1', logger: fakeLogger() });
    closers.push(() => store.close());
    await expect(store.issue(hugo)).rejects.toMatchObject({ status: 503, code: 'stream_unavailable' });
    await expect(store.redeem('tkt_x')).rejects.toBeInstanceOf(ApiError);
  });
});

describe('RedisConnectionCounter', () => {
  it('refuses the 11th connection of a user across instances, and a release frees a place', async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const [a, b] = [await counter(keyPrefix), await counter(keyPrefix)];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).acquire('hugo', `conn_${i}`)),
    );
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(await a.acquire('hugo', 'conn_late')).toBe(false);
    // Another user has places of their own; a connection that holds a place keeps it.
    expect(await b.acquire('ida', 'conn_0')).toBe(true);
    const holder = `conn_${results.indexOf(true)}`;
    expect(await a.acquire('hugo', holder)).toBe(true);
    await b.release('hugo', holder);
    expect(await a.acquire('hugo', 'conn_late')).toBe(true);
    expect(await b.acquire('hugo', 'conn_later')).toBe(false);
  });

  it("frees the places of an instance that stops refreshing, and keeps the refreshed ones'", async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const ttl = 300;
    const [alive, crashed] = [await counter(keyPrefix, ttl), await counter(keyPrefix, ttl)];
    const held = Array.from({ length: 5 }, (_, i) => ({ userId: 'hugo', connectionId: `alive_${i}` }));
    for (const { connectionId } of held) expect(await alive.acquire('hugo', connectionId)).toBe(true);
    for (let i = 0; i < 5; i++) expect(await crashed.acquire('hugo', `crashed_${i}`)).toBe(true);
    expect(await alive.acquire('hugo', 'new')).toBe(false);
    // Only `alive` keeps its places, over more than one TTL.
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, ttl / 3));
      await alive.refresh(held);
    }
    const admitted = await Promise.all(Array.from({ length: 6 }, (_, i) => alive.acquire('hugo', `new_${i}`)));
    expect(admitted.filter(Boolean)).toHaveLength(5);
  });

  it('admits when Redis is unreachable, warning once', async () => {
    const logger = fakeLogger();
    const instance = new RedisConnectionCounter({ redis: 'redis://127.0.0.1:1', logger, entryTtlMs: 1000 });
    closers.push(() => instance.close());
    for (let i = 0; i < 12; i++) expect(await instance.acquire('hugo', `conn_${i}`)).toBe(true);
    await instance.refresh([{ userId: 'hugo', connectionId: 'conn_0' }]);
    await instance.release('hugo', 'conn_0');
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});

describe('in-memory coordination', () => {
  it('redeems a ticket once and limits a user to 10 places', async () => {
    const store = new MemoryTicketStore();
    const { ticket } = await store.issue(hugo);
    expect(await store.redeem(ticket)).toEqual(hugo);
    expect(await store.redeem(ticket)).toBeUndefined();
    const places = new MemoryConnectionCounter();
    for (let i = 0; i < 10; i++) expect(await places.acquire('hugo', `conn_${i}`)).toBe(true);
    expect(await places.acquire('hugo', 'conn_10')).toBe(false);
    await places.release('hugo', 'conn_3');
    expect(await places.acquire('hugo', 'conn_10')).toBe(true);
  });
});
