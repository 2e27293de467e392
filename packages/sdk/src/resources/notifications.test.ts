import { DESIGN_DOC_NOTIFICATION } from '@oriva/contract';
import { describe, expect, it } from 'vitest';
import { ConflictError, OrivaError } from '../core/errors.js';
import { apiError, fakeJwt, json, type RecordedCall, testClient } from '../fake-fetch.test-support.js';
import { notificationRecord } from '../records.test-support.js';
import type { CreateNotificationRequest, Notification, PreferencesResponse } from '../types.js';
import { NotificationPage } from './notifications.js';
import { mergePreferences } from './preferences.js';

const jwt = fakeJwt;
const USER_TOKEN = jwt({ sub: 'user_456', exp: 4_000_000_000 });

const user = (answers: Parameters<typeof testClient>[0], options: Parameters<typeof testClient>[1] = {}) =>
  testClient(answers, { apiKey: undefined, appId: undefined, userToken: USER_TOKEN, ...options });
const admin = (answers: Parameters<typeof testClient>[0], options: Parameters<typeof testClient>[1] = {}) =>
  testClient(answers, { apiKey: undefined, appId: undefined, adminToken: 'admin-secret', ...options });

const ntfId = (n: number) => `ntf_${String(n).padStart(26, '0')}`;
const TIME = '2025-09-30T10:30:00.000Z';

function notification(n: number, overrides: Partial<Notification> = {}): Notification {
  return notificationRecord({
    id: ntfId(n),
    external_id: `wb_notif_${n}`,
    title: `Notification ${n}`,
    body: '',
    action_url: null,
    action_label: null,
    priority: 'normal',
    context_data: {},
    created_at: TIME,
    updated_at: TIME,
    ...overrides,
  });
}

/** A page of notifications `ids` (newest first), pointing at the next page when `more`; a feed page has counts. */
function page(ids: number[], more: boolean, feed = true) {
  const notifications = ids.map((n) => notification(n));
  return json(200, {
    success: true,
    notifications,
    pagination: { total: 7, limit: 3, offset: 0, has_more: more, next_cursor: more ? `cur_${ids.at(-1)}` : null },
    ...(feed ? { unread_count: 5, muted_unread_count: 1 } : {}),
  });
}

const updated = (status: string, changed = true) =>
  json(200, { success: true, notification_id: ntfId(1), status, updated_at: TIME, changed });

const query = (call: RecordedCall | undefined) => Object.fromEntries(new URL(call?.url ?? 'http://x').searchParams);
const sent = (calls: RecordedCall[]) => calls.map((call) => [call.method, call.url, call.body]);

const API = 'http://oriva.test/api/v1';

