import { Oriva, PermissionDeniedError } from '@oriva/sdk';
import { describe, expect, it } from 'vitest';
import { serverWithApp } from '../../server/src/testing/server-with-app.test-support.js';

const workBuddy = serverWithApp();

const asAdmin = () => new Oriva({ adminToken: workBuddy.server.adminToken, baseUrl: workBuddy.server.url });
const asApp = () => new Oriva({ apiKey: workBuddy.apiKey, appId: 'work-buddy', baseUrl: workBuddy.server.url });

const profileUpdated = (userId: string) => ({
  event_category: 'user' as const,
  event_type: 'profile_updated',
  entity_type: 'user',
  entity_id: userId,
  user_id: userId,
  event_data: { changed_fields: ['display_name'] },
});

describe('platform events and erasure through the SDK, against the real server', () => {
  it('connects a user to an app, publishes to it, disconnects, and erases the user', async () => {
    const admin = asAdmin().admin;
    const userId = 'user with/odd chars';
    expect((await admin.publishPlatformEvent(profileUpdated(userId))).recipients).toEqual([]);

    expect(await admin.connectUserApp(userId, 'work-buddy')).toMatchObject({ user_id: userId, connected: true });
    const published = await admin.publishPlatformEvents([profileUpdated(userId), profileUpdated(userId)]);
    expect(published.events.map((event) => event.recipients.map((recipient) => recipient.app_id))).toEqual([
      ['work-buddy'],
      ['work-buddy'],
    ]);
    const seen = await asApp().events.list({ user_id: userId });
    expect(seen.data.map((event) => event.type)).toEqual(['user.profile_updated', 'user.profile_updated']);

    const erased = await admin.deleteUser(userId);
    expect(erased).toMatchObject({ user_id: userId, notified_apps: ['work-buddy'], events_deleted: 2 });
    const left = await asApp().events.list({ user_id: userId });
    expect(left.data.map((event) => event.type)).toEqual(['user.deleted']);

    expect(await admin.disconnectUserApp(userId, 'work-buddy')).toMatchObject({ connected: false });
  });

  it("refuses an app's event in the platform's categories with a typed error", async () => {
    const refused = await asApp()
      .events.publish({ ...profileUpdated('user_456'), event_category: 'user' } as never)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PermissionDeniedError);
    expect((refused as PermissionDeniedError).code).toBe('platform_category_reserved');
  });
});
