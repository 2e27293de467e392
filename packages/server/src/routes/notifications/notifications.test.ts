import { DESIGN_DOC_EXAMPLE_ONE, DESIGN_DOC_NOTIFICATION as DOC_NOTIFICATION } from '@oriva/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness.js';

interface Feed {
  notifications: Array<Record<string, unknown> & { id: string; status: string; external_id: string; app_id: string }>;
  pagination: { total: number; has_more: boolean; next_cursor: string | null };
  unread_count: number;
  muted_unread_count: number;
}
interface EventList {
  events: Array<{
    type: string;
    app_id: string;
    entity_id: string;
    user_id: string;
    event_data: Record<string, unknown>;
  }>;
}

let server: TestServer;
let workBuddy: string;
let hugo: string;
let user456: string;
let user789: string;

/** The design document's "Notification Management" request body, as written there. */
const DESIGN_DOC_NOTIFICATION = { ...DOC_NOTIFICATION, expires_at: '2099-09-30T12:00:00Z' };

let counter = 0;
const unique = (prefix: string) => `${prefix}_${Date.now()}_${counter++}`;

beforeAll(async () => {
  server = await startTestServer({ ORIVA_EXPIRY_SWEEP_SECONDS: '0.2' });
  workBuddy = await server.createApp('work-buddy', 'Work Buddy');
  await server.request('/api/v1/apps/work-buddy', {
    method: 'PATCH',
    token: workBuddy,
    json: { icon_url: 'https://workbuddy.example/icon.png' },
  });
  hugo = await server.createApp('hugo', 'Hugo');
  user456 = await server.userToken('user_456');
  user789 = await server.userToken('user_789');
});
afterAll(() => server.close());

const create = (token: string, app: string, body: object) =>
  server.request(`/api/v1/apps/${app}/notifications`, { method: 'POST', token, json: body });
const notify = async (overrides: Record<string, unknown> = {}, app = 'work-buddy', token = workBuddy) => {
  const external_id = (overrides.external_id as string) ?? unique('n');
  const response = await create(token, app, {
    user_id: 'user_456',
    notification_type: 'update',
    title: 'Hello',
    ...overrides,
    external_id,
  });
  expect(response.status).toBe(201);
  const { notification_id } = (await response.json()) as { notification_id: string };
  return { id: notification_id, external_id };
};
const patch = (token: string, id: string, body: object) =>
  server.request(`/api/v1/notifications/${encodeURIComponent(id)}`, { method: 'PATCH', token, json: body });
