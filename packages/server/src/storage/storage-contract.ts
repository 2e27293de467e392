import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueApiKey } from '../auth/api-keys.js';
import { newId } from '../ids.js';
import type { AppRecord, EventRecord, Storage } from './types.js';

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
  });
}
