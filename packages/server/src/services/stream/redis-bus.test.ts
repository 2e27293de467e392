import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeRedisClient, createRedisClient, type RedisLogger, whenReady } from '../../redis/connect.js';
import type { StoredEvent } from '../../storage/types.js';
import { createRedisBus, type RedisBusOptions, type RedisEventBus } from './redis-bus.js';

const REDIS_URL = process.env.ORIVA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function fakeLogger() {
  return { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Record<keyof RedisLogger, unknown>;
}

function event(position: number): StoredEvent {
  return {
    id: `evt_${String(position).padStart(26, '0')}`,
    app_id: 'app_a',
    user_id: 'user_a',
    event_category: 'test',
    event_type: 'tick',
    entity_type: 'thing',
    entity_id: `thing_${position}`,
    event_data: JSON.stringify({ position }),
    timestamp: new Date(0).toISOString(),
    ip_address: null,
    user_agent: null,
    position,
  } as StoredEvent;
}

/** The database the instances share: committed events in position order. */
class FakeStorage {
  readonly events: StoredEvent[] = [];
  fetches = 0;
  commit(...positions: number[]): StoredEvent[] {
    const added = positions.map(event);
    this.events.push(...added);
    return added;
  }
  headPosition = async () => this.events.at(-1)?.position ?? 0;
  fetchAfter = async (position: number, limit: number) => {
    this.fetches++;
    return this.events.filter((stored) => stored.position > position).slice(0, limit);
  };
}

const buses: RedisEventBus[] = [];
function bus(storage: FakeStorage, channel: string, options: Partial<RedisBusOptions> = {}) {
  const instance = createRedisBus({
    url: REDIS_URL,
    keyPrefix: 'test:',
    channel,
    logger: fakeLogger(),
    headPosition: storage.headPosition,
    fetchAfter: storage.fetchAfter,
    catchUpIntervalMs: 0,
    ...options,
  });
  buses.push(instance);
  const received: number[] = [];
  instance.subscribe((events) => received.push(...events.map((stored) => stored.position)));
  return { bus: instance, received };
}

/** Publishes raw messages on the channel, as an instance would, in a chosen order. */
async function rawPublisher(channel: string) {
  const client = createRedisClient({ url: REDIS_URL });
  await whenReady(client);
  return {
    send: (...positions: number[]) =>
      client.publish(`test:${channel}`, JSON.stringify({ events: positions.map(event) })),
    close: () => closeRedisClient(client),
  };
}

async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterEach(async () => {
  await Promise.all(buses.splice(0).map((instance) => instance.close()));
});

describe('createRedisBus', () => {
  it('hands events published on one instance to the listeners of every instance, in order', async () => {
    const storage = new FakeStorage();
    storage.commit(1, 2);
    const channel = randomUUID();
    const a = bus(storage, channel);
    const b = bus(storage, channel);
    await Promise.all([a.bus.ready(), b.bus.ready()]);
    // Both started at the head (2): nothing older is handed on.
    a.bus.publish(storage.commit(3, 4));
    b.bus.publish(storage.commit(5));
    a.bus.publish(storage.commit(6));
    await until(() => a.received.length === 4 && b.received.length === 4);
    expect(a.received).toEqual([3, 4, 5, 6]);
    expect(b.received).toEqual([3, 4, 5, 6]);
    expect(a.bus.position).toBe(6);
  });

  it('fills skipped positions from storage and keeps order when messages arrive out of order', async () => {
    const storage = new FakeStorage();
    const channel = randomUUID();
    const { bus: instance, received } = bus(storage, channel);
    await instance.ready();
    const raw = await rawPublisher(channel);
    storage.commit(1, 2, 3);
    await raw.send(3);
    await until(() => received.length === 3);
    storage.commit(4, 5);
    await raw.send(5);
    await raw.send(4);
    await raw.send(1, 2);
    // A rolled-back transaction skipped 7: one read shows there is nothing to wait for.
    storage.commit(6, 8);
    await raw.send(6);
    await raw.send(8);
    storage.commit(9);
    await raw.send(9);
    await until(() => received.at(-1) === 9);
    expect(received).toEqual([1, 2, 3, 4, 5, 6, 8, 9]);
    expect(storage.fetches).toBe(3);
    await raw.close();
  });

  it('drops duplicates', async () => {
    const storage = new FakeStorage();
    const channel = randomUUID();
    const { bus: instance, received } = bus(storage, channel);
    await instance.ready();
    const raw = await rawPublisher(channel);
    const [first, second] = storage.commit(1, 2);
    instance.publish([first!]);
    instance.publish([first!]);
    instance.publish([first!, second!]);
    await raw.send(2, 1, 2);
    storage.commit(3);
    await raw.send(3);
    await until(() => received.at(-1) === 3);
    expect(received).toEqual([1, 2, 3]);
    await raw.close();
  });

  it('delivers by catch-up when a publish cannot reach Redis', async () => {
    const storage = new FakeStorage();
    const channel = randomUUID();
    // This instance's Redis is unreachable: its publish fails and it catches up from storage at once.
    const logger = fakeLogger();
    const offline = bus(storage, channel, { url: 'redis://127.0.0.1:1', logger });
    // This one hears nothing on the channel and finds the events with its periodic catch-up.
    const online = bus(storage, channel, { catchUpIntervalMs: 100 });
    await online.bus.ready();
    await until(() => offline.bus.position === 0);
    offline.bus.publish(storage.commit(1, 2));
    await until(() => offline.received.length === 2 && online.received.length === 2);
    expect(offline.received).toEqual([1, 2]);
    expect(online.received).toEqual([1, 2]);
    expect(logger.warn.mock.calls.some((call) => String(call.at(-1)).includes('cannot publish'))).toBe(true);
  });

  it('catches up after its subscription reconnects', async () => {
    const storage = new FakeStorage();
    const channel = randomUUID();
    const name = randomUUID();
    const listener = bus(storage, channel, { name });
    const publisher = bus(storage, channel);
    await Promise.all([listener.bus.ready(), publisher.bus.ready()]);
    publisher.bus.publish(storage.commit(1));
    await until(() => listener.received.length === 1);

    const admin = createRedisClient({ url: REDIS_URL });
    const clients = (await admin.client('LIST')) as string;
    const id = clients
      .split('\n')
      .find((line) => line.includes(`name=oriva-bus-sub-${name} `))
      ?.match(/^id=(\d+)/)?.[1];
    expect(id).toBeDefined();
    await admin.client('KILL', 'ID', id!);
    // Published while the listener is away: the message is lost, storage has the event.
    publisher.bus.publish(storage.commit(2));
    await until(() => publisher.received.length === 2);
    await until(() => listener.received.length === 2);
    expect(listener.received).toEqual([1, 2]);
    publisher.bus.publish(storage.commit(3));
    await until(() => listener.received.length === 3);
    expect(listener.received).toEqual([1, 2, 3]);
    await closeRedisClient(admin);
  });
});