const feed = async (query = '', token = user456, user = 'user_456') => {
  const response = await server.request(`/api/v1/users/${user}/notifications${query}`, { token });
  expect(response.status).toBe(200);
  return (await response.json()) as Feed;
};
const eventsAbout = async (externalId: string, app = 'work-buddy', token = workBuddy) => {
  const response = await server.request(
    `/api/v1/apps/${app}/events?entity_id=${encodeURIComponent(externalId)}&limit=500`,
    { token },
  );
  return ((await response.json()) as EventList).events.reverse();
};
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe("the design document's examples", () => {
  it('Example 1 as written: Work Buddy creates a notification and Oriva Core lists it', async () => {
    // Example 1's body, verbatim: notification_id and type, and session_id at the top level.
    const response = await create(workBuddy, 'work-buddy', DESIGN_DOC_EXAMPLE_ONE);
    expect(response.status).toBe(201);
    const created = (await response.json()) as { success: boolean; notification_id: string; created_at: string };
    expect(created).toMatchObject({ success: true, notification_id: expect.stringMatching(/^ntf_/) });

    const list = await feed();
    const item = list.notifications.find((notification) => notification.id === created.notification_id);
    expect(item).toMatchObject({
      app_id: 'work-buddy',
      app_name: 'Work Buddy',
      app_icon: 'https://workbuddy.example/icon.png',
      external_id: 'wb_notif_123',
      notification_type: 'session_reminder',
      title: 'Session starting in 10 minutes',
      action_url: 'workbuddy://session/789',
      priority: 'normal',
      status: 'unread',
      context_data: { session_id: 'session_789' },
    });
    const events = await eventsAbout('wb_notif_123');
    expect(events.map((event) => event.type)).toEqual(['notification.created']);
  });

  it("the Notification Management body as written, and its feed item in the document's shape", async () => {
    const response = await create(workBuddy, 'work-buddy', {
      ...DESIGN_DOC_NOTIFICATION,
      external_id: 'wb_notif_design',
    });
    expect(response.status).toBe(201);
    const list = await feed('?app_id=work-buddy');
    expect(list.notifications.find((item) => item.external_id === 'wb_notif_design')).toMatchObject({
      app_name: 'Work Buddy',
      priority: 'high',
      status: 'unread',
      action_label: 'View Session',
      context_data: { session_id: 'session_789', partner_name: 'Sarah' },
      expires_at: '2099-09-30T12:00:00.000Z',
    });
    expect(list.pagination).toMatchObject({ total: expect.any(Number), has_more: false });
  });

  it('Example 2: the user dismisses wb_notif_123 in Core; one notification.dismissed event, attributed to Work Buddy', async () => {
    const response = await patch(user456, 'wb_notif_123', { status: 'dismissed', dismissed_from: 'oriva_core' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      success: boolean;
      status: string;
      changed: boolean;
      notification_id: string;
    };
    expect(body).toMatchObject({
      success: true,
      status: 'dismissed',
      changed: true,
      notification_id: expect.stringMatching(/^ntf_/),
    });

    const again = await patch(user456, 'wb_notif_123', { status: 'dismissed', dismissed_from: 'oriva_core' });
    expect(((await again.json()) as { changed: boolean }).changed).toBe(false);

    const events = await eventsAbout('wb_notif_123');
    expect(events.map((event) => event.type)).toEqual(['notification.created', 'notification.dismissed']);
    expect(events[1]).toMatchObject({
      app_id: 'work-buddy',
      user_id: 'user_456',
      entity_id: 'wb_notif_123',
      event_data: { dismissed_from: 'oriva_core', previous_status: 'unread', status: 'dismissed', changed_by: 'user' },
    });

    expect((await feed()).notifications.some((item) => item.external_id === 'wb_notif_123')).toBe(false);
    const dismissed = await feed('?status=dismissed');
    expect(dismissed.notifications.find((item) => item.external_id === 'wb_notif_123')).toMatchObject({
      status: 'dismissed',
      dismissed_from: 'oriva_core',
      dismissed_at: expect.any(String),
    });
  });
});

describe('creating', () => {
  it('the same request again returns the existing notification; other content is a 409 naming it', async () => {
    const body = { ...DESIGN_DOC_NOTIFICATION, external_id: unique('dup') };
    const first = await create(workBuddy, 'work-buddy', body);
    const { notification_id } = (await first.json()) as { notification_id: string };
    const second = await create(workBuddy, 'work-buddy', {
      ...body,
      context_data: { partner_name: 'Sarah', session_id: 'session_789' },
    });
    expect(second.status).toBe(200);
    expect(((await second.json()) as { notification_id: string }).notification_id).toBe(notification_id);

    const conflict = await create(workBuddy, 'work-buddy', { ...body, title: 'Another title' });
    expect(conflict.status).toBe(409);
    const error = (await conflict.json()) as { error: { code: string; message: string } };
    expect(error.error.code).toBe('notification_exists');
    expect(error.error.message).toContain(notification_id);
    expect((await eventsAbout(body.external_id)).map((event) => event.type)).toEqual(['notification.created']);
  });

  it('another app may use the same external id', async () => {
    const external = unique('shared');
    await notify({ external_id: external });
    await notify({ external_id: external }, 'hugo', hugo);
  });

  it('refuses script URLs, control characters and oversize fields, naming each; stores hostile text as given', async () => {
    for (const action_url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>x</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const response = await create(workBuddy, 'work-buddy', {
        ...DESIGN_DOC_NOTIFICATION,
        external_id: unique('x'),
        action_url,
      });
      expect(response.status, action_url).toBe(400);
      const body = (await response.json()) as { error: { fields: Array<{ path: string }> } };
      expect(body.error.fields.map((field) => field.path)).toEqual(['action_url']);
    }
    const bad = await create(workBuddy, 'work-buddy', {
      ...DESIGN_DOC_NOTIFICATION,
      external_id: unique('x'),
      title: 'a\u0007b',
      body: 'x'.repeat(1001),
      image_url: 'javascript:alert(1)',
      priority: 'critical',
    });
    const fields = ((await bad.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map(
      (f) => f.path,
    );
    expect(fields.sort()).toEqual(['body', 'image_url', 'priority', 'title']);

    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const { id } = await notify({ title: hostile, body: `${hostile}\nsecond line` });
    const stored = await server.request(`/api/v1/notifications/${id}`, { token: workBuddy });
    expect(((await stored.json()) as { notification: { title: string; body: string } }).notification).toMatchObject({
      title: hostile,
      body: `${hostile}\nsecond line`,
    });
  });

  it('allows http media and action URLs only in dev mode', async () => {
    const production = await startTestServer({ ORIVA_DEV: '0' });
    try {
      const key = await production.createApp('prod-app');
      const response = await production.request('/api/v1/apps/prod-app/notifications', {
        method: 'POST',
        token: key,
        json: {
          ...DESIGN_DOC_NOTIFICATION,
          action_url: 'http://insecure.example/x',
          icon_url: 'http://insecure.example/i.png',
        },
      });
      expect(response.status).toBe(400);
      const paths = ((await response.json()) as { error: { fields: Array<{ path: string; code: string }> } }).error
        .fields;
      expect(paths.map((field) => `${field.path}:${field.code}`).sort()).toEqual([
        'action_url:insecure_url',
        'icon_url:insecure_url',
      ]);
    } finally {
      await production.close();
    }
    const dev = await create(workBuddy, 'work-buddy', {
      ...DESIGN_DOC_NOTIFICATION,
      external_id: unique('dev'),
      icon_url: 'http://localhost:3000/i.png',
    });
    expect(dev.status).toBe(201);
  });
});

describe('the state machine', () => {
  it('every real change sets its timestamp and stores exactly one event; repeats and no-ops store none', async () => {
    const { external_id } = await notify();
    const steps: Array<[object, string, boolean]> = [
      [{ status: 'read' }, 'read', true],
      [{ status: 'read' }, 'read', false],
      [{ status: 'clicked', click_action: 'open_session' }, 'clicked', true],
      [{ status: 'read' }, 'clicked', false],
      [{ status: 'unread' }, 'unread', true],
      [{ status: 'dismissed', dismissed_from: 'work_buddy' }, 'dismissed', true],
      [{ status: 'clicked' }, 'dismissed', false],
      [{ status: 'unread' }, 'unread', true],
    ];
    for (const [body, status, changed] of steps) {
      const response = await patch(user456, external_id, body);
      expect(response.status).toBe(200);
      expect(await response.json(), JSON.stringify(body)).toMatchObject({ status, changed });
    }
    const events = await eventsAbout(external_id);
    expect(events.map((event) => event.type)).toEqual([
      'notification.created',
      'notification.read',
      'notification.clicked',
      'notification.unread',
      'notification.dismissed',
      'notification.unread',
    ]);
    expect(events[2]?.event_data).toMatchObject({ click_action: 'open_session', previous_status: 'read' });
    const view = await server.request(`/api/v1/notifications/${external_id}`, { token: workBuddy });
    expect(((await view.json()) as { notification: object }).notification).toMatchObject({
      status: 'unread',
      read_at: expect.any(String),
      clicked_at: expect.any(String),
      dismissed_at: expect.any(String),
      dismissed_from: 'work_buddy',
    });
  });

  it('the owning app may change state and content; a content change stores notification.updated once', async () => {
    const { external_id } = await notify({ priority: 'low' });
    const same = await patch(workBuddy, external_id, { title: 'Hello', priority: 'low' });
    expect(((await same.json()) as { changed: boolean }).changed).toBe(false);
    const changed = await patch(workBuddy, external_id, { title: 'Updated', priority: 'urgent', status: 'read' });
    expect(await changed.json()).toMatchObject({ changed: true, status: 'read' });
    const events = await eventsAbout(external_id);
    expect(events.map((event) => event.type)).toEqual([
      'notification.created',
      'notification.read',
      'notification.updated',
    ]);
    expect(events[1]?.event_data).toMatchObject({ changed_by: 'app' });
    expect(events[2]?.event_data).toMatchObject({ changed_fields: ['title', 'priority'], changed_by: 'app' });
    const userContent = await patch(user456, external_id, { title: 'Mine now' });
    expect(userContent.status).toBe(403);
    expect(await errorCode(userContent)).toBe('content_change_forbidden');
  });

  it('names ambiguous external ids across apps for a user, and takes the platform id', async () => {
    const external = unique('amb');
    const mine = await notify({ external_id: external });
    await notify({ external_id: external }, 'hugo', hugo);
    const ambiguous = await patch(user456, external, { status: 'read' });
    expect(ambiguous.status).toBe(409);
    expect(await errorCode(ambiguous)).toBe('ambiguous_notification_id');
    expect((await patch(user456, mine.id, { status: 'read' })).status).toBe(200);
    // An app key resolves the same external id within its own app only.
    expect(await (await patch(hugo, external, { status: 'read' })).json()).toMatchObject({ changed: true });
  });

  it("an app's own notification.dismissed event dismisses it everywhere, with no second event", async () => {
    const { external_id, id } = await notify();
    const published = await server.request('/api/v1/apps/work-buddy/events', {
      method: 'POST',
      token: workBuddy,
      json: {
        event_category: 'notification',
        event_type: 'dismissed',
        entity_type: 'notification',
        entity_id: external_id,
        user_id: 'user_456',
        event_data: { dismissed_from: 'work_buddy' },
      },
    });
    expect(published.status).toBe(200);
    const view = await server.request(`/api/v1/notifications/${id}`, { token: user456 });
    expect(((await view.json()) as { notification: object }).notification).toMatchObject({
      status: 'dismissed',
      dismissed_from: 'work_buddy',
    });
    expect((await eventsAbout(external_id)).map((event) => event.type)).toEqual([
      'notification.created',
      'notification.dismissed',
    ]);
    // Another app's event about the same id changes nothing of Work Buddy's.
    const other = await notify({ external_id: unique('other') });
    await server.request('/api/v1/apps/hugo/events', {
      method: 'POST',
      token: hugo,
      json: {
        event_category: 'notification',
        event_type: 'dismissed',
        entity_type: 'notification',
        entity_id: other.external_id,
        user_id: 'user_456',
      },
    });
    const untouched = await server.request(`/api/v1/notifications/${other.id}`, { token: user456 });
    expect(((await untouched.json()) as { notification: { status: string } }).notification.status).toBe('unread');
  });

  it('deletes for good, with notification.deleted, for the owning app or the user', async () => {
    const first = await notify();
    const second = await notify();
    expect(
      (await server.request(`/api/v1/notifications/${first.id}`, { method: 'DELETE', token: user456 })).status,
    ).toBe(204);
    expect(
      (await server.request(`/api/v1/notifications/${second.external_id}`, { method: 'DELETE', token: workBuddy }))
        .status,
    ).toBe(204);
    expect((await server.request(`/api/v1/notifications/${first.id}`, { token: workBuddy })).status).toBe(404);
    const events = await eventsAbout(first.external_id);
    expect(events.map((event) => event.type)).toEqual(['notification.created', 'notification.deleted']);
    expect(events[1]?.event_data).toMatchObject({ deleted_by: 'user' });
  });
});

describe('the feed', () => {
  it('reads all as read in one transaction with one summarising event per app', async () => {
    const user = unique('reader');
    const token = await server.userToken(user);
    const a = await notify({ user_id: user });
    await notify({ user_id: user });
    await notify({ user_id: user }, 'hugo', hugo);
    expect((await feed('', token, user)).unread_count).toBe(3);

    const onlyHugo = await server.request(`/api/v1/users/${user}/notifications/read-all`, {
      method: 'POST',
      token,
      json: { app_id: 'hugo' },
    });
    expect(await onlyHugo.json()).toMatchObject({ count: 1 });
    const rest = await server.request(`/api/v1/users/${user}/notifications/read-all`, { method: 'POST', token });
    expect(await rest.json()).toMatchObject({ count: 2 });
    const again = await server.request(`/api/v1/users/${user}/notifications/read-all`, { method: 'POST', token });
    expect(await again.json()).toMatchObject({ count: 0 });

    const counts = await server.request(`/api/v1/users/${user}/notifications/unread-count`, { token });
    expect(await counts.json()).toMatchObject({ unread_count: 0, muted_unread_count: 0, by_app: {} });
    const summaries = (await eventsAbout(user)).filter((event) => event.type === 'notification.read_all');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.event_data).toMatchObject({ count: 2, truncated: false });
    expect(summaries[0]?.event_data.external_ids).toContain(a.external_id);
  });

  it('a notification past its expiry reads as expired at once; the sweeper records it once', async () => {
    const user = unique('expiring');
    const token = await server.userToken(user);
    const soon = new Date(Date.now() + 600).toISOString();
    const { external_id, id } = await notify({ user_id: user, expires_at: soon });
    expect((await feed('', token, user)).unread_count).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 700));
    // Before or after the sweep, it is expired: out of the feed and the counts.
    const live = await feed('', token, user);
    expect(live.notifications).toHaveLength(0);
    expect(live.unread_count).toBe(0);
    const expired = await feed('?status=expired', token, user);
    expect(expired.notifications.map((item) => [item.id, item.status])).toEqual([[id, 'expired']]);
    const refused = await patch(token, id, { status: 'read' });
    expect(refused.status).toBe(409);
    expect(await errorCode(refused)).toBe('notification_expired');

    await new Promise((resolve) => setTimeout(resolve, 600));
    const events = await eventsAbout(external_id);
    expect(events.map((event) => event.type)).toEqual(['notification.created', 'notification.expired']);
    expect(events[1]?.event_data).toMatchObject({ previous_status: 'unread', changed_by: 'system' });
  });

  it('hides muted apps and types from the default feed, counts them apart, and still syncs their state', async () => {
    const user = unique('muter');
    const token = await server.userToken(user);
    await notify({ user_id: user });
    await notify({ user_id: user, notification_type: 'digest' });
    const fromHugo = await notify({ user_id: user }, 'hugo', hugo);

    const put = await server.request(`/api/v1/users/${user}/preferences`, {
      method: 'PUT',
      token,
      json: { muted_apps: ['hugo'], muted_types: { 'work-buddy': ['digest'] } },
    });
    expect(await put.json()).toMatchObject({
      preferences: { muted_apps: ['hugo'], muted_types: { 'work-buddy': ['digest'] } },
    });
    const got = await server.request(`/api/v1/users/${user}/preferences`, { token });
    expect(await got.json()).toMatchObject({ preferences: { muted_apps: ['hugo'] }, updated_at: expect.any(String) });

    const list = await feed('', token, user);
    expect(list.notifications.map((item) => item.notification_type)).toEqual(['update']);
    expect(list).toMatchObject({ unread_count: 1, muted_unread_count: 2 });
    expect((await feed('?include_muted=true', token, user)).notifications).toHaveLength(3);
    const hugoOnly = await feed('?app_id=hugo', token, user);
    expect(hugoOnly.notifications.map((item) => [item.id, item.muted])).toEqual([[fromHugo.id, true]]);

    await patch(hugo, fromHugo.external_id, { status: 'read' });
    expect((await feed('?app_id=hugo', token, user)).notifications[0]?.status).toBe('read');
    expect((await feed('', token, user)).muted_unread_count).toBe(1);
  });

  it('collapses groups to their newest item with a count', async () => {
    const user = unique('grouped');
    const token = await server.userToken(user);
    await notify({ user_id: user, group_key: 'chat_1', title: 'one' });
    await notify({ user_id: user, group_key: 'chat_1', title: 'two' });
    const newest = await notify({ user_id: user, group_key: 'chat_1', title: 'three' });
    await notify({ user_id: user, group_key: 'chat_1', title: 'other app, same key' }, 'hugo', hugo);
    await notify({ user_id: user, title: 'alone' });
    const grouped = await feed('?group=true', token, user);
    expect(grouped.notifications.map((item) => [item.title, item.group_count])).toEqual([
      ['alone', 1],
      ['other app, same key', 1],
      ['three', 3],
    ]);
    expect(grouped.notifications[2]?.id).toBe(newest.id);
    expect(grouped.pagination.total).toBe(3);
    expect((await feed('', token, user)).notifications).toHaveLength(5);
  });

  it('filters by status, app, priority and type, and pages by cursor newest first', async () => {
    const user = unique('pager');
    const token = await server.userToken(user);
    const made: string[] = [];
    for (let index = 0; index < 7; index++) {
      made.push(
        (
          await notify({
            user_id: user,
            priority: index % 2 ? 'high' : 'low',
            notification_type: index < 3 ? 'alert' : 'update',
          })
        ).id,
      );
    }
    expect((await feed('?priority=high', token, user)).pagination.total).toBe(3);
    expect((await feed('?notification_type=alert', token, user)).pagination.total).toBe(3);
    await patch(token, made[0]!, { status: 'read' });
    expect((await feed('?status=unread', token, user)).pagination.total).toBe(6);
    expect((await feed('?status=read', token, user)).pagination.total).toBe(1);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Feed = await feed(`?limit=3${cursor ? `&after=${cursor}` : ''}`, token, user);
      seen.push(...page.notifications.map((item) => item.id));
      cursor = page.pagination.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
  });
});

