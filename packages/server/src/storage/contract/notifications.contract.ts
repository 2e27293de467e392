import { describe, expect, it } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import type { NotificationQuery } from '../types.js';
import { app, at, created, event, feed, later, notification } from './records.test-support.js';
import { storage } from './subject.test-support.js';

/** Notifications with their states: creation once per external id, changes in transactions, feeds, counts, expiry. */
export function notificationStoreContract(): void {
  describe('notifications', () => {
    it('creates once per external id, with its state and event, and reads it back as a view', async () => {
      const record = notification({ expires_at: later(3600) });
      const first = await storage.notifications.create(record, created(record));
      expect(first).toEqual({
        created: true,
        view: {
          ...record,
          status: 'unread',
          read_at: null,
          clicked_at: null,
          dismissed_at: null,
          dismissed_from: null,
          click_action: null,
          delivered_at: null,
          state_updated_at: at,
          app_name: 'a1',
          app_icon: null,
        },
      });
      const again = await storage.notifications.create(
        notification({ external_id: record.external_id, title: 'Other' }),
        created(record),
      );
      expect(again).toEqual({ created: false, existing: first.created ? first.view : undefined });
      expect((await storage.events.list({ app_id: 'a1', limit: 10, offset: 0 })).total).toBe(1);
      expect(await storage.notifications.get(record.id)).toEqual(first.created ? first.view : undefined);
      expect(await storage.notifications.get('ntf_missing')).toBeUndefined();
      expect(await storage.notifications.findByExternalId({ app_id: 'a1' }, record.external_id)).toHaveLength(1);
      expect(await storage.notifications.findByExternalId({ user_id: 'user_456' }, record.external_id)).toHaveLength(1);
      expect(await storage.notifications.findByExternalId({ user_id: 'nobody' }, record.external_id)).toEqual([]);
    });

    it('changes state and content in a transaction with its events, or nothing', async () => {
      const record = notification();
      await storage.notifications.create(record, created(record));
      const dismissed = event('a1', { event_type: 'dismissed', timestamp: later(5) });
      const result = await storage.notifications.change(record.id, (current) => {
        expect(current.status).toBe('unread');
        return {
          state: { status: 'dismissed', dismissed_at: later(5), dismissed_from: 'oriva_core' },
          content: { title: 'New title', expires_at: later(60) },
          events: [dismissed],
        };
      });
      expect(result?.changed).toBe(true);
      expect(result?.before.status).toBe('unread');
      expect(result?.after).toMatchObject({
        status: 'dismissed',
        dismissed_at: later(5),
        dismissed_from: 'oriva_core',
        title: 'New title',
        expires_at: later(60),
        updated_at: later(5),
        state_updated_at: later(5),
      });
      const unchanged = await storage.notifications.change(record.id, () => undefined);
      expect(unchanged).toMatchObject({ changed: false });
      expect(unchanged?.after).toEqual(unchanged?.before);
      expect(await storage.notifications.change('ntf_missing', () => undefined)).toBeUndefined();
      expect((await storage.events.list({ app_id: 'a1', limit: 10, offset: 0 })).items[0]!.id).toBe(dismissed.id);
    });

    it('records a first delivery once, in every read, without changing the notification', async () => {
      const [first, second] = [notification(), notification()];
      for (const record of [first!, second!]) await storage.notifications.create(record, created(record));
      const other = notification({ user_id: 'user_789' });
      await storage.notifications.create(other, created(other));

      const delivered = await storage.notifications.markDelivered('user_456', [first!.id], later(1));
      expect(delivered).toEqual(new Map([[first!.id, later(1)]]));
      // Again, with one already delivered, one not, another user's and a missing one.
      const again = await storage.notifications.markDelivered(
        'user_456',
        [first!.id, second!.id, other.id, 'ntf_missing'],
        later(2),
      );
      expect(again).toEqual(
        new Map([
          [first!.id, later(1)],
          [second!.id, later(2)],
        ]),
      );

      const view = await storage.notifications.get(first!.id);
      expect(view).toMatchObject({ delivered_at: later(1), updated_at: at, state_updated_at: at });
      expect((await storage.notifications.get(other.id))?.delivered_at).toBeNull();
      const listed = await storage.notifications.list(feed());
      expect(Object.fromEntries(listed.items.map((item) => [item.id, item.delivered_at]))).toEqual({
        [first!.id]: later(1),
        [second!.id]: later(2),
      });
      const grouped = await storage.notifications.list(feed({ group: true }));
      expect(grouped.items.map((item) => item.delivered_at).sort()).toEqual([later(1), later(2)]);
      expect(
        (await storage.notifications.list({ ...feed(), user_id: undefined, app_id: 'a1', status: 'all' })).items,
      ).toHaveLength(3);
      // A state change later keeps the first delivery.
      const read = await storage.notifications.change(second!.id, () => ({
        state: { status: 'read', read_at: later(3) },
        events: [event('a1', { event_type: 'read', timestamp: later(3) })],
      }));
      expect(read?.after.delivered_at).toBe(later(2));
    });

    it('moves a notification into and out of the live feed when its expiry changes', async () => {
      const record = notification();
      await storage.notifications.create(record, created(record));
      const ids = async (query: Partial<NotificationQuery>) =>
        (await storage.notifications.list(feed(query))).items.map((item) => item.id);
      expect(await ids({ now: later(20) })).toEqual([record.id]);
      await storage.notifications.change(record.id, () => ({
        content: { expires_at: later(10) },
        events: [event('a1', { event_type: 'updated', timestamp: later(1) })],
      }));
      expect(await ids({ now: later(20) })).toEqual([]);
      expect(await ids({ now: later(20), status: 'expired' })).toEqual([record.id]);
      expect((await storage.notifications.list(feed({ now: later(20) }))).total).toBe(0);
      expect(await storage.notifications.countUnread('user_456', later(20))).toEqual([]);
      expect(await ids({ now: later(5) })).toEqual([record.id]);
    });

    it('settles concurrent writes each on its own: one that fails leaves the others stored', async () => {
      // Adapters may share one transaction between concurrent writes (group commit); a failing one
      // must still fail alone, and every other write must be stored with its events.
      const records = Array.from({ length: 6 }, () => notification());
      await storage.notifications.create(records[0]!, created(records[0]!));
      const published = Array.from({ length: 10 }, () => event('a1'));
      const read = event('a1', { event_type: 'read', timestamp: later(1) });
      const results = await Promise.allSettled([
        ...records.slice(1).map((record) => storage.notifications.create(record, created(record))),
        storage.notifications.change(records[0]!.id, () => {
          throw new Error('refused');
        }),
        ...published.map((e) => storage.events.insert([e])),
        storage.notifications.change(records[0]!.id, () => ({
          state: { status: 'read', read_at: later(1) },
          events: [read],
        })),
      ]);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected.map((r) => (r.reason as Error).message)).toEqual(['refused']);
      expect((await storage.notifications.get(records[0]!.id))?.status).toBe('read');
      for (const record of records) expect(await storage.notifications.get(record.id)).toBeDefined();
      const stored = await storage.events.list({ app_id: 'a1', limit: 100, offset: 0 });
      expect(stored.total).toBe(records.length + published.length + 1);
      const positions = stored.items.map((e) => e.position);
      expect(new Set(positions).size).toBe(positions.length);
    });

    it('lists a feed by status, expiry, mutes, type and priority, newest first with a cursor', async () => {
      await storage.apps.create(app('a2'), issueApiKey('a2', null, at).record);
      const records = [
        notification({ notification_type: 'reminder' }),
        notification({ notification_type: 'alert', priority: 'high' }),
        notification({ expires_at: later(-1) }),
        notification({ app_id: 'a2' }),
        notification({ user_id: 'someone_else' }),
        notification(),
      ];
      for (const record of records) await storage.notifications.create(record, created(record));
      await storage.notifications.change(records[5]!.id, () => ({
        state: { status: 'read', read_at: at },
        events: [],
      }));
      const ids = async (query: Partial<NotificationQuery>) => {
        const page = await storage.notifications.list(feed(query));
        return { ids: page.items.map((item) => item.id), total: page.total };
      };
      const mine = (...indexes: number[]) => indexes.map((index) => records[index]!.id);
      expect(await ids({})).toEqual({ ids: mine(5, 3, 1, 0), total: 4 });
      expect(await ids({ status: 'unread' })).toEqual({ ids: mine(3, 1, 0), total: 3 });
      expect(await ids({ status: 'read' })).toEqual({ ids: mine(5), total: 1 });
      expect(await ids({ status: 'expired' })).toEqual({ ids: mine(2), total: 1 });
      expect(await ids({ status: 'all' })).toEqual({ ids: mine(5, 3, 2, 1, 0), total: 5 });
      expect(await ids({ status: 'dismissed' })).toEqual({ ids: [], total: 0 });
      expect(await ids({ status: 'expired', now: later(-2) })).toEqual({ ids: [], total: 0 });
      expect(await ids({ muted_apps: ['a2'] })).toEqual({ ids: mine(5, 1, 0), total: 3 });
      expect(await ids({ muted_types: ['a1:reminder'] })).toEqual({ ids: mine(3, 1), total: 2 });
      expect(await ids({ app_id: 'a1', notification_type: 'alert' })).toEqual({ ids: mine(1), total: 1 });
      expect(await ids({ priority: 'high' })).toEqual({ ids: mine(1), total: 1 });
      expect(await ids({ limit: 2 })).toEqual({ ids: mine(5, 3), total: 4 });
      expect(await ids({ limit: 2, offset: 2 })).toEqual({ ids: mine(1, 0), total: 4 });
      // Past the end: no rows, and still the whole count.
      expect(await ids({ limit: 2, offset: 9 })).toEqual({ ids: [], total: 4 });
      expect(await ids({ before_id: records[3]!.id })).toEqual({ ids: mine(1, 0), total: 4 });
      expect(await ids({ user_id: undefined, app_id: 'a1', external_id: records[4]!.external_id })).toEqual({
        ids: mine(4),
        total: 1,
      });
    });

    it('groups a feed by group key, newest of each group with its size', async () => {
      const records = [
        notification({ group_key: 'g' }),
        notification(),
        notification({ group_key: 'g' }),
        notification({ group_key: 'h' }),
      ];
      for (const record of records) await storage.notifications.create(record, created(record));
      const page = await storage.notifications.list(feed({ group: true }));
      expect(page.total).toBe(3);
      expect(page.items.map((item) => [item.id, (item as { group_count?: number }).group_count])).toEqual([
        [records[3]!.id, 1],
        [records[2]!.id, 2],
        [records[1]!.id, 1],
      ]);
      const next = await storage.notifications.list(feed({ group: true, before_id: records[2]!.id }));
      expect(next.items.map((item) => item.id)).toEqual([records[1]!.id]);
    });

    it('counts unread per app and type, marks all read with summary events, and expires what is due', async () => {
      const records = [
        notification(),
        notification({ notification_type: 'alert' }),
        notification({ expires_at: later(30) }),
        notification({ expires_at: later(-30) }),
      ];
      for (const record of records) await storage.notifications.create(record, created(record));
      expect(await storage.notifications.countUnread('user_456', at)).toEqual([
        { app_id: 'a1', notification_type: 'alert', count: 1 },
        { app_id: 'a1', notification_type: 'reminder', count: 2 },
      ]);
      expect(await storage.notifications.nextFeedExpiry('user_456', at)).toBe(later(30));
      expect(await storage.notifications.nextFeedExpiry('nobody', at)).toBeUndefined();

      let summarized: string[] = [];
      const marked = await storage.notifications.markAllRead('user_456', { app_id: 'a1', now: later(1) }, (views) => {
        summarized = views.map((view) => view.id);
        return [event('a1', { event_type: 'all_read' })];
      });
      expect(marked).toBe(3);
      expect(summarized).toEqual(records.slice(0, 3).map((record) => record.id));
      expect(await storage.notifications.countUnread('user_456', later(1))).toEqual([]);
      expect((await storage.notifications.get(records[0]!.id))?.read_at).toBe(later(1));
      expect(await storage.notifications.markAllRead('user_456', { now: later(1) }, () => [])).toBe(0);

      const expiredEvents: string[] = [];
      const expired = await storage.notifications.expireDue(later(60), 10, (view) => {
        expiredEvents.push(view.id);
        return event('a1', { event_type: 'expired', entity_id: view.external_id });
      });
      expect(expired).toBe(2);
      expect(expiredEvents.sort()).toEqual([records[2]!.id, records[3]!.id].sort());
      expect((await storage.notifications.get(records[3]!.id))?.status).toBe('expired');
      expect(await storage.notifications.expireDue(later(60), 10, () => event('a1'))).toBe(0);
    });

    it('marks read only what was created before a time', async () => {
      const old = notification({ created_at: at, updated_at: at });
      const recent = notification({ created_at: later(10), updated_at: later(10) });
      for (const record of [old, recent]) await storage.notifications.create(record, created(record));
      expect(await storage.notifications.markAllRead('user_456', { before: later(5), now: later(20) }, () => [])).toBe(
        1,
      );
      expect((await storage.notifications.get(recent.id))?.status).toBe('unread');
    });

    it('deletes a notification with its state, storing the event', async () => {
      const record = notification();
      await storage.notifications.create(record, created(record));
      const deleted = event('a1', { event_type: 'deleted' });
      expect(await storage.notifications.delete(record.id, deleted)).toBe(true);
      expect(await storage.notifications.get(record.id)).toBeUndefined();
      expect(await storage.notifications.delete(record.id, event('a1'))).toBe(false);
      expect(await storage.notifications.countUnread('user_456', at)).toEqual([]);
      expect((await storage.events.list({ app_id: 'a1', limit: 10, offset: 0 })).total).toBe(2);
      const reused = notification({ external_id: record.external_id });
      expect((await storage.notifications.create(reused, created(reused))).created).toBe(true);
    });

    it('applies an app’s event to its notification in the event’s transaction', async () => {
      const record = notification();
      await storage.notifications.create(record, created(record));
      const dismissed = event('a1', { entity_id: record.external_id });
      const follow = event('a1', { event_type: 'state_changed' });
      await storage.events.insert(
        [dismissed, event('a1', { entity_id: 'unknown' })],
        [
          {
            app_id: 'a1',
            external_id: record.external_id,
            user_id: record.user_id,
            decide: () => ({ state: { status: 'dismissed', dismissed_at: at }, events: [follow] }),
          },
          {
            app_id: 'a1',
            external_id: 'unknown',
            user_id: null,
            decide: () => ({ state: { status: 'read' }, events: [] }),
          },
        ],
      );
      expect((await storage.notifications.get(record.id))?.status).toBe('dismissed');
      const ids = (await storage.events.committedAfter(0, 10)).map((item) => item.id);
      expect(ids.slice(1)).toEqual([dismissed.id, expect.any(String), follow.id]);
    });
  });
}
