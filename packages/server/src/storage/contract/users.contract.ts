import { describe, expect, it } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import { app, at, created, event, notification, webhook } from './records.test-support.js';
import { storage } from './subject.test-support.js';

/** Which apps know which users, kept by the event log itself, and erasure. */
export function userStoreContract(): void {
  describe('users', () => {
    it("records the relationship with every app's event or notification, never with a platform category", async () => {
      await storage.apps.create(app('a2'), issueApiKey('a2', null, at).record);
      await storage.apps.create(app('a3'), issueApiKey('a3', null, at).record);
      await storage.events.insert([event('a1', { user_id: 'u1' }), event('a1', { user_id: 'u1' })]);
      const record = notification({ app_id: 'a2', user_id: 'u1' });
      await storage.notifications.create(record, created(record));
      await storage.events.insert([event('a3', { user_id: 'u1', event_category: 'user', event_type: 'deleted' })]);
      await storage.events.insert([event('a3', { user_id: 'u2' })]);
      expect(await storage.users.appsOf('u1')).toEqual(['a1', 'a2']);
      expect(await storage.users.appsOf('u2')).toEqual(['a3']);
      expect(await storage.users.appsOf('nobody')).toEqual([]);
    });

    it('connects and disconnects explicitly, idempotently', async () => {
      await storage.users.connect('u1', 'a1');
      await storage.users.connect('u1', 'a1');
      expect(await storage.users.appsOf('u1')).toEqual(['a1']);
      expect(await storage.users.disconnect('u1', 'a1')).toBe(true);
      expect(await storage.users.disconnect('u1', 'a1')).toBe(false);
      expect(await storage.users.appsOf('u1')).toEqual([]);
    });

    it('records the relationship again after it was forgotten, by disconnect or by erasure', async () => {
      await storage.events.insert([event('a1', { user_id: 'u1' })]);
      await storage.users.disconnect('u1', 'a1');
      await storage.events.insert([event('a1', { user_id: 'u1' })]);
      expect(await storage.users.appsOf('u1')).toEqual(['a1']);
      await storage.users.erase('u1', 'user:u1');
      expect(await storage.users.appsOf('u1')).toEqual([]);
      await storage.events.insert([event('a1', { user_id: 'u1' })]);
      expect(await storage.users.appsOf('u1')).toEqual(['a1']);
      // Published and disconnected in the same group commit: the disconnect, which came last, stands.
      await Promise.all([
        storage.events.insert([event('a1', { user_id: 'u2' })]),
        storage.users.disconnect('u2', 'a1'),
      ]);
      await storage.events.insert([event('a1', { user_id: 'u2' })]);
      expect(await storage.users.appsOf('u2')).toEqual(['a1']);
    });

    it("erases the user's notifications, preferences, events and their deliveries, keeping user.deleted", async () => {
      await storage.webhooks.create(webhook({ id: 'wh_1', app_id: 'a1', subscribed_events: ['*'] }));
      const bystander = event('a1', { user_id: 'other' });
      await storage.events.insert([event('a1', { user_id: 'u1' }), bystander]);
      const notice = event('a1', { user_id: 'u1', event_category: 'user', event_type: 'deleted' });
      await storage.events.insert([notice]);
      const record = notification({ app_id: 'a1', user_id: 'u1' });
      await storage.notifications.create(record, created(record));
      await storage.preferences.put('u1', { muted_apps: ['a2'], muted_types: {} }, at);
      await storage.idempotency.reserve('user:u1', 'k1', 'hash', at);
      await storage.idempotency.reserve('user:other', 'k1', 'hash', at);

      const counts = await storage.users.erase('u1', 'user:u1');
      // The user's own event and notification.created; the notice stays.
      expect(counts).toEqual({ notifications: 1, events: 2, deliveries: 2, preferences: true });
      const left = await storage.events.list({ app_id: 'a1', user_id: 'u1', limit: 10, offset: 0 });
      expect(left.items.map((item) => item.id)).toEqual([notice.id]);
      expect((await storage.events.list({ app_id: 'a1', user_id: 'other', limit: 10, offset: 0 })).total).toBe(1);
      expect(await storage.notifications.get(record.id)).toBeUndefined();
      expect((await storage.preferences.get('u1')).updated_at).toBeNull();
      expect(await storage.users.appsOf('u1')).toEqual([]);
      // The user's remembered responses are gone (the key is free again); another user's stay.
      expect((await storage.idempotency.reserve('user:u1', 'k1', 'hash', at)).reserved).toBe(true);
      expect((await storage.idempotency.reserve('user:other', 'k1', 'hash', at)).reserved).toBe(false);
      const deliveries = await storage.deliveries.list({ webhook_id: 'wh_1', limit: 10 });
      expect(deliveries.map((delivery) => delivery.event_id).sort()).toEqual([bystander.id, notice.id].sort());
      expect(await storage.users.erase('u1', 'user:u1')).toEqual({
        notifications: 0,
        events: 0,
        deliveries: 0,
        preferences: false,
      });
    });
  });
}