describe('the feed cache', () => {
  it('never serves a stale page: every kind of write shows on the next read', async () => {
    const user = unique('cached');
    const token = await server.userToken(user);
    const read = () => feed('', token, user);
    const appName = async () => (await read()).notifications.find((item) => item.app_id === 'hugo')?.app_name;

    expect((await read()).notifications).toHaveLength(0);
    const first = await notify({ user_id: user });
    expect((await read()).notifications.map((item) => item.id)).toEqual([first.id]);
    await read();
    await patch(token, first.id, { status: 'read' });
    expect((await read()).notifications[0]?.status).toBe('read');

    const fromHugo = await notify({ user_id: user }, 'hugo', hugo);
    expect((await read()).unread_count).toBe(1);
    await server.request('/api/v1/apps/hugo/events', {
      method: 'POST',
      token: hugo,
      json: {
        event_category: 'notification',
        event_type: 'clicked',
        entity_type: 'notification',
        entity_id: fromHugo.external_id,
        user_id: user,
      },
    });
    expect((await read()).notifications.find((item) => item.id === fromHugo.id)?.status).toBe('clicked');

    expect(await appName()).toBe('Hugo');
    await server.request('/api/v1/apps/hugo', { method: 'PATCH', token: hugo, json: { name: 'Hugo 2' } });
    expect(await appName()).toBe('Hugo 2');
    await server.request('/api/v1/apps/hugo', { method: 'PATCH', token: hugo, json: { name: 'Hugo' } });

    await read();
    await server.request(`/api/v1/users/${user}/preferences`, { method: 'PUT', token, json: { muted_apps: ['hugo'] } });
    expect((await read()).notifications.map((item) => item.id)).toEqual([first.id]);
    await server.request(`/api/v1/users/${user}/preferences`, { method: 'PUT', token, json: { muted_apps: [] } });

    await notify({ user_id: user });
    expect((await read()).unread_count).toBe(1);
    await read();
    const readAll = await server.request(`/api/v1/users/${user}/notifications/read-all`, { method: 'POST', token });
    expect(await readAll.json()).toMatchObject({ count: 1 });
    expect((await read()).unread_count).toBe(0);

    await read();
    await server.request(`/api/v1/notifications/${first.id}`, { method: 'DELETE', token });
    expect((await read()).notifications.some((item) => item.id === first.id)).toBe(false);

    const soon = await notify({ user_id: user, expires_at: new Date(Date.now() + 400).toISOString() });
    expect((await read()).notifications.some((item) => item.id === soon.id)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 450));
    // Nothing was written (the sweeper may not have run yet): the page's own expiry retires it.
    expect((await read()).notifications.some((item) => item.id === soon.id)).toBe(false);
  });
});

