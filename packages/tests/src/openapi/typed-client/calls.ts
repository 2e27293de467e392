/**
 * A client generated from docs/openapi.yml alone (openapi-typescript + openapi-fetch), calling every
 * operation the way an app would. typed-client.test.ts generates `./openapi.gen.ts` beside a copy of this
 * file and typechecks it: the document must let a typed client say all of this, and refuse the
 * `@ts-expect-error` lines. Not part of the repository's own typecheck (the types are generated).
 */
import createClient from 'openapi-fetch';
import type { paths } from './openapi.gen.js';

const oriva = createClient<paths>({ baseUrl: 'http://localhost:8787' });
const app = { path: { app_id: 'work-buddy' } };
const user = { path: { user_id: 'user_456' } };
const hook = { path: { app_id: 'work-buddy', webhook_id: 'wh_1' } };
const notification = { path: { notification_id: 'wb_notif_123' } };
const retryKey = { header: { 'Idempotency-Key': 'publish order 42' } };

export async function everyOperation() {
  await oriva.GET('/healthz');
  await oriva.GET('/readyz');

  await oriva.POST('/api/v1/apps', { body: { app_id: 'work-buddy', name: 'Work Buddy' }, params: retryKey });
  await oriva.GET('/api/v1/apps');
  await oriva.GET('/api/v1/apps/{app_id}', { params: app });
  await oriva.PATCH('/api/v1/apps/{app_id}', { params: app, body: { name: 'Work Buddy 2' } });
  await oriva.POST('/api/v1/apps/{app_id}/keys', { params: app, body: { name: 'rotation' } });
  await oriva.GET('/api/v1/apps/{app_id}/keys', { params: app });
  await oriva.DELETE('/api/v1/apps/{app_id}/keys/{key_id}', {
    params: { path: { app_id: 'work-buddy', key_id: 'k' } },
  });
  await oriva.POST('/api/v1/apps/{app_id}/portal-sessions', { params: app, body: { expires_in_seconds: 600 } });

  const published = await oriva.POST('/api/v1/apps/{app_id}/events', {
    params: { ...app, ...retryKey },
    body: {
      event_category: 'notification',
      event_type: 'dismissed',
      entity_type: 'notification',
      entity_id: 'wb_notif_123',
      user_id: 'user_456',
      event_data: { dismissed_from: 'work_buddy' },
    },
  });
  const eventId: string | undefined = published.data?.event_id;
  // A replayed answer says so.
  const replayed: string | null = published.response.headers.get('Idempotent-Replayed');
  await oriva.POST('/api/v1/apps/{app_id}/events/batch', { params: app, body: { events: [] } });
  await oriva.GET('/api/v1/apps/{app_id}/events', { params: { ...app, query: { event_category: 'notification' } } });
  const stats = await oriva.GET('/api/v1/apps/{app_id}/stats', { params: { ...app, query: { interval: 'day' } } });
  const viewRate: number | null | undefined = stats.data?.totals.rates.view_rate;
  void viewRate;
  await oriva.GET('/api/v1/admin/stats', { params: { query: { from: '2025-09-01T00:00:00Z', interval: 'hour' } } });

  // The design document's Example 1, as written there.
  await oriva.POST('/api/v1/apps/{app_id}/notifications', {
    params: { ...app, ...retryKey },
    body: {
      notification_id: 'wb_notif_123',
      user_id: 'user_456',
      type: 'session_reminder',
      title: 'Session starting in 10 minutes',
      body: 'Your session with Sarah starts soon',
      action_url: 'workbuddy://session/789',
      session_id: 'session_789',
    },
  });
  await oriva.POST('/api/v1/apps/{app_id}/notifications', {
    params: app,
    body: { external_id: 'wb_2', user_id: 'user_456', notification_type: 'session_reminder', title: 'Soon' },
  });
  await oriva.GET('/api/v1/apps/{app_id}/notifications', { params: { ...app, query: { user_id: 'user_456' } } });
  await oriva.GET('/api/v1/users/{user_id}/notifications', {
    params: { ...user, query: { group: true, include_muted: false } },
  });
  await oriva.GET('/api/v1/users/{user_id}/notifications', {
    // @ts-expect-error the flags are booleans, not strings
    params: { ...user, query: { group: 'true' } },
  });
  await oriva.GET('/api/v1/users/{user_id}/notifications/unread-count', { params: user });
  await oriva.POST('/api/v1/users/{user_id}/notifications/read-all', { params: user, body: {} });
  await oriva.GET('/api/v1/notifications/{notification_id}', { params: notification });
  await oriva.PATCH('/api/v1/notifications/{notification_id}', { params: notification, body: { status: 'dismissed' } });
  await oriva.DELETE('/api/v1/notifications/{notification_id}', { params: notification });
  // The deprecated sync call, sent as its old callers do: a JSON string as text/plain.
  await oriva.POST('/api/v1/apps/{app_id}/notifications/events', {
    params: app,
    body: JSON.stringify({ notification_id: 'wb_notif_123', status: 'dismissed' }),
    headers: { 'content-type': 'text/plain' },
    bodySerializer: (body) => body,
  });
  await oriva.POST('/api/v1/apps/{app_id}/notifications/events', {
    params: app,
    body: { notification_id: 'wb_notif_123', status: 'dismissed' },
  });

  await oriva.GET('/api/v1/users/{user_id}/preferences', { params: user });
  await oriva.PUT('/api/v1/users/{user_id}/preferences', { params: user, body: { muted_apps: ['hugo'] } });

  await oriva.POST('/api/v1/apps/{app_id}/webhooks', {
    params: app,
    body: { webhook_url: 'https://workbuddy.example/hooks', subscribed_events: ['notification.*'] },
  });
  await oriva.GET('/api/v1/apps/{app_id}/webhooks', { params: app });
  await oriva.GET('/api/v1/apps/{app_id}/webhooks/{webhook_id}', { params: hook });
  await oriva.PATCH('/api/v1/apps/{app_id}/webhooks/{webhook_id}', { params: hook, body: { is_active: true } });
  await oriva.DELETE('/api/v1/apps/{app_id}/webhooks/{webhook_id}', { params: hook });
  await oriva.POST('/api/v1/apps/{app_id}/webhooks/{webhook_id}/rotate-secret', { params: hook, body: {} });
  await oriva.POST('/api/v1/apps/{app_id}/webhooks/{webhook_id}/rotate-signing-key', {
    params: hook,
    body: { grace_period_seconds: 60 },
  });
  await oriva.GET('/api/v1/apps/{app_id}/webhooks/jwks', { params: { path: { app_id: 'work-buddy' } } });
  await oriva.POST('/api/v1/apps/{app_id}/webhooks/{webhook_id}/test', { params: hook });
  await oriva.GET('/api/v1/apps/{app_id}/webhooks/{webhook_id}/deliveries', {
    params: { ...hook, query: { success: false } },
  });
  await oriva.POST('/api/v1/apps/{app_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/retry', {
    params: { path: { ...hook.path, delivery_id: 'del_1' } },
  });
  await oriva.POST('/api/v1/apps/{app_id}/webhooks/{webhook_id}/recover', {
    params: hook,
    body: { since: '2025-09-30T00:00:00Z', dry_run: true },
  });
  await oriva.POST('/api/v1/apps/{app_id}/events/{event_id}/replay', {
    params: { path: { app_id: 'work-buddy', event_id: 'evt_1' } },
    body: { webhook_id: 'wh_1' },
  });

  const sessionEnded = { path: { app_id: 'work-buddy', event_type: 'session.ended' } };
  await oriva.PUT('/api/v1/apps/{app_id}/event-types/{event_type}', {
    params: { ...sessionEnded, query: { breaking: true } },
    body: { schema: { type: 'object' }, examples: [{ duration: 1500 }], description: 'A session ended' },
  });
  await oriva.GET('/api/v1/apps/{app_id}/event-types/{event_type}', {
    params: { ...sessionEnded, query: { version: 1 } },
  });
  await oriva.GET('/api/v1/apps/{app_id}/event-types', { params: app });
  await oriva.DELETE('/api/v1/apps/{app_id}/event-types/{event_type}', { params: sessionEnded });
  await oriva.GET('/api/v1/event-types', { params: { query: { category: 'session' } } });

  const consumer = { path: { app_id: 'work-buddy', consumer_id: 'billing-sync' } };
  const polled = await oriva.GET('/api/v1/apps/{app_id}/consumers/{consumer_id}/poll', {
    params: { ...consumer, query: { events: 'invoice.*', limit: 100, wait: 20 } },
  });
  const position: number = polled.data?.position ?? 0;
  await oriva.POST('/api/v1/apps/{app_id}/consumers/{consumer_id}/commit', { params: consumer, body: { position } });
  await oriva.GET('/api/v1/apps/{app_id}/consumers/{consumer_id}', { params: consumer });
  await oriva.GET('/api/v1/apps/{app_id}/consumers', { params: app });
  await oriva.DELETE('/api/v1/apps/{app_id}/consumers/{consumer_id}', { params: consumer });

  await oriva.POST('/api/v1/dev/users/{user_id}/token', { params: user });
  await oriva.POST('/api/v1/events/stream/tickets');
  await oriva.GET('/api/v1/events/stream', { params: { query: { user_id: 'user_456' } } });
  await oriva.POST('/api/v1/admin/prune', { body: { older_than_days: 90 } });
  await oriva.GET('/api/v1/admin/archives');
  await oriva.POST('/api/v1/admin/archives/restore', { body: { file: 'events.work-buddy.2025-03.1-48210.ndjson.gz' } });
  await oriva.POST('/api/v1/apps/{app_id}/events/validate', {
    params: app,
    body: { event_category: 'session', event_type: 'ended', entity_type: 's', entity_id: 's1', user_id: 'user_456' },
  });
  await oriva.POST('/api/v1/apps/{app_id}/events/batch/validate', { params: app, body: { events: [] } });

  const profileUpdated = {
    event_category: 'user' as const,
    event_type: 'profile_updated',
    entity_type: 'user',
    entity_id: 'user_456',
    user_id: 'user_456',
    event_data: { changed_fields: ['display_name'] },
  };
  const userApp = { path: { user_id: 'user_456', app_id: 'work-buddy' } };
  await oriva.PUT('/api/v1/users/{user_id}/apps/{app_id}', { params: userApp });
  await oriva.DELETE('/api/v1/users/{user_id}/apps/{app_id}', { params: userApp });
  await oriva.POST('/api/v1/platform/events', { body: profileUpdated });
  await oriva.POST('/api/v1/platform/events/batch', { body: { events: [profileUpdated] } });
  await oriva.DELETE('/api/v1/admin/users/{user_id}', { params: user });

  const failed = await oriva.GET('/api/v1/apps/{app_id}', { params: app });
  // Every error has the one shape, with a stable code.
  const code: string | undefined = failed.error?.error.code;
  return { eventId, replayed, code };
}