describe('notifications (app side)', () => {
  const { expires_at, ...request }: CreateNotificationRequest = DESIGN_DOC_NOTIFICATION;
  const created = { success: true, notification_id: ntfId(1), created_at: TIME };

  it('create posts to /apps/{appId}/notifications with an idempotency key; 200 means it already existed', async () => {
    const { client, calls } = testClient([json(201, created), json(200, created)]);
    await expect(client.notifications.create(request)).resolves.toEqual(created);
    const again = await client.notifications.create(request).withResponse();
    expect(again.response.status).toBe(200);
    expect(again.data).toEqual(created);
    expect(sent(calls)).toEqual([
      ['POST', `${API}/apps/work-buddy/notifications`, request],
      ['POST', `${API}/apps/work-buddy/notifications`, request],
    ]);
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer ok_test_key');
    expect(calls[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('create takes the app per call, and explains a missing app id without sending', async () => {
    const { client, calls } = testClient([json(201, created)], { appId: undefined });
    await client.notifications.create(request, { appId: 'other-app' });
    expect(calls[0]?.url).toBe(`${API}/apps/other-app/notifications`);
    await expect(client.notifications.create(request)).rejects.toThrow(/^Missing app id/);
    expect(calls).toHaveLength(1);
  });

  it('create surfaces 409 notification_exists as ConflictError, without retrying it', async () => {
    const { client, calls } = testClient([
      apiError(409, 'notification_exists', 'wb_notif_123 exists with other content', {
        headers: { 'x-should-retry': 'false' },
      }),
    ]);
    const error = await client.notifications.create(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('notification_exists');
    expect(calls).toHaveLength(1);
  });

  it('retrieve, update and delete address /notifications/{id}, by platform id or encoded external id', async () => {
    const { client, calls } = testClient([
      json(200, { success: true, notification: notification(1) }),
      updated('unread'),
      new Response(null, { status: 204 }),
    ]);
    const { notification: found } = await client.notifications.retrieve(ntfId(1));
    expect(found.title).toBe('Notification 1');
    const result = await client.notifications.update('wb notif/1', { title: 'Starting now', priority: 'urgent' });
    expect(result).toEqual({
      success: true,
      notification_id: ntfId(1),
      status: 'unread',
      updated_at: TIME,
      changed: true,
    });
    await expect(client.notifications.delete('wb_notif_1')).resolves.toBeUndefined();
    expect(sent(calls)).toEqual([
      ['GET', `${API}/notifications/${ntfId(1)}`, undefined],
      ['PATCH', `${API}/notifications/wb%20notif%2F1`, { title: 'Starting now', priority: 'urgent' }],
      ['DELETE', `${API}/notifications/wb_notif_1`, undefined],
    ]);
  });

  it("list reads the app's notifications with its filters, and follows next_cursor", async () => {
    const { client, calls } = testClient([page([7, 6, 5], true, false), page([4], false, false)]);
    const ids: string[] = [];
    for await (const item of client.notifications.list({ user_id: 'user_456', status: 'unread', limit: 3 })) {
      ids.push(item.id);
    }
    expect(ids).toEqual([7, 6, 5, 4].map(ntfId));
    expect(calls.map((call) => call.url.split('?')[0])).toEqual([
      `${API}/apps/work-buddy/notifications`,
      `${API}/apps/work-buddy/notifications`,
    ]);
    expect(calls.map(query)).toEqual([
      { user_id: 'user_456', status: 'unread', limit: '3' },
      { user_id: 'user_456', status: 'unread', limit: '3', after: 'cur_5' },
    ]);
    const first = await testClient([page([1], false, false)]).client.notifications.list();
    expect(first).toBeInstanceOf(NotificationPage);
    expect(first.unreadCount).toBeNull();
    expect(first.mutedUnreadCount).toBeNull();
  });

  it("list refuses a feed-only filter on an app's list, before sending", async () => {
    const { client, calls } = testClient([]);
    await expect(client.notifications.list({ priority: 'high', status: 'all' })).rejects.toThrow(
      "`priority`, `status: 'all'` only filter a user's feed; this call lists an app's notifications (filters: user_id, status, external_id).",
    );
    await expect(client.notifications.list({}, { userId: 'user_456' })).rejects.toThrow(
      "An app key lists its app's notifications, not a user's feed",
    );
    expect(calls).toEqual([]);
  });
});

describe('notifications (user side)', () => {
  it("takes the user id from the token's sub and lists the user's feed with its unread counts", async () => {
    const { client, calls } = user([page([3, 2, 1], false)]);
    expect(client.userId).toBe('user_456');
    const first = await client.notifications.list({ app_id: 'work-buddy', include_muted: true, group: false });
    expect(first).toBeInstanceOf(NotificationPage);
    expect(first.data.map((item) => item.app_name)).toEqual(['Work Buddy', 'Work Buddy', 'Work Buddy']);
    expect(first.unreadCount).toBe(5);
    expect(first.mutedUnreadCount).toBe(1);
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.url).toBe(`${API}/users/user_456/notifications?app_id=work-buddy&include_muted=true&group=false`);
    expect(calls[0]?.headers.get('authorization')).toBe(`Bearer ${USER_TOKEN}`);
  });

  it('auto-pages the feed across 3 pages with after = next_cursor, never offset', async () => {
    const { client, calls } = user([page([7, 6, 5], true), page([4, 3, 2], true), page([1], false)]);
    const ids: string[] = [];
    for await (const item of client.notifications.list({ status: 'all', limit: 3, offset: 0 })) ids.push(item.id);
    expect(ids).toEqual([7, 6, 5, 4, 3, 2, 1].map(ntfId));
    expect(calls.map((call) => call.url.split('?')[0])).toEqual(Array(3).fill(`${API}/users/user_456/notifications`));
    expect(calls.map(query)).toEqual([
      { status: 'all', limit: '3', offset: '0' },
      { status: 'all', limit: '3', after: 'cur_5' },
      { status: 'all', limit: '3', after: 'cur_2' },
    ]);

    const pages = user([page([7, 6, 5], true), page([4], false)]);
    const firstPage = await pages.client.notifications.list({ limit: 3 });
    const next = await firstPage.getNextPage();
    expect(next).toBeInstanceOf(NotificationPage);
    expect(next.unreadCount).toBe(5);
    expect(next.hasNextPage()).toBe(false);
  });

  it('markRead, markClicked, dismiss and markUnread patch the status with their details', async () => {
    const { client, calls } = user([
      updated('read'),
      updated('clicked'),
      updated('dismissed'),
      updated('unread', false),
    ]);
    await expect(client.notifications.markRead(ntfId(1))).resolves.toMatchObject({ status: 'read', changed: true });
    await client.notifications.markClicked(ntfId(1), { click_action: 'open_session' });
    await client.notifications.dismiss('wb_notif_123', { dismissed_from: 'oriva_core' });
    await expect(client.notifications.markUnread(ntfId(1))).resolves.toMatchObject({ changed: false });
    expect(sent(calls)).toEqual([
      ['PATCH', `${API}/notifications/${ntfId(1)}`, { status: 'read' }],
      ['PATCH', `${API}/notifications/${ntfId(1)}`, { click_action: 'open_session', status: 'clicked' }],
      ['PATCH', `${API}/notifications/wb_notif_123`, { dismissed_from: 'oriva_core', status: 'dismissed' }],
      ['PATCH', `${API}/notifications/${ntfId(1)}`, { status: 'unread' }],
    ]);
  });

  it('markAllRead posts to read-all (an empty body by default), unreadCount gets the counts', async () => {
    const counts = { success: true, unread_count: 3, muted_unread_count: 1, by_app: { 'work-buddy': 3 } };
    const { client, calls } = user([
      json(200, { success: true, count: 4 }),
      json(200, { success: true, count: 1 }),
      json(200, counts),
    ]);
    await expect(client.notifications.markAllRead()).resolves.toEqual({ success: true, count: 4 });
    await client.notifications.markAllRead({ app_id: 'work-buddy', before: '2025-09-30T10:00:00Z' });
    await expect(client.notifications.unreadCount()).resolves.toEqual(counts);
    expect(sent(calls)).toEqual([
      ['POST', `${API}/users/user_456/notifications/read-all`, {}],
      [
        'POST',
        `${API}/users/user_456/notifications/read-all`,
        { app_id: 'work-buddy', before: '2025-09-30T10:00:00Z' },
      ],
      ['GET', `${API}/users/user_456/notifications/unread-count`, undefined],
    ]);
  });

  it('a userId option wins over the sub; a new user token brings its own sub', async () => {
    const { client, calls } = user([json(200, { success: true, count: 0 })], { userId: 'user_789' });
    expect(client.userId).toBe('user_789');
    await client.notifications.markAllRead();
    expect(calls[0]?.url).toBe(`${API}/users/user_789/notifications/read-all`);
    expect(client.withOptions({ timeout: 1000 }).userId).toBe('user_789');
    expect(client.withOptions({ userToken: jwt({ sub: 'user_999' }) }).userId).toBe('user_999');
    expect(client.withOptions({ userToken: jwt({ sub: 'user_999' }), userId: 'x' }).userId).toBe('x');
  });

  it('explains a missing user id and sends nothing', async () => {
    const opaque = user([], { userToken: 'not-a-jwt' });
    expect(opaque.client.userId).toBeNull();
    const error = await opaque.client.notifications.unreadCount().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OrivaError);
    expect((error as Error).message).toBe(
      "Missing user id: this call acts on one user's notifications (/users/{userId}/…); the user token is not a JWT with a `sub` claim, so pass the user id: `new Oriva({ userToken, userId })`.",
    );
    await expect(opaque.client.notifications.list()).rejects.toThrow(/^Missing user id/);
    await expect(opaque.client.preferences.get()).rejects.toThrow(/^Missing user id/);
    expect(opaque.calls).toEqual([]);

    const app = testClient([]);
    await expect(app.client.notifications.markAllRead()).rejects.toThrow(
      /^Missing user id: .*an app key cannot act for a user: use a client with the user's token/,
    );
    const adminClient = admin([]);
    await expect(adminClient.client.preferences.get()).rejects.toThrow(
      /^Missing user id: .*pass the user for this call, `\{ userId: 'user_456' \}`/,
    );
    expect(app.calls).toEqual([]);
    expect(adminClient.calls).toEqual([]);
  });

  it("list refuses an app-only filter on a user's feed, and a per-call appId", async () => {
    const { client, calls } = user([]);
    await expect(client.notifications.list({ external_id: 'wb_notif_123' })).rejects.toThrow(
      "`external_id` only filters an app's notifications; this call lists a user's feed",
    );
    await expect(client.notifications.list({}, { appId: 'work-buddy' })).rejects.toThrow(
      "A user token lists the user's own feed",
    );
    expect(calls).toEqual([]);
  });

  it("the admin token lists a user's feed given a userId, else an app's notifications", async () => {
    const { client, calls } = admin([page([1], false), page([1], false, false), page([1], false)], {
      appId: 'work-buddy',
    });
    await client.notifications.list({ status: 'unread' }, { userId: 'user_456' });
    await client.notifications.list({ user_id: 'user_456' });
    await client.withOptions({ userId: 'user_789' }).notifications.list();
    expect(calls.map((call) => call.url)).toEqual([
      `${API}/users/user_456/notifications?status=unread`,
      `${API}/apps/work-buddy/notifications?user_id=user_456`,
      `${API}/users/user_789/notifications`,
    ]);
    await expect(client.notifications.list({}, { userId: 'u', appId: 'a' })).rejects.toThrow(/not both/);
  });
});

describe('preferences', () => {
  const saved = (muted_apps: string[], muted_types: Record<string, string[]>): PreferencesResponse => ({
    success: true,
    preferences: { muted_apps, muted_types },
    updated_at: TIME,
  });

  it('get and replace address /users/{userId}/preferences', async () => {
    const { client, calls } = user([json(200, saved([], {})), json(200, saved(['hugo'], {}))]);
    await expect(client.preferences.get()).resolves.toEqual(saved([], {}));
    await client.preferences.replace({ muted_apps: ['hugo'], muted_types: {} });
    expect(sent(calls)).toEqual([
      ['GET', `${API}/users/user_456/preferences`, undefined],
      ['PUT', `${API}/users/user_456/preferences`, { muted_apps: ['hugo'], muted_types: {} }],
    ]);
  });

  it('update reads the preferences, merges the change and writes the result', async () => {
    const current = saved(['hugo'], { 'work-buddy': ['digest'], calendar: ['reminder'] });
    const result = saved(['hugo'], { 'work-buddy': ['digest', 'weekly'] });
    const { client, calls } = user([json(200, current), json(200, result)]);
    const { data, requestId } = await client.preferences
      .update({ muted_types: { 'work-buddy': ['digest', 'weekly'], calendar: [] } })
      .withResponse();
    expect(data).toEqual(result);
    expect(requestId).toBe('req_test');
    expect(sent(calls)).toEqual([
      ['GET', `${API}/users/user_456/preferences`, undefined],
      [
        'PUT',
        `${API}/users/user_456/preferences`,
        { muted_apps: ['hugo'], muted_types: { 'work-buddy': ['digest', 'weekly'] } },
      ],
    ]);
  });

  it('update with the admin token acts on the per-call user', async () => {
    const { client, calls } = admin([json(200, saved([], {})), json(200, saved(['hugo'], {}))]);
    await client.preferences.update({ muted_apps: ['hugo'] }, { userId: 'user_789' });
    expect(sent(calls)).toEqual([
      ['GET', `${API}/users/user_789/preferences`, undefined],
      ['PUT', `${API}/users/user_789/preferences`, { muted_apps: ['hugo'], muted_types: {} }],
    ]);
  });

  it('mergePreferences replaces muted_apps when given and merges muted_types per app', () => {
    const current = { muted_apps: ['a'], muted_types: { x: ['t1'], y: ['t2'] } };
    expect(mergePreferences(current, {})).toEqual(current);
    expect(mergePreferences(current, { muted_apps: [] })).toEqual({ muted_apps: [], muted_types: current.muted_types });
    expect(mergePreferences(current, { muted_types: { y: [], z: ['t3'] } })).toEqual({
      muted_apps: ['a'],
      muted_types: { x: ['t1'], z: ['t3'] },
    });
    expect(current).toEqual({ muted_apps: ['a'], muted_types: { x: ['t1'], y: ['t2'] } });
  });
});