describe('authorization', () => {
  it("a user reads and changes only that user's notifications (403); an app only its own (404)", async () => {
    const theirs = await notify({ user_id: 'user_789' });
    expect((await server.request('/api/v1/users/user_789/notifications', { token: user456 })).status).toBe(403);
    expect((await server.request('/api/v1/users/user_789/notifications/unread-count', { token: user456 })).status).toBe(
      403,
    );
    expect(
      (await server.request('/api/v1/users/user_789/notifications/read-all', { method: 'POST', token: user456 }))
        .status,
    ).toBe(403);
    expect((await server.request('/api/v1/users/user_789/preferences', { token: user456 })).status).toBe(403);
    const putTheirs = await server.request('/api/v1/users/user_789/preferences', {
      method: 'PUT',
      token: user456,
      json: { muted_apps: ['work-buddy'] },
    });
    expect(putTheirs.status).toBe(403);
    expect((await server.request('/api/v1/users/user_789/preferences', { token: workBuddy })).status).toBe(403);
    expect((await patch(user456, theirs.id, { status: 'read' })).status).toBe(403);
    expect((await server.request(`/api/v1/notifications/${theirs.id}`, { token: user456 })).status).toBe(403);
    expect(
      (await server.request(`/api/v1/notifications/${theirs.id}`, { method: 'DELETE', token: user456 })).status,
    ).toBe(403);
    // Another user's external id is simply not among mine.
    expect((await patch(user456, theirs.external_id, { status: 'read' })).status).toBe(404);

    for (const id of [theirs.id, theirs.external_id]) {
      expect((await patch(hugo, id, { status: 'read' })).status).toBe(404);
      expect((await server.request(`/api/v1/notifications/${id}`, { token: hugo })).status).toBe(404);
      expect((await server.request(`/api/v1/notifications/${id}`, { method: 'DELETE', token: hugo })).status).toBe(404);
    }
    expect((await server.request('/api/v1/apps/work-buddy/notifications', { token: hugo })).status).toBe(403);
    expect((await create(hugo, 'work-buddy', DESIGN_DOC_NOTIFICATION)).status).toBe(403);

    const view = await server.request(`/api/v1/notifications/${theirs.id}`, { token: user789 });
    expect(view.status).toBe(200);
  });

  it('keeps apps off user routes and users off app routes; the admin may read any', async () => {
    expect((await server.request('/api/v1/users/user_456/notifications', { token: workBuddy })).status).toBe(403);
    expect((await create(user456, 'work-buddy', DESIGN_DOC_NOTIFICATION)).status).toBe(403);
    expect((await server.request('/api/v1/apps/work-buddy/notifications', { token: user456 })).status).toBe(403);
    expect((await server.request('/api/v1/users/user_456/notifications', { token: server.adminToken })).status).toBe(
      200,
    );
    const list = await server.request('/api/v1/apps/work-buddy/notifications?user_id=user_789', {
      token: server.adminToken,
    });
    expect(((await list.json()) as { notifications: unknown[] }).notifications.length).toBeGreaterThan(0);
  });
});

describe('rate limits and metrics', () => {
  it('limits notification creation per app, and counts creations and state changes', async () => {
    const limited = await startTestServer({ ORIVA_RATE_LIMITS: 'notifications=2/1m' });
    try {
      const key = await limited.createApp('limited');
      const statuses: number[] = [];
      for (let index = 0; index < 3; index++) {
        const response = await limited.request('/api/v1/apps/limited/notifications', {
          method: 'POST',
          token: key,
          json: { external_id: `n${index}`, user_id: 'u', notification_type: 'update', title: 'Hi' },
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await limited.close();
    }
    const metrics = await (await server.request('/metrics')).text();
    expect(metrics).toMatch(/oriva_notifications_created_total\{app_id="work-buddy"\} \d+/);
    expect(metrics).toMatch(/oriva_notification_state_changes_total\{status="dismissed"\} \d+/);
  });
});
