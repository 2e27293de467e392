import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueApiKey } from '../auth/api-keys.js';
import { newId } from '../ids.js';
import { webhookRecord } from './test-records.js';
import type {
  AppRecord,
  DeliveryAttemptRecord,
  DeliveryOutcome,
  EventRecord,
  NotificationQuery,
  NotificationRecord,
  Storage,
  StoredEvent,
  WebhookRecord,
} from './types.js';

/**
 * The behaviour every storage adapter must have. Each adapter's test file calls this once with a
 * factory for a fresh, empty store, so SQLite and PostgreSQL are held to the same contract.
 */
export function describeStorageContract(name: string, open: () => Promise<Storage>): void {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    const at = '2025-09-30T10:00:00.000Z';
    const app = (appId: string): AppRecord => ({
      app_id: appId,
      name: appId,
      icon_url: null,
      created_at: at,
      updated_at: at,
    });
    const event = (appId: string, overrides: Partial<EventRecord> = {}): EventRecord => ({
      id: newId('evt'),
      app_id: appId,
      user_id: 'user_456',
      event_category: 'notification',
      event_type: 'dismissed',
      entity_type: 'notification',
      entity_id: 'wb_notif_123',
      event_data: '{"k":1}',
      timestamp: at,
      ip_address: '127.0.0.1',
      user_agent: 'test',
      ...overrides,
    });

    beforeEach(async () => {
      storage = await open();
      await storage.createApp(app('a1'), issueApiKey('a1', null, at).record);
    });
    afterEach(() => storage.close());

    it('creates apps with a first key, and refuses a duplicate app id', async () => {
      expect(await storage.getApp('a1')).toEqual(app('a1'));
      expect(await storage.listApiKeys('a1')).toHaveLength(1);
      await expect(storage.createApp(app('a1'), issueApiKey('a1', null, at).record)).rejects.toThrow();
      expect(await storage.listApps()).toHaveLength(1);
    });

    it('updates only the fields given', async () => {
      const updated = await storage.updateApp(
        'a1',
        { icon_url: 'https://x.example/i.png' },
        '2025-10-01T00:00:00.000Z',
      );
      expect(updated).toMatchObject({
        name: 'a1',
        icon_url: 'https://x.example/i.png',
        updated_at: '2025-10-01T00:00:00.000Z',
      });
      expect(await storage.updateApp('a1', { name: 'A one' }, at)).toMatchObject({
        name: 'A one',
        icon_url: 'https://x.example/i.png',
      });
      expect(await storage.updateApp('missing', { name: 'x' }, at)).toBeUndefined();
    });

    it('finds keys by hash and revokes them once', async () => {
      const { record } = issueApiKey('a1', 'second', at);
      await storage.createApiKey(record);
      expect(await storage.findApiKeyByHash(record.key_hash)).toEqual(record);
      expect(await storage.revokeApiKey('a1', record.id, at)).toBe(true);
      expect(await storage.revokeApiKey('a1', record.id, at)).toBe(false);
      expect((await storage.findApiKeyByHash(record.key_hash))?.revoked_at).toBe(at);
      expect(await storage.revokeApiKey('other-app', record.id, at)).toBe(false);
    });

    it('stores a batch all or nothing', async () => {
      const good = event('a1');
      await expect(storage.insertEvents([good, event('no-such-app')])).rejects.toThrow();
      expect((await storage.listEvents({ app_id: 'a1', limit: 10, offset: 0 })).total).toBe(0);
      await storage.insertEvents([good]);
      expect((await storage.listEvents({ app_id: 'a1', limit: 10, offset: 0 })).items).toEqual([
        { ...good, position: expect.any(Number) },
      ]);
    });

    it('stores every event of a large batch once, in order (SQLite writes it in statements of several sizes)', async () => {
      // 311 = 250 + 50 + 10 + 1: one statement of each size the SQLite adapter uses.
      const batch = Array.from({ length: 311 }, (_, index) => event('a1', { entity_id: `entity-${index}` }));
      await storage.insertEvents(batch);
      const stored = await storage.committedEventsAfter(0, 500);
      expect(stored.map((item) => item.id)).toEqual(batch.map((item) => item.id));
      expect(stored.map((item) => item.entity_id)).toEqual(batch.map((item) => item.entity_id));
      const positions = stored.map((item) => item.position);
      expect(new Set(positions).size).toBe(311);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it('lists newest first with filters, offset and a before-id cursor', async () => {
      const events = Array.from({ length: 5 }, (_, index) =>
        event('a1', { user_id: index % 2 ? 'odd' : 'even', timestamp: `2025-09-30T10:0${index}:00.000Z` }),
      );
      await storage.insertEvents(events);
      const all = await storage.listEvents({ app_id: 'a1', limit: 10, offset: 0 });
      expect(all.items.map((item) => item.id)).toEqual(events.map((item) => item.id).reverse());
      const positions = all.items.map((item) => item.position);
      expect([...positions].sort((a, b) => b - a)).toEqual(positions);
      const odd = await storage.listEvents({ app_id: 'a1', user_id: 'odd', limit: 10, offset: 0 });
      expect(odd.total).toBe(2);
      const window = await storage.listEvents({
        app_id: 'a1',
        start_date: '2025-09-30T10:01:00.000Z',
        end_date: '2025-09-30T10:03:00.000Z',
        limit: 10,
        offset: 0,
      });
      expect(window.items.map((item) => item.id)).toEqual([events[2]!.id, events[1]!.id]);
      const third = all.items.find((item) => item.id === events[2]!.id)!;
      const afterCursor = await storage.listEvents({
        app_id: 'a1',
        before_position: third.position,
        limit: 10,
        offset: 0,
      });
      expect(afterCursor.items.map((item) => item.id)).toEqual([events[1]!.id, events[0]!.id]);
      expect(afterCursor.total).toBe(5);
    });

    it('reserves an idempotency key once, then replays or releases it', async () => {
      expect(await storage.reserveIdempotencyKey('app:a1', 'k', 'h1', at)).toEqual({ reserved: true });
      expect(await storage.reserveIdempotencyKey('app:a1', 'k', 'h1', at)).toEqual({
        reserved: false,
        existing: { request_hash: 'h1', status: null, response_body: null },
      });
      expect(await storage.reserveIdempotencyKey('app:a2', 'k', 'h1', at)).toEqual({ reserved: true });
      await storage.completeIdempotencyKey('app:a1', 'k', 200, '{"ok":true}');
      expect(await storage.reserveIdempotencyKey('app:a1', 'k', 'h2', at)).toEqual({
        reserved: false,
        existing: { request_hash: 'h1', status: 200, response_body: '{"ok":true}' },
      });
      await storage.releaseIdempotencyKey('app:a2', 'k');
      expect(await storage.reserveIdempotencyKey('app:a2', 'k', 'h3', at)).toEqual({ reserved: true });
      expect(await storage.pruneIdempotencyKeys('2025-09-30T10:00:00.001Z')).toBe(2);
    });

    const notification = (overrides: Partial<NotificationRecord> = {}): NotificationRecord => ({
      id: newId('ntf'),
      app_id: 'a1',
      external_id: `ext_${newId('req')}`,
      user_id: 'user_456',
      notification_type: 'reminder',
      title: 'Title',
      body: 'Body',
      action_url: null,
      action_label: null,
      image_url: null,
      icon_url: null,
      priority: 'normal',
      context_data: '{"session_id":"s1"}',
      expires_at: null,
      group_key: null,
      created_at: at,
      updated_at: at,
      ...overrides,
    });
    const created = (record: NotificationRecord) =>
      event(record.app_id, { entity_id: record.external_id, event_type: 'created', user_id: record.user_id });
    const feed = (overrides: Partial<NotificationQuery> = {}): NotificationQuery => ({
      user_id: 'user_456',
      status: 'live',
      now: at,
      limit: 50,
      offset: 0,
      ...overrides,
    });
    const webhook = (overrides: Partial<WebhookRecord> = {}) => webhookRecord(at, overrides);
    const later = (seconds: number) => new Date(Date.parse(at) + seconds * 1000).toISOString();
    const attempt = (
      delivery: { id: string; webhook_id: string; event_id: string; event_type: string },
      number: number,
      success: boolean,
      deliveredAt: string,
    ): DeliveryAttemptRecord => ({
      id: newId('req'),
      delivery_id: delivery.id,
      webhook_id: delivery.webhook_id,
      event_id: delivery.event_id,
      event_type: delivery.event_type,
      status_code: success ? 200 : 500,
      response_body: success ? 'ok' : 'boom',
      response_headers: '{"content-type":"text/plain"}',
      delivery_attempt: number,
      delivered_at: deliveredAt,
      response_time_ms: 12,
      success,
      error_message: success ? null : 'HTTP 500',
    });
    const outcome = (record: DeliveryAttemptRecord, overrides: Partial<DeliveryOutcome> = {}): DeliveryOutcome => ({
      attempt: record,
      status: record.success ? 'succeeded' : 'pending',
      next_attempt_at: record.success ? null : later(60),
      disable_after: 3,
      disabled_event: (failures) =>
        event('a1', { event_category: 'webhook', event_type: 'disabled', event_data: JSON.stringify({ failures }) }),
      ...overrides,
    });

    describe('events after a position', () => {
      it('reads every app’s committed events oldest first, and a principal’s own after a position', async () => {
        await storage.createApp(app('a2'), issueApiKey('a2', null, at).record);
        expect(await storage.headPosition()).toBe(0);
        const first = [event('a1'), event('a2', { user_id: 'other' })];
        const second = [event('a1', { user_id: 'other' }), event('a2')];
        await storage.insertEvents(first);
        await storage.insertEvents(second);
        const all = await storage.committedEventsAfter(0, 10);
        expect(all.map((item) => item.id)).toEqual([...first, ...second].map((item) => item.id));
        expect(all[0]).toEqual({ ...first[0], position: expect.any(Number) });
        expect(await storage.headPosition()).toBe(all.at(-1)!.position);
        expect((await storage.committedEventsAfter(all[1]!.position, 2)).map((item) => item.id)).toEqual(
          second.map((item) => item.id),
        );
        expect(await storage.committedEventsAfter(all.at(-1)!.position, 10)).toEqual([]);
        const ids = async (scope: Parameters<Storage['eventsAfter']>[0], after = 0) =>
          (await storage.eventsAfter(scope, after, 10)).map((item) => item.id);
        expect(await ids({ app_id: 'a1' })).toEqual([first[0]!.id, second[0]!.id]);
        expect(await ids({ app_id: 'a1', user_id: 'other' })).toEqual([second[0]!.id]);
        expect(await ids({ user_id: 'user_456' })).toEqual([first[0]!.id, second[1]!.id]);
        expect(await ids({ user_id: 'user_456' }, all[0]!.position)).toEqual([second[1]!.id]);
        expect(await storage.eventPosition({ app_id: 'a1' }, second[0]!.id)).toBe(all[2]!.position);
        expect(await storage.eventPosition({ app_id: 'a2' }, second[0]!.id)).toBeUndefined();
        expect(await storage.eventPosition({ user_id: 'other' }, first[1]!.id)).toBe(all[1]!.position);
      });

      it('tells listeners of each commit in order, with positions, and never of a failed one', async () => {
        const heard: StoredEvent[][] = [];
        const stop = storage.onEventsCommitted((events) => heard.push(events));
        const batches = [[event('a1'), event('a1')], [event('a1')], [event('a1')]];
        await Promise.all([
          ...batches.map((batch) => storage.insertEvents(batch)),
          storage.insertEvents([event('nope')]).catch(() => undefined),
        ]);
        stop();
        await storage.insertEvents([event('a1')]);
        const positions = heard.flat().map((item) => item.position);
        expect(positions).toHaveLength(4);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(heard.flat().map((item) => item.app_id)).toEqual(['a1', 'a1', 'a1', 'a1']);
        const stored = await storage.committedEventsAfter(0, 10);
        expect(stored.slice(0, 4).map((item) => item.position)).toEqual(positions);
      });
    });

    describe('notifications', () => {
      it('creates once per external id, with its state and event, and reads it back as a view', async () => {
        const record = notification({ expires_at: later(3600) });
        const first = await storage.createNotification(record, created(record));
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
        const again = await storage.createNotification(
          notification({ external_id: record.external_id, title: 'Other' }),
          created(record),
        );
        expect(again).toEqual({ created: false, existing: first.created ? first.view : undefined });
        expect((await storage.listEvents({ app_id: 'a1', limit: 10, offset: 0 })).total).toBe(1);
        expect(await storage.getNotification(record.id)).toEqual(first.created ? first.view : undefined);
        expect(await storage.getNotification('ntf_missing')).toBeUndefined();
        expect(await storage.findNotificationsByExternalId({ app_id: 'a1' }, record.external_id)).toHaveLength(1);
        expect(await storage.findNotificationsByExternalId({ user_id: 'user_456' }, record.external_id)).toHaveLength(
          1,
        );
        expect(await storage.findNotificationsByExternalId({ user_id: 'nobody' }, record.external_id)).toEqual([]);
      });

      it('changes state and content in a transaction with its events, or nothing', async () => {
        const record = notification();
        await storage.createNotification(record, created(record));
        const dismissed = event('a1', { event_type: 'dismissed', timestamp: later(5) });
        const result = await storage.changeNotification(record.id, (current) => {
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
        const unchanged = await storage.changeNotification(record.id, () => undefined);
        expect(unchanged).toMatchObject({ changed: false });
        expect(unchanged?.after).toEqual(unchanged?.before);
        expect(await storage.changeNotification('ntf_missing', () => undefined)).toBeUndefined();
        expect((await storage.listEvents({ app_id: 'a1', limit: 10, offset: 0 })).items[0]!.id).toBe(dismissed.id);
      });

      it('records a first delivery once, in every read, without changing the notification', async () => {
        const [first, second] = [notification(), notification()];
        for (const record of [first!, second!]) await storage.createNotification(record, created(record));
        const other = notification({ user_id: 'user_789' });
        await storage.createNotification(other, created(other));

        const delivered = await storage.markDelivered('user_456', [first!.id], later(1));
        expect(delivered).toEqual(new Map([[first!.id, later(1)]]));
        // Again, with one already delivered, one not, another user's and a missing one.
        const again = await storage.markDelivered(
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

        const view = await storage.getNotification(first!.id);
        expect(view).toMatchObject({ delivered_at: later(1), updated_at: at, state_updated_at: at });
        expect((await storage.getNotification(other.id))?.delivered_at).toBeNull();
        const listed = await storage.listNotifications(feed());
        expect(Object.fromEntries(listed.items.map((item) => [item.id, item.delivered_at]))).toEqual({
          [first!.id]: later(1),
          [second!.id]: later(2),
        });
        const grouped = await storage.listNotifications(feed({ group: true }));
        expect(grouped.items.map((item) => item.delivered_at).sort()).toEqual([later(1), later(2)]);
        expect(
          (await storage.listNotifications({ ...feed(), user_id: undefined, app_id: 'a1', status: 'all' })).items,
        ).toHaveLength(3);
        // A state change later keeps the first delivery.
        const read = await storage.changeNotification(second!.id, () => ({
          state: { status: 'read', read_at: later(3) },
          events: [event('a1', { event_type: 'read', timestamp: later(3) })],
        }));
        expect(read?.after.delivered_at).toBe(later(2));
      });

      it('moves a notification into and out of the live feed when its expiry changes', async () => {
        const record = notification();
        await storage.createNotification(record, created(record));
        const ids = async (query: Partial<NotificationQuery>) =>
          (await storage.listNotifications(feed(query))).items.map((item) => item.id);
        expect(await ids({ now: later(20) })).toEqual([record.id]);
        await storage.changeNotification(record.id, () => ({
          content: { expires_at: later(10) },
          events: [event('a1', { event_type: 'updated', timestamp: later(1) })],
        }));
        expect(await ids({ now: later(20) })).toEqual([]);
        expect(await ids({ now: later(20), status: 'expired' })).toEqual([record.id]);
        expect((await storage.listNotifications(feed({ now: later(20) }))).total).toBe(0);
        expect(await storage.countUnread('user_456', later(20))).toEqual([]);
        expect(await ids({ now: later(5) })).toEqual([record.id]);
      });

      it('settles concurrent writes each on its own: one that fails leaves the others stored', async () => {
        // Adapters may share one transaction between concurrent writes (group commit); a failing one
        // must still fail alone, and every other write must be stored with its events.
        const records = Array.from({ length: 6 }, () => notification());
        await storage.createNotification(records[0]!, created(records[0]!));
        const published = Array.from({ length: 10 }, () => event('a1'));
        const read = event('a1', { event_type: 'read', timestamp: later(1) });
        const results = await Promise.allSettled([
          ...records.slice(1).map((record) => storage.createNotification(record, created(record))),
          storage.changeNotification(records[0]!.id, () => {
            throw new Error('refused');
          }),
          ...published.map((e) => storage.insertEvents([e])),
          storage.changeNotification(records[0]!.id, () => ({
            state: { status: 'read', read_at: later(1) },
            events: [read],
          })),
        ]);
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected.map((r) => (r.reason as Error).message)).toEqual(['refused']);
        expect((await storage.getNotification(records[0]!.id))?.status).toBe('read');
        for (const record of records) expect(await storage.getNotification(record.id)).toBeDefined();
        const stored = await storage.listEvents({ app_id: 'a1', limit: 100, offset: 0 });
        expect(stored.total).toBe(records.length + published.length + 1);
        const positions = stored.items.map((e) => e.position);
        expect(new Set(positions).size).toBe(positions.length);
      });

      it('lists a feed by status, expiry, mutes, type and priority, newest first with a cursor', async () => {
        await storage.createApp(app('a2'), issueApiKey('a2', null, at).record);
        const records = [
          notification({ notification_type: 'reminder' }),
          notification({ notification_type: 'alert', priority: 'high' }),
          notification({ expires_at: later(-1) }),
          notification({ app_id: 'a2' }),
          notification({ user_id: 'someone_else' }),
          notification(),
        ];
        for (const record of records) await storage.createNotification(record, created(record));
        await storage.changeNotification(records[5]!.id, () => ({
          state: { status: 'read', read_at: at },
          events: [],
        }));
        const ids = async (query: Partial<NotificationQuery>) => {
          const page = await storage.listNotifications(feed(query));
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
        for (const record of records) await storage.createNotification(record, created(record));
        const page = await storage.listNotifications(feed({ group: true }));
        expect(page.total).toBe(3);
        expect(page.items.map((item) => [item.id, (item as { group_count?: number }).group_count])).toEqual([
          [records[3]!.id, 1],
          [records[2]!.id, 2],
          [records[1]!.id, 1],
        ]);
        const next = await storage.listNotifications(feed({ group: true, before_id: records[2]!.id }));
        expect(next.items.map((item) => item.id)).toEqual([records[1]!.id]);
      });

      it('counts unread per app and type, marks all read with summary events, and expires what is due', async () => {
        const records = [
          notification(),
          notification({ notification_type: 'alert' }),
          notification({ expires_at: later(30) }),
          notification({ expires_at: later(-30) }),
        ];
        for (const record of records) await storage.createNotification(record, created(record));
        expect(await storage.countUnread('user_456', at)).toEqual([
          { app_id: 'a1', notification_type: 'alert', count: 1 },
          { app_id: 'a1', notification_type: 'reminder', count: 2 },
        ]);
        expect(await storage.nextFeedExpiry('user_456', at)).toBe(later(30));
        expect(await storage.nextFeedExpiry('nobody', at)).toBeUndefined();

        let summarized: string[] = [];
        const marked = await storage.markAllRead('user_456', { app_id: 'a1', now: later(1) }, (views) => {
          summarized = views.map((view) => view.id);
          return [event('a1', { event_type: 'all_read' })];
        });
        expect(marked).toBe(3);
        expect(summarized).toEqual(records.slice(0, 3).map((record) => record.id));
        expect(await storage.countUnread('user_456', later(1))).toEqual([]);
        expect((await storage.getNotification(records[0]!.id))?.read_at).toBe(later(1));
        expect(await storage.markAllRead('user_456', { now: later(1) }, () => [])).toBe(0);

        const expiredEvents: string[] = [];
        const expired = await storage.expireDue(later(60), 10, (view) => {
          expiredEvents.push(view.id);
          return event('a1', { event_type: 'expired', entity_id: view.external_id });
        });
        expect(expired).toBe(2);
        expect(expiredEvents.sort()).toEqual([records[2]!.id, records[3]!.id].sort());
        expect((await storage.getNotification(records[3]!.id))?.status).toBe('expired');
        expect(await storage.expireDue(later(60), 10, () => event('a1'))).toBe(0);
      });

      it('marks read only what was created before a time', async () => {
        const old = notification({ created_at: at, updated_at: at });
        const recent = notification({ created_at: later(10), updated_at: later(10) });
        for (const record of [old, recent]) await storage.createNotification(record, created(record));
        expect(await storage.markAllRead('user_456', { before: later(5), now: later(20) }, () => [])).toBe(1);
        expect((await storage.getNotification(recent.id))?.status).toBe('unread');
      });

      it('deletes a notification with its state, storing the event', async () => {
        const record = notification();
        await storage.createNotification(record, created(record));
        const deleted = event('a1', { event_type: 'deleted' });
        expect(await storage.deleteNotification(record.id, deleted)).toBe(true);
        expect(await storage.getNotification(record.id)).toBeUndefined();
        expect(await storage.deleteNotification(record.id, event('a1'))).toBe(false);
        expect(await storage.countUnread('user_456', at)).toEqual([]);
        expect((await storage.listEvents({ app_id: 'a1', limit: 10, offset: 0 })).total).toBe(2);
        const reused = notification({ external_id: record.external_id });
        expect((await storage.createNotification(reused, created(reused))).created).toBe(true);
      });

      it('applies an app’s event to its notification in the event’s transaction', async () => {
        const record = notification();
        await storage.createNotification(record, created(record));
        const dismissed = event('a1', { entity_id: record.external_id });
        const follow = event('a1', { event_type: 'state_changed' });
        await storage.insertEvents(
          [dismissed, event('a1', { entity_id: 'unknown' })],
          [
            {
              app_id: 'a1',
              external_id: record.external_id,
              decide: () => ({ state: { status: 'dismissed', dismissed_at: at }, events: [follow] }),
            },
            { app_id: 'a1', external_id: 'unknown', decide: () => ({ state: { status: 'read' }, events: [] }) },
          ],
        );
        expect((await storage.getNotification(record.id))?.status).toBe('dismissed');
        const ids = (await storage.committedEventsAfter(0, 10)).map((item) => item.id);
        expect(ids.slice(1)).toEqual([dismissed.id, expect.any(String), follow.id]);
      });

      it('stores preferences', async () => {
        expect(await storage.getPreferences('user_456')).toEqual({ muted_apps: [], muted_types: {}, updated_at: null });
        await storage.putPreferences('user_456', { muted_apps: ['a2'], muted_types: { a1: ['reminder'] } }, at);
        expect(await storage.getPreferences('user_456')).toEqual({
          muted_apps: ['a2'],
          muted_types: { a1: ['reminder'] },
          updated_at: at,
        });
        await storage.putPreferences('user_456', { muted_apps: [], muted_types: {} }, later(1));
        expect(await storage.getPreferences('user_456')).toEqual({
          muted_apps: [],
          muted_types: {},
          updated_at: later(1),
        });
      });
    });

    describe('webhooks', () => {
      it('creates, lists, updates and deletes webhooks', async () => {
        const hook = webhook({ subscribed_events: ['notification.*'], description: 'd' });
        await storage.createWebhook(hook);
        expect(await storage.getWebhook('a1', hook.id)).toEqual(hook);
        expect(await storage.getWebhook('other', hook.id)).toBeUndefined();
        const second = webhook();
        await storage.createWebhook(second);
        expect((await storage.listWebhooks('a1')).map((item) => item.id)).toEqual([hook.id, second.id]);
        const updated = await storage.updateWebhook('a1', hook.id, {
          subscribed_events: ['*'],
          is_active: false,
          disabled_reason: 'manual',
          previous_secret: 'whsec_old',
          previous_secret_expires_at: later(60),
          updated_at: later(1),
        });
        expect(updated).toEqual({
          ...hook,
          subscribed_events: ['*'],
          is_active: false,
          disabled_reason: 'manual',
          previous_secret: 'whsec_old',
          previous_secret_expires_at: later(60),
          updated_at: later(1),
        });
        expect(await storage.countWebhooks()).toEqual({ active: 1, disabled: 1 });
        expect(await storage.updateWebhook('a1', 'wh_missing', { description: 'x' })).toBeUndefined();
        expect(await storage.deleteWebhook('a1', hook.id)).toBe(true);
        expect(await storage.deleteWebhook('a1', hook.id)).toBe(false);
        expect(await storage.listWebhooks('a1')).toHaveLength(1);
      });

      it('writes a delivery per matching active webhook of the event’s app, and says so after the commit', async () => {
        await storage.createApp(app('a2'), issueApiKey('a2', null, at).record);
        const all = webhook();
        const dismissals = webhook({ subscribed_events: ['notification.dismissed'] });
        const users = webhook({ subscribed_events: ['user.*'] });
        const inactive = webhook({ is_active: false });
        const otherApp = webhook({ app_id: 'a2' });
        for (const hook of [all, dismissals, users, inactive, otherApp]) await storage.createWebhook(hook);
        let wakes = 0;
        const stop = storage.onDeliveriesQueued(() => wakes++);
        const stored = event('a1');
        await storage.insertEvents([stored]);
        expect(wakes).toBeGreaterThan(0);
        await storage.insertEvents([event('a1', { event_category: 'session', event_type: 'x' })]);
        stop();
        expect(await storage.countPendingDeliveries()).toBe(3);
        const [delivery] = await storage.listDeliveries({ webhook_id: dismissals.id, limit: 10 });
        expect(delivery).toEqual({
          position: expect.any(Number),
          id: expect.stringMatching(/^del_/),
          webhook_id: dismissals.id,
          event_id: stored.id,
          event_type: 'notification.dismissed',
          payload: expect.any(String),
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          locked_until: null,
          created_at: at,
          updated_at: at,
          attempt_log: [],
        });
        expect(JSON.parse(delivery!.payload)).toMatchObject({ id: stored.id, type: 'notification.dismissed' });
        expect(await storage.listDeliveries({ webhook_id: users.id, limit: 10 })).toEqual([]);
        expect(await storage.listDeliveries({ webhook_id: inactive.id, limit: 10 })).toEqual([]);
        expect(await storage.listDeliveries({ webhook_id: all.id, limit: 10 })).toHaveLength(2);
        expect(await storage.nextDeliveryDue()).toBe(at);
      });

      it('stores a test event for one webhook only, whatever the others subscribe to', async () => {
        const hook = webhook({ subscribed_events: ['user.*'] });
        const [all, webhookEvents] = [
          webhook({ subscribed_events: ['*'] }),
          webhook({ subscribed_events: ['webhook.*'] }),
        ];
        for (const item of [hook, all, webhookEvents]) await storage.createWebhook(item);
        const test = event('a1', { event_category: 'webhook', event_type: 'test' });
        const id = await storage.insertEventForWebhook(test, hook.id);
        expect(await storage.getDelivery(hook.id, id)).toMatchObject({ id, event_id: test.id, status: 'pending' });
        expect(await storage.listDeliveries({ webhook_id: hook.id, limit: 10 })).toHaveLength(1);
        expect(await storage.listDeliveries({ webhook_id: all.id, limit: 10 })).toEqual([]);
        expect(await storage.listDeliveries({ webhook_id: webhookEvents.id, limit: 10 })).toEqual([]);
        expect((await storage.committedEventsAfter(0, 10)).map((item) => item.id)).toEqual([test.id]);
      });

      it("claims a disabled webhook's test deliveries, not its others, and leaves its stats alone", async () => {
        const hook = webhook();
        await storage.createWebhook(hook);
        await storage.insertEvents([event('a1')]);
        await storage.updateWebhook('a1', hook.id, { is_active: false });
        const id = await storage.insertEventForWebhook(
          event('a1', { event_category: 'webhook', event_type: 'test' }),
          hook.id,
        );
        expect(await storage.nextDeliveryDue()).toBe(at);
        const claimed = await storage.claimDeliveries(at, 10, later(30), 10, new Map());
        expect(claimed.map((claim) => claim.delivery.id)).toEqual([id]);
        const before = await storage.getWebhook('a1', hook.id);
        const test = claimed[0]!.delivery;
        expect(
          await storage.recordDeliveryOutcome(outcome(attempt(test, 1, false, later(1)), { status: 'failed' })),
        ).toBe(true);
        expect(await storage.getDelivery(hook.id, id)).toMatchObject({ status: 'failed', attempts: 1 });
        expect(await storage.getWebhook('a1', hook.id)).toEqual(before);
      });

      it('records nothing, and says so, for a delivery whose webhook was deleted mid-attempt', async () => {
        const hook = webhook();
        await storage.createWebhook(hook);
        await storage.insertEvents([event('a1')]);
        const [claimed] = await storage.claimDeliveries(at, 10, later(30), 10, new Map());
        expect(await storage.deleteWebhook('a1', hook.id)).toBe(true);
        expect(await storage.recordDeliveryOutcome(outcome(attempt(claimed!.delivery, 1, false, later(1))))).toBe(
          false,
        );
        expect(await storage.recordDeliveryOutcome(outcome(attempt(claimed!.delivery, 1, true, later(1))))).toBe(false);
      });

      it('leases due deliveries within each webhook’s share, once, until the lease lapses', async () => {
        const [h1, h2, off] = [webhook(), webhook(), webhook()];
        for (const hook of [h1, h2, off]) await storage.createWebhook(hook);
        await storage.insertEvents(Array.from({ length: 4 }, () => event('a1')));
        await storage.insertEvents([event('a1', { timestamp: later(100) })]);
        await storage.updateWebhook('a1', off.id, { is_active: false });
        const lease = later(30);
        const claimed = await storage.claimDeliveries(at, 10, lease, 3, new Map([[h1.id, 1]]));
        const per = (id: string) => claimed.filter((claim) => claim.delivery.webhook_id === id);
        expect(per(h1.id)).toHaveLength(2);
        expect(per(h2.id)).toHaveLength(3);
        expect(per(off.id)).toHaveLength(0);
        expect(per(h2.id)[0]!.webhook).toEqual(h2);
        expect(claimed.every((claim) => claim.delivery.locked_until === lease)).toBe(true);
        expect(claimed.every((claim) => claim.delivery.next_attempt_at === at)).toBe(true);
        expect((await storage.claimDeliveries(at, 10, lease, 10, new Map())).length).toBe(3);
        expect(await storage.claimDeliveries(at, 10, lease, 10, new Map())).toEqual([]);
        expect(await storage.nextDeliveryDue()).toBe(lease);
        const total = await storage.claimDeliveries(later(31), 4, later(60), 10, new Map());
        expect(total).toHaveLength(4);
      });

      it('records outcomes: success, retry, failure, and disabling after too many failures', async () => {
        const hook = webhook();
        await storage.createWebhook(hook);
        await storage.insertEvents([event('a1'), event('a1')]);
        const [newer, older] = await storage.listDeliveries({ webhook_id: hook.id, limit: 10 });
        await storage.recordDeliveryOutcome(outcome(attempt(older!, 1, true, later(1))));
        const succeeded = await storage.getDelivery(hook.id, older!.id);
        expect(succeeded).toMatchObject({
          status: 'succeeded',
          attempts: 1,
          next_attempt_at: null,
          locked_until: null,
        });
        expect(succeeded!.attempt_log).toHaveLength(1);
        expect(succeeded!.attempt_log[0]).toMatchObject({
          success: true,
          status_code: 200,
          response_headers: '{"content-type":"text/plain"}',
          delivered_at: later(1),
        });
        expect(await storage.getWebhook('a1', hook.id)).toMatchObject({
          last_delivery_at: later(1),
          last_success_at: later(1),
          consecutive_failures: 0,
          total_deliveries: 1,
          total_failures: 0,
        });

        await storage.recordDeliveryOutcome(outcome(attempt(newer!, 1, false, later(2))));
        await storage.recordDeliveryOutcome(outcome(attempt(newer!, 2, false, later(3))));
        expect(await storage.getWebhook('a1', hook.id)).toMatchObject({
          is_active: true,
          consecutive_failures: 2,
          last_failure_at: later(3),
          total_deliveries: 3,
          total_failures: 2,
        });
        const before = await storage.headPosition();
        await storage.recordDeliveryOutcome(
          outcome(attempt(newer!, 3, false, later(4)), { status: 'failed', next_attempt_at: null }),
        );
        expect(await storage.getWebhook('a1', hook.id)).toMatchObject({
          is_active: false,
          disabled_reason: 'too_many_failures',
          consecutive_failures: 3,
          updated_at: later(4),
        });
        const [disabledEvent] = await storage.committedEventsAfter(before, 10);
        expect(disabledEvent).toMatchObject({ event_type: 'disabled', event_data: '{"failures":3}' });
        const failed = await storage.getDelivery(hook.id, newer!.id);
        expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
        expect(failed!.attempt_log.map((item) => item.delivery_attempt)).toEqual([1, 2, 3]);
        // Already disabled: no second event.
        await storage.recordDeliveryOutcome(outcome(attempt(newer!, 4, false, later(5))));
        expect(await storage.committedEventsAfter(before, 10)).toHaveLength(1);
        expect(await storage.nextDeliveryDue()).toBeUndefined();
      });

      it('disables at once when told to (410 Gone)', async () => {
        const hook = webhook();
        await storage.createWebhook(hook);
        await storage.insertEvents([event('a1')]);
        const [delivery] = await storage.listDeliveries({ webhook_id: hook.id, limit: 1 });
        const gone = event('a1', { event_category: 'webhook', event_type: 'disabled' });
        await storage.recordDeliveryOutcome(
          outcome(attempt(delivery!, 1, false, later(1)), {
            status: 'failed',
            next_attempt_at: null,
            disable: { reason: 'gone', event: gone },
          }),
        );
        expect(await storage.getWebhook('a1', hook.id)).toMatchObject({ is_active: false, disabled_reason: 'gone' });
        expect((await storage.committedEventsAfter(0, 10)).at(-1)?.id).toBe(gone.id);
      });

      it('lists deliveries with filters and a cursor, requeues one and recovers failed ones', async () => {
        const hook = webhook();
        await storage.createWebhook(hook);
        await storage.insertEvents([
          event('a1', { event_type: 'a' }),
          event('a1', { event_type: 'b' }),
          event('a1', { event_type: 'b', timestamp: later(10) }),
        ]);
        const [third, second, first] = await storage.listDeliveries({ webhook_id: hook.id, limit: 10 });
        await storage.recordDeliveryOutcome(outcome(attempt(first!, 1, true, later(1))));
        await storage.recordDeliveryOutcome(
          outcome(attempt(second!, 1, false, later(1)), { status: 'failed', next_attempt_at: null }),
        );
        const list = async (query: Partial<Parameters<Storage['listDeliveries']>[0]>) =>
          (await storage.listDeliveries({ webhook_id: hook.id, limit: 10, ...query })).map((item) => item.id);
        expect(await list({ success: true })).toEqual([first!.id]);
        expect(await list({ success: false })).toEqual([third!.id, second!.id]);
        expect(await list({ event_type: 'notification.b' })).toEqual([third!.id, second!.id]);
        expect(await list({ since: later(5) })).toEqual([third!.id]);
        expect(await list({ before_position: second!.position })).toEqual([first!.id]);
        expect(await list({ limit: 1 })).toEqual([third!.id]);

        expect(await storage.recoverDeliveries(hook.id, at, later(5), later(20), true)).toBe(1);
        expect((await storage.getDelivery(hook.id, second!.id))?.status).toBe('failed');
        let wakes = 0;
        const stop = storage.onDeliveriesQueued(() => wakes++);
        expect(await storage.recoverDeliveries(hook.id, at, later(5), later(20), false)).toBe(1);
        expect(await storage.getDelivery(hook.id, second!.id)).toMatchObject({
          status: 'pending',
          next_attempt_at: later(20),
          locked_until: null,
        });
        expect(await storage.requeueDelivery(hook.id, first!.id, later(30))).toBe(true);
        expect(await storage.getDelivery(hook.id, first!.id)).toMatchObject({
          status: 'pending',
          next_attempt_at: later(30),
        });
        expect(await storage.requeueDelivery(hook.id, 'del_missing', later(30))).toBe(false);
        await new Promise((resolve) => setTimeout(resolve, 10));
        stop();
        expect(wakes).toBeGreaterThanOrEqual(2);
        expect(await storage.countPendingDeliveries()).toBe(3);
      });
    });

    describe('shared work and retention', () => {
      it('runs an exclusive job and returns its value', async () => {
        expect(await storage.runExclusive('job', async () => 42)).toEqual({ ran: true, value: 42 });
        await expect(
          storage.runExclusive('job', async () => {
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await storage.runExclusive('job', async () => 'again')).toEqual({ ran: true, value: 'again' });
      });

      it('prunes old events and finished deliveries in batches, keeping pending ones and notifications', async () => {
        const hook = webhook();
        await storage.createWebhook(hook);
        const record = notification();
        await storage.createNotification(record, created(record));
        const old = Array.from({ length: 5 }, (_, index) => event('a1', { timestamp: later(index) }));
        await storage.insertEvents(old);
        const recent = event('a1', { timestamp: later(3600) });
        await storage.insertEvents([recent]);
        const deliveries = await storage.listDeliveries({ webhook_id: hook.id, limit: 10 });
        const oldDeliveries = deliveries.filter((delivery) => delivery.event_id !== recent.id);
        // Two finished long ago, one still pending, one finished after the cutoff.
        await storage.recordDeliveryOutcome(outcome(attempt(oldDeliveries[0]!, 1, true, later(10))));
        await storage.recordDeliveryOutcome(
          outcome(attempt(oldDeliveries[1]!, 1, false, later(10)), { status: 'failed', next_attempt_at: null }),
        );
        await storage.recordDeliveryOutcome(outcome(attempt(oldDeliveries[2]!, 1, false, later(10))));
        await storage.recordDeliveryOutcome(outcome(attempt(oldDeliveries[3]!, 1, true, later(4000))));

        const result = await storage.pruneBefore(later(1800), 2);
        expect(result).toMatchObject({ events: 6, deliveries: 2 });
        const left = await storage.committedEventsAfter(0, 100);
        expect(left.map((item) => item.id)).toEqual([recent.id]);
        expect(await storage.getDelivery(hook.id, oldDeliveries[0]!.id)).toBeUndefined();
        expect(await storage.getDelivery(hook.id, oldDeliveries[1]!.id)).toBeUndefined();
        expect((await storage.getDelivery(hook.id, oldDeliveries[2]!.id))?.attempt_log).toHaveLength(1);
        expect(await storage.getDelivery(hook.id, oldDeliveries[3]!.id)).toBeDefined();
        expect(await storage.getNotification(record.id)).toBeDefined();
        expect(await storage.countPendingDeliveries()).toBe(4);
        // Positions continue after pruning.
        await storage.insertEvents([event('a1')]);
        const [next] = await storage.committedEventsAfter(left[0]!.position, 10);
        expect(next!.position).toBeGreaterThan(left[0]!.position);
      });
    });
  });
}
