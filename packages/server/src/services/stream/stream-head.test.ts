/**
 * The stream head kept in process, on two real PostgreSQL adapters sharing one schema (two instances),
 * each with its own Redis bus: never behind what its own instance committed, following the other
 * instance's commits over the bus, and over the database alone when there is no bus.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import { newId } from '../../ids.js';
import { openPostgresStorage, type PostgresStorage } from '../../storage/postgres/index.js';
import type { EventRecord } from '../../storage/types.js';
import { createRedisBus } from './redis-bus.js';
import { type StreamHead, trackStreamHead } from './stream-head.js';

const url = process.env.ORIVA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.ORIVA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const admin = new pg.Pool({ connectionString: url, max: 1 });
const at = '2025-09-30T10:00:00.000Z';
const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };
/** Long enough that no background read of the database happens during a test. */
const NEVER = 3_600_000;

const closers: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
afterAll(() => admin.end());

async function twoInstances(): Promise<[PostgresStorage, PostgresStorage]> {
  const schema = `oriva_t_${randomBytes(6).toString('hex')}`;
  const a = await openPostgresStorage({ url, schema, poolSize: 4 });
  const b = await openPostgresStorage({ url, schema, poolSize: 4 });
  closers.push(() => admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  closers.push(
    () => a.close(),
    () => b.close(),
  );
  await a.apps.create(
    { app_id: 'a1', name: 'a1', icon_url: null, undeclared_types: 'allow', created_at: at, updated_at: at },
    issueApiKey('a1', null, at).record,
  );
  return [a, b];
}

function track(head: StreamHead): StreamHead {
  closers.push(() => head.close());
  return head;
}

const event = (): EventRecord => ({
  id: newId('evt'),
  app_id: 'a1',
  user_id: 'user_1',
  event_category: 'test',
  event_type: 'tick',
  entity_type: 'thing',
  entity_id: 'thing_1',
  event_data: '{}',
  timestamp: at,
  ip_address: null,
  user_agent: null,
});

/** Inserts one event and answers its position (as the writer learns it: after the commit). */
async function publish(storage: PostgresStorage): Promise<number> {
  const record = event();
  await storage.events.insert([record]);
  return (record as EventRecord & { position: number }).position;
}

async function until(check: () => Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the stream head kept in process (PostgreSQL)', () => {
  it('is never behind what its own instance committed, with no database read after the first', async () => {
    const [a] = await twoInstances();
    let reads = 0;
    const head = track(
      trackStreamHead({
        read: () => {
          reads++;
          return a.events.head();
        },
        sources: [a.events.onCommitted],
        refreshMs: NEVER,
      }),
    );
    expect(await head.current()).toBe(0);
    // Concurrent publishes share group commits; each writer, once answered, finds the head at or past its event.
    const seen = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const position = await publish(a);
        return { position, head: await head.current() };
      }),
    );
    for (const { position, head: value } of seen) expect(value).toBeGreaterThanOrEqual(position);
    expect(await head.current()).toBe(await a.events.head());
    expect(reads).toBe(1);
  });

  it("follows another instance's commits over the Redis bus, and over the database when there is no bus", async () => {
    const [a, b] = await twoInstances();
    const prefix = `test-head-${randomBytes(4).toString('hex')}:`;
    const busOf = (storage: PostgresStorage) => {
      const bus = createRedisBus({
        url: redisUrl,
        keyPrefix: prefix,
        logger: quietLogger,
        headPosition: () => storage.events.head(),
        fetchAfter: (position, limit) => storage.events.committedAfter(position, limit),
      });
      const stop = storage.events.onCommitted((events) => bus.publish(events));
      closers.push(() => bus.close(), stop);
      return bus;
    };
    const [busA, busB] = [busOf(a), busOf(b)];
    await Promise.all([busA.ready(), busB.ready()]);
    const overBus = track(
      trackStreamHead({
        read: () => b.events.head(),
        sources: [b.events.onCommitted, (listener) => busB.subscribe(listener)],
        refreshMs: NEVER,
      }),
    );
    const withoutBus = track(
      trackStreamHead({ read: () => b.events.head(), sources: [b.events.onCommitted], refreshMs: 50 }),
    );
    await overBus.current();
    await withoutBus.current();

    const position = await publish(a);
    await until(async () => (await overBus.current()) >= position);
    await until(async () => (await withoutBus.current()) >= position);
    // And B's own commit after it raises B's head at once.
    const own = await publish(b);
    expect(own).toBeGreaterThan(position);
    expect(await overBus.current()).toBeGreaterThanOrEqual(own);
  });
});
