import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import { newId } from '../../ids.js';
import { describeStorageContract } from '../contract/index.js';
import { created, later, notification, webhookRecord } from '../contract/records.test-support.js';
import type { EventRecord, WebhookRecord } from '../types.js';
import { createPool, isoTimestamp } from './db.js';
import { openPostgresStorage, type PostgresStorage } from './index.js';
import { migrations } from './migrations/index.js';

const url = process.env.ORIVA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Pool({ connectionString: url, max: 2 });
const schemas = new Set<string>();
afterAll(async () => {
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

const freshSchema = () => {
  const schema = `oriva_t_${randomBytes(6).toString('hex')}`;
  schemas.add(schema);
  return schema;
};
/** A store on a fresh schema, dropped (CASCADE) when the store closes. */
const schemaOf = new WeakMap<object, string>();
const openFresh = async (schema = freshSchema(), poolSize = 5): Promise<PostgresStorage> => {
  const storage = await openPostgresStorage({ url, schema, poolSize });
  schemaOf.set(storage, schema);
  const close = storage.close;
  return Object.assign(storage, {
    close: async () => {
      await close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      schemas.delete(schema);
    },
  });
};

describeStorageContract('postgres', () => openFresh());

const at = '2025-09-30T10:00:00.000Z';
const event = (appId: string, overrides: Partial<EventRecord> = {}): EventRecord => ({
  id: newId('evt'),
  app_id: appId,
  user_id: 'user_1',
  event_category: 'notification',
  event_type: 'dismissed',
  entity_type: 'notification',
  entity_id: 'n1',
  event_data: '{}',
  timestamp: at,
  ip_address: null,
  user_agent: null,
  ...overrides,
});
const webhook = (appId: string, overrides: Partial<WebhookRecord> = {}) =>
  webhookRecord(at, { app_id: appId, ...overrides });
const createApp = (storage: PostgresStorage, appId: string) =>
  storage.apps.create(
    { app_id: appId, name: appId, icon_url: null, undeclared_types: 'allow', created_at: at, updated_at: at },
    issueApiKey(appId, null, at).record,
  );

describe('postgres adapter', () => {
  const open: PostgresStorage[] = [];
  afterEach(async () => {
    // The first store of a shared schema drops it; the others only close their pools.
    for (const storage of open.splice(0).reverse()) await storage.close();
  });
  const track = <T extends PostgresStorage>(storage: T) => {
    open.push(storage);
    return storage;
  };
  const shared = async (schema: string) => track(await openPostgresStorage({ url, schema, poolSize: 5 }));

  it('migrates one fresh schema from three adapters at once', async () => {
    const schema = freshSchema();
    const stores = await Promise.all([shared(schema), shared(schema), shared(schema)]);
    const { rows } = await admin.query(`SELECT version FROM ${schema}.schema_migrations`);
    // Each migration recorded once, whichever adapter applied it.
    expect(rows.map((row) => row.version)).toEqual(migrations.map((migration) => migration.version));
    await createApp(stores[0]!, 'a1');
    expect(await stores[2]!.apps.get('a1')).toMatchObject({ app_id: 'a1', created_at: at });
  });

  it('gives two adapters claiming concurrently disjoint deliveries, and a lapsed lease makes one due again', async () => {
    const schema = freshSchema();
    const [one, two] = [await shared(schema), await shared(schema)];
    await createApp(one, 'a1');
    const hooks = [webhook('a1'), webhook('a1'), webhook('a1')];
    for (const hook of hooks) await one.webhooks.create(hook);
    await one.events.insert(Array.from({ length: 40 }, () => event('a1')));
    expect(await one.deliveries.countPending()).toBe(120);

    const now = '2025-09-30T10:00:01.000Z';
    const lease = '2025-09-30T10:01:00.000Z';
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, index) => (index % 2 ? one : two).deliveries.claim(now, 25, lease, 100, new Map())),
    );
    const ids = claims.flat().map((claim) => claim.delivery.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(0);
    // Claiming on until nothing is left hands out every delivery exactly once.
    for (;;) {
      const more = await Promise.all([
        one.deliveries.claim(now, 25, lease, 100, new Map()),
        two.deliveries.claim(now, 25, lease, 100, new Map()),
      ]);
      if (more.flat().length === 0) break;
      ids.push(...more.flat().map((claim) => claim.delivery.id));
    }
    expect(new Set(ids).size).toBe(120);
    expect(ids).toHaveLength(120);
    expect(await one.deliveries.claim(now, 10, lease, 100, new Map())).toEqual([]);

    // The lease lapses (a crashed worker): due again, to one claimant.
    const later = '2025-09-30T10:01:00.001Z';
    const [first, second] = await Promise.all([
      one.deliveries.claim(later, 200, '2025-09-30T10:02:00.000Z', 100, new Map()),
      two.deliveries.claim(later, 200, '2025-09-30T10:02:00.000Z', 100, new Map()),
    ]);
    expect(first!.length + second!.length).toBe(120);
    const again = [...first!, ...second!].map((claim) => claim.delivery.id);
    expect(new Set(again).size).toBe(120);
    expect(first![0]?.delivery.locked_until ?? second![0]!.delivery.locked_until).toBe('2025-09-30T10:02:00.000Z');
  });

  it('respects each webhook share and what is in flight', async () => {
    const storage = track(await openFresh());
    await createApp(storage, 'a1');
    const [h1, h2] = [webhook('a1'), webhook('a1')];
    await storage.webhooks.create(h1);
    await storage.webhooks.create(h2);
    await storage.events.insert(Array.from({ length: 5 }, () => event('a1')));
    const claimed = await storage.deliveries.claim(at, 100, '2025-09-30T10:01:00.000Z', 3, new Map([[h1.id, 2]]));
    const per = (id: string) => claimed.filter((claim) => claim.webhook.id === id).length;
    expect([per(h1.id), per(h2.id)]).toEqual([1, 3]);
    expect(claimed[0]!.webhook).toMatchObject({ subscribed_events: ['*'], is_active: true });
  });

  it('commits positions in order: a reader polling committedEventsAfter never skips an event', async () => {
    const schema = freshSchema();
    const stores = [await shared(schema), await shared(schema), await shared(schema)];
    const [storage] = stores as [PostgresStorage];
    await createApp(storage, 'a1');
    let done = false;
    const seen: number[] = [];
    const poll = (async () => {
      let cursor = 0;
      while (!done || cursor < (await storage.events.head())) {
        const page = await storage.events.committedAfter(cursor, 1000);
        for (const stored of page) {
          seen.push(stored.position);
          cursor = stored.position;
        }
      }
    })();
    const heard = stores.map(() => [] as number[]);
    const stops = stores.map((store, index) =>
      store.events.onCommitted((events) => heard[index]!.push(...events.map((item) => item.position))),
    );
    // Three instances, several writers each, on many connections: plain inserts (group-committed)
    // and inserts with notification syncs (a transaction each).
    await Promise.all(
      stores.flatMap((store) =>
        Array.from({ length: 5 }, async (_, writer) => {
          for (let batch = 0; batch < 12; batch++) {
            const events = Array.from({ length: 1 + ((writer + batch) % 3) }, () =>
              event('a1', { entity_id: `w${writer}` }),
            );
            await (batch % 2
              ? store.events.insert(events)
              : store.events.insert(events, [
                  { app_id: 'a1', external_id: 'none', user_id: null, decide: () => undefined },
                ]));
          }
        }),
      ),
    );
    done = true;
    await poll;
    for (const stop of stops) stop();
    const stored = await storage.events.committedAfter(0, 10_000);
    expect(stored).toHaveLength(stores.length * 5 * 12 * 2);
    // Everything stored was seen by the poller, and nothing it saw later had a smaller position.
    expect(seen).toEqual(stored.map((item) => item.position));
    // Each instance's listeners heard its own commits, in position order.
    for (const positions of heard) expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(heard.flat().sort((a, b) => a - b)).toEqual(stored.map((item) => item.position));
  });

  it('makes monthly partitions ahead, and retention drops whole old months', async () => {
    const storage = track(await openFresh());
    const partitions = async () =>
      (
        await admin.query<{ name: string }>(
          `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = $1::regclass ORDER BY 1`,
          [`${schemaOf.get(storage)}.platform_events`],
        )
      ).rows.map((row) => row.name);
    const now = new Date();
    const month = (offset: number) => {
      const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
      return `platform_events_p${date.getUTCFullYear()}_${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    expect(await partitions()).toEqual(
      expect.arrayContaining([month(-1), month(0), month(1), month(2), month(3), 'platform_events_default']),
    );

    await createApp(storage, 'a1');
    // Events of 2025-08 and 2025-09 land in the default partition; making those months moves them.
    await storage.events.insert([
      event('a1', { timestamp: '2025-08-10T00:00:00.000Z' }),
      event('a1', { timestamp: '2025-08-20T00:00:00.000Z' }),
      event('a1', { timestamp: '2025-09-10T00:00:00.000Z' }),
      event('a1', { timestamp: '2025-06-01T00:00:00.000Z' }),
    ]);
    expect(await storage.ensurePartitions(new Date('2025-09-15T00:00:00.000Z'))).toEqual([
      'platform_events_p2025_08',
      'platform_events_p2025_09',
      'platform_events_p2025_10',
      'platform_events_p2025_11',
      'platform_events_p2025_12',
    ]);
    expect(await storage.ensurePartitions(new Date('2025-09-15T00:00:00.000Z'))).toEqual([]);
    const { rows } = await admin.query(
      `SELECT COUNT(*)::int AS n FROM ${schemaOf.get(storage)}.platform_events_p2025_08`,
    );
    expect(rows[0].n).toBe(2);

    expect(await storage.jobs.pruneBefore('2025-09-01T00:00:00.000Z', 10)).toEqual({
      events: 3,
      deliveries: 0,
      partitionsDropped: 1,
    });
    expect(await partitions()).not.toContain('platform_events_p2025_08');
    const left = await storage.events.committedAfter(0, 100);
    expect(left.map((item) => item.timestamp)).toEqual(['2025-09-10T00:00:00.000Z']);
  });

  it('marks pages served at once delivered in one transaction, and a failing mark fails alone', async () => {
    const storage = track(await openFresh());
    await createApp(storage, 'a1');
    const users = ['user_1', 'user_2', 'user_3', 'user_4'];
    const records = [...users, 'user_5'].flatMap((user_id) => [notification({ user_id }), notification({ user_id })]);
    for (const record of records) await storage.notifications.create(record, created(record));
    const idsOf = (user: string) => records.filter((record) => record.user_id === user).map((record) => record.id);

    // Four readers at once, user_3 twice (two tabs), and one mark whose time PostgreSQL refuses.
    const results = await Promise.allSettled([
      ...users.map((user, i) => storage.notifications.markDelivered(user, idsOf(user), later(1 + i))),
      storage.notifications.markDelivered('user_3', idsOf('user_3'), later(9)),
      storage.notifications.markDelivered('user_5', idsOf('user_5'), 'not a time'),
    ]);
    expect(results.slice(0, 5).map((result) => result.status)).toEqual(Array(5).fill('fulfilled'));
    expect(results[5]!.status).toBe('rejected');
    for (const [i, user] of users.entries()) {
      const stored = (results[i] as PromiseFulfilledResult<Map<string, string>>).value;
      expect(stored).toEqual(new Map(idsOf(user).map((id) => [id, later(1 + i)])));
    }
    // The second tab of user_3 learns the first delivery, not its own time.
    expect((results[4] as PromiseFulfilledResult<Map<string, string>>).value).toEqual(
      new Map(idsOf('user_3').map((id) => [id, later(3)])),
    );
    for (const user of users) {
      for (const id of idsOf(user)) expect((await storage.notifications.get(id))?.delivered_at).not.toBeNull();
    }
    for (const id of idsOf('user_5')) expect((await storage.notifications.get(id))?.delivered_at).toBeNull();
  });

  it('runs an exclusive job on one holder at a time', async () => {
    const schema = freshSchema();
    const [one, two] = [await shared(schema), await shared(schema)];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = one.jobs.runExclusive('sweep', async () => {
      await held;
      return 'one';
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await two.jobs.runExclusive('sweep', async () => 'two')).toEqual({ ran: false });
    expect(await two.jobs.runExclusive('other', async () => 'other')).toEqual({ ran: true, value: 'other' });
    release();
    expect(await first).toEqual({ ran: true, value: 'one' });
    expect(await two.jobs.runExclusive('sweep', async () => 'two')).toEqual({ ran: true, value: 'two' });
  });

  it('prepares parameterised statements by name, unless told not to (poolers in transaction mode)', async () => {
    const prepared = async (preparedStatements: boolean) => {
      const pool = createPool({ url, schema: 'public', poolSize: 2, preparedStatements });
      try {
        const client = await pool.connect();
        try {
          await client.query('SELECT $1::int AS one', [1]);
          const { rows } = await client.query<{ name: string }>('SELECT name FROM pg_prepared_statements');
          return rows.map((row) => row.name);
        } finally {
          client.release();
        }
      } finally {
        await pool.end();
      }
    };
    expect(await prepared(true)).toEqual([expect.stringMatching(/^oriva_\d+$/)]);
    expect(await prepared(false)).toEqual([]);
  });

  it('turns every form PostgreSQL prints a UTC timestamp in into ISO-8601 with milliseconds', async () => {
    expect(isoTimestamp('2025-09-30 10:00:00+00')).toBe('2025-09-30T10:00:00.000Z');
    expect(isoTimestamp('2025-09-30 10:00:00.1+00')).toBe('2025-09-30T10:00:00.100Z');
    expect(isoTimestamp('2025-09-30 10:00:00.123456+00')).toBe('2025-09-30T10:00:00.123Z');
    // Other offsets take the general path.
    expect(isoTimestamp('2025-09-30 12:00:00.5+02')).toBe('2025-09-30T10:00:00.500Z');
    // And so does what the server itself prints, checked against the general parser.
    const client = await admin.connect();
    try {
      await client.query('SET TimeZone = UTC');
      const { rows } = await client.query<{ t: string }>(
        `SELECT t::text FROM unnest(ARRAY['2025-01-02 03:04:05.678901+00', '1999-12-31 23:59:59+00',
           '2030-06-15 00:00:00.05+00']::timestamptz[]) AS t`,
      );
      expect(rows.map((r) => isoTimestamp(r.t))).toEqual([
        '2025-01-02T03:04:05.678Z',
        '1999-12-31T23:59:59.000Z',
        '2030-06-15T00:00:00.050Z',
      ]);
    } finally {
      client.release(true);
    }
  });

  it('reads back times as ISO-8601 UTC with milliseconds', async () => {
    const storage = track(await openFresh());
    await createApp(storage, 'a1');
    await storage.events.insert([event('a1', { timestamp: '2025-09-30T10:00:00.120Z' })]);
    const [stored] = await storage.events.committedAfter(0, 1);
    expect(stored!.timestamp).toBe('2025-09-30T10:00:00.120Z');
    expect(await storage.notifications.feedVersion('user_1')).toBeUndefined();
  });
});
