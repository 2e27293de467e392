/**
 * The feed cache shared through Redis by two instances on one PostgreSQL: every read, on either
 * instance, reflects every write answered before it (on either instance), the hit counters move, and
 * a Redis restart degrades to the database without an error or a stale page.
 */
import { mintUserToken } from '@oriva/server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  api,
  type Instance,
  JWT_SECRET,
  sleep,
  startPrivateRedis,
  startTwoInstancesWithApp,
  waitFor,
} from './cluster.test-support.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface FeedItem {
  id: string;
  status: string;
  app_name: string;
}
interface Feed {
  notifications: FeedItem[];
  unread_count: number;
  muted_unread_count: number;
}

const USER = 'user_cached';

async function twoInstances(extraEnv: Record<string, string> = {}) {
  const { a, b, appKey } = await startTwoInstancesWithApp(cleanups, extraEnv);
  const userToken = await mintUserToken({ secret: JWT_SECRET, userId: USER });
  let counter = 0;
  return {
    a,
    b,
    appKey,
    /** Creates a notification for the user through `on`, answered 201. */
    notify: async (on: Instance, extra: Record<string, unknown> = {}) => {
      const response = await api(on.url, appKey)<{ notification_id: string }>(
        'POST',
        '/apps/work-buddy/notifications',
        {
          user_id: USER,
          notification_type: 'update',
          title: `Hello ${counter}`,
          external_id: `n_${counter++}`,
          ...extra,
        },
      );
      expect(response.status).toBe(201);
      return { id: response.body.notification_id, external_id: `n_${counter - 1}` };
    },
    /** The user's own calls through `on`. */
    asUser: (on: Instance) => api(on.url, userToken),
    feed: async (on: Instance, query = '') => {
      const response = await api(on.url, userToken)<Feed>('GET', `/users/${USER}/notifications${query}`);
      expect(response.status).toBe(200);
      return response.body;
    },
    unread: async (on: Instance) => {
      const response = await api(on.url, userToken)<{ unread_count: number }>(
        'GET',
        `/users/${USER}/notifications/unread-count`,
      );
      expect(response.status).toBe(200);
      return response.body.unread_count;
    },
  };
}

/** `oriva_cache_requests_total` of one instance, as "cache:result" → count. */
async function cacheCounts(on: Instance): Promise<Map<string, number>> {
  const text = await (await fetch(`${on.url}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/^oriva_cache_requests_total\{cache="(\w+)",result="(\w+)"\} (\S+)$/gm)) {
    counts.set(`${match[1]}:${match[2]}`, Number(match[3]));
  }
  return counts;
}

describe('the feed cache on two instances sharing Redis', () => {
  it('reflects on each instance every write answered on the other, and serves hits across instances', async () => {
    const { a, b, appKey, notify, asUser, feed, unread } = await twoInstances();
    /** Reads on both instances, twice, so each has a current entry that the next write must retire. */
    const warm = async () => {
      for (const on of [a, b, a, b]) {
        await feed(on);
        await unread(on);
      }
    };
    const ids = (page: Feed) => page.notifications.map((item) => item.id);

    await warm();
    const first = await notify(a);
    expect(ids(await feed(b))).toEqual([first.id]);
    expect(await unread(b)).toBe(1);

    // A hit on B for a page A stored: read twice on A (the first read delivers, the second stores).
    await feed(a);
    await feed(a);
    const before = await cacheCounts(b);
    await feed(b);
    await unread(b);
    const after = await cacheCounts(b);
    expect(after.get('feed:hit')).toBe(before.get('feed:hit')! + 1);
    expect(after.get('unread_count:hit')).toBe(before.get('unread_count:hit')! + 1);

    // Read on B, seen on A.
    await warm();
    expect((await asUser(b)('PATCH', `/notifications/${first.id}`, { status: 'read' })).status).toBe(200);
    expect((await feed(a)).notifications[0]?.status).toBe('read');
    expect(await unread(a)).toBe(0);

    // Dismissed on A, gone from the default feed on B.
    const second = await notify(b);
    await warm();
    expect((await asUser(a)('PATCH', `/notifications/${second.id}`, { status: 'dismissed' })).status).toBe(200);
    expect(ids(await feed(b))).toEqual([first.id]);

    // Read-all on B, seen on A.
    await notify(a);
    await notify(b);
    await warm();
    expect(await unread(a)).toBe(2);
    expect((await asUser(b)('POST', `/users/${USER}/notifications/read-all`)).status).toBe(200);
    expect((await feed(a)).unread_count).toBe(0);
    expect(await unread(a)).toBe(0);

    // The app mutes nothing; the user mutes the app on A: B hides it at once.
    const third = await notify(a);
    await warm();
    expect((await asUser(a)('PUT', `/users/${USER}/preferences`, { muted_apps: ['work-buddy'] })).status).toBe(200);
    const muted = await feed(b);
    expect(muted.notifications).toEqual([]);
    expect(muted.muted_unread_count).toBe(1);
    expect(await unread(b)).toBe(0);
    expect((await asUser(b)('PUT', `/users/${USER}/preferences`, { muted_apps: [] })).status).toBe(200);
    expect(await unread(a)).toBe(1);

    // The app's own event (dismissed everywhere) published on B, seen on A.
    await warm();
    const synced = await api(b.url, appKey)('POST', '/apps/work-buddy/events', {
      event_category: 'notification',
      event_type: 'clicked',
      entity_type: 'notification',
      entity_id: third.external_id,
      user_id: USER,
    });
    expect(synced.status).toBe(200);
    expect((await feed(a)).notifications.find((item) => item.id === third.id)?.status).toBe('clicked');

    // Deleted on A, gone on B.
    await warm();
    expect((await asUser(a)('DELETE', `/notifications/${third.id}`)).status).toBe(204);
    expect(ids(await feed(b))).not.toContain(third.id);

    // The app renamed on B: every feed on A shows the new name.
    await warm();
    expect((await api(b.url, appKey)('PATCH', '/apps/work-buddy', { name: 'Work Buddy 2' })).status).toBe(200);
    expect((await feed(a)).notifications[0]?.app_name).toBe('Work Buddy 2');

    // Expiry writes nothing that a read waits for: the cached page retires itself at the expiry.
    const soon = await notify(a, { expires_at: new Date(Date.now() + 1_500).toISOString() });
    await warm();
    expect(ids(await feed(b))).toContain(soon.id);
    expect(await unread(b)).toBe(1);
    const cachedBefore = await cacheCounts(b);
    await feed(b);
    expect((await cacheCounts(b)).get('feed:hit')).toBe(cachedBefore.get('feed:hit')! + 1);
    await sleep(1_600);
    expect(ids(await feed(a))).not.toContain(soon.id);
    expect(ids(await feed(b))).not.toContain(soon.id);
    expect(await unread(b)).toBe(0);
  }, 60_000);

  it('never serves a page older than a write answered before the read, with readers racing the writes', async () => {
    const { a, b, notify, asUser, feed } = await twoInstances();
    // Readers keep both instances' caches filled, so every write lands on entries being stored.
    let racing = true;
    const readers = [a, b, a, b].map(async (on) => {
      while (racing) {
        await feed(on);
        await feed(on, '?limit=5');
      }
    });
    try {
      const written: string[] = [];
      for (let round = 0; round < 24; round++) {
        const [writer, reader] = round % 2 ? [a, b] : [b, a];
        const created = await notify(writer);
        written.push(created.id);
        expect((await feed(reader)).notifications.map((item) => item.id)).toContain(created.id);
        expect((await feed(reader, '?limit=5')).notifications[0]?.id).toBe(created.id);
        const changed = await asUser(writer)('PATCH', `/notifications/${created.id}`, {
          status: round % 3 ? 'read' : 'dismissed',
        });
        expect(changed.status).toBe(200);
        const page = await feed(reader);
        if (round % 3) expect(page.notifications.find((item) => item.id === created.id)?.status).toBe('read');
        else expect(page.notifications.map((item) => item.id)).not.toContain(created.id);
        expect(page.unread_count).toBe(0);
      }
    } finally {
      racing = false;
      await Promise.all(readers);
    }
    const counts = await Promise.all([cacheCounts(a), cacheCounts(b)]);
    for (const count of counts) expect(count.get('feed:hit')).toBeGreaterThan(0);
  }, 60_000);

  it('degrades to the database while Redis restarts: no error, no stale page, hits again afterwards', async () => {
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.stop());
    const { a, b, notify, feed, unread } = await twoInstances({ ORIVA_REDIS_URL: redis.url });
    const first = await notify(a);
    for (const on of [a, b, a, b]) await feed(on);

    await redis.stop();
    // Writes and reads go on, through the database: each read sees what was written before it.
    const during = await notify(b);
    for (const on of [a, b]) {
      expect((await feed(on)).notifications.map((item) => item.id)).toEqual([during.id, first.id]);
      expect(await unread(on)).toBe(2);
    }
    const errors = await cacheCounts(a);
    expect(errors.get('feed:error')).toBeGreaterThan(0);

    const restarted = await startPrivateRedis(redis.port);
    cleanups.push(() => restarted.stop());
    const after = await notify(a);
    // Both instances reconnect and use the cache again, and never show a page without `after`.
    for (const on of [a, b]) {
      const hitsBefore = (await cacheCounts(on)).get('feed:hit')!;
      await waitFor(
        async () => {
          const page = await feed(on);
          expect(page.notifications.map((item) => item.id)).toEqual([after.id, during.id, first.id]);
          return (await cacheCounts(on)).get('feed:hit')! > hitsBefore;
        },
        20_000,
        'feed hits after Redis restarted',
      );
    }
  }, 90_000);
});
