/**
 * The design document's notification examples, end to end against the real server:
 * Example 1, Work Buddy creates a notification for user_456; Example 2, the user dismisses it in
 * Oriva and Work Buddy learns of it as a `notification.dismissed` event. Once through the SDK, once
 * through the CLI (`main()`, exactly as the `oriva` binary runs it).
 */
import { type MainIO, main } from '@oriva/cli';
import { DESIGN_DOC_NOTIFICATION } from '@oriva/contract';
import { ConflictError, NotFoundError, Oriva } from '@oriva/sdk';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** An hour from now: the design document's own `expires_at` (2025-09-30) has long passed. */
const EXPIRES_AT = new Date(Date.now() + 3_600_000).toISOString();

/** Example 1 in the canonical form. */
const EXAMPLE_1 = { ...DESIGN_DOC_NOTIFICATION, expires_at: EXPIRES_AT } as const;

/** Example 1 as the design document writes it: `notification_id`, `type`, context at the top level. */
const EXAMPLE_1_AS_WRITTEN = {
  notification_id: 'wb_notif_123',
  user_id: 'user_456',
  type: 'session_reminder',
  title: 'Session starting in 10 minutes',
  body: 'Your session with Sarah starts soon',
  action_url: 'workbuddy://session/789',
  action_label: 'View Session',
  priority: 'high',
  session_id: 'session_789',
  partner_name: 'Sarah',
  expires_at: EXPIRES_AT,
};

describe('notifications through the SDK', () => {
  let server: TestServer;
  let app: Oriva;
  let user: Oriva;

  beforeAll(async () => {
    server = await startTestServer();
    const apiKey = await server.createApp('work-buddy', 'Work Buddy');
    app = new Oriva({ apiKey, appId: 'work-buddy', baseUrl: server.url });
    user = new Oriva({ userToken: await server.userToken('user_456'), baseUrl: server.url });
  });
  afterAll(() => server?.close());

  it('Example 1: the app creates the notification, once', async () => {
    const created = await app.notifications.create(EXAMPLE_1).withResponse();
    expect(created.response.status).toBe(201);
    expect(created.data).toEqual({
      success: true,
      notification_id: expect.stringMatching(/^ntf_/),
      created_at: expect.any(String),
    });

    const again = await app.notifications.create(EXAMPLE_1).withResponse();
    expect(again.response.status).toBe(200);
    expect(again.data.notification_id).toBe(created.data.notification_id);

    const conflict = await app.notifications
      .create({ ...EXAMPLE_1, title: 'Another title' })
      .catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).code).toBe('notification_exists');
  });

  it("the user's feed shows it with the app's name joined, and counts it unread", async () => {
    expect(user.userId).toBe('user_456');
    const page = await user.notifications.list();
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      id: expect.stringMatching(/^ntf_/),
      app_id: 'work-buddy',
      app_name: 'Work Buddy',
      external_id: 'wb_notif_123',
      user_id: 'user_456',
      notification_type: 'session_reminder',
      title: EXAMPLE_1.title,
      priority: 'high',
      status: 'unread',
      context_data: EXAMPLE_1.context_data,
    });
    expect(page.unreadCount).toBe(1);
    expect(page.mutedUnreadCount).toBe(0);
    await expect(user.notifications.unreadCount()).resolves.toEqual({
      success: true,
      unread_count: 1,
      muted_unread_count: 0,
      by_app: { 'work-buddy': 1 },
    });
  });

  it('Example 2: the user dismisses it by its external id; the app sees notification.dismissed', async () => {
    const dismissed = await user.notifications.dismiss('wb_notif_123', { dismissed_from: 'oriva_core' });
    expect(dismissed).toMatchObject({ success: true, status: 'dismissed', changed: true });
    const repeated = await user.notifications.dismiss('wb_notif_123', { dismissed_from: 'oriva_core' });
    expect(repeated.changed).toBe(false);

    const events = await app.events.list({ event_type: 'dismissed' });
    expect(events.data).toHaveLength(1);
    expect(events.data[0]).toMatchObject({
      type: 'notification.dismissed',
      app_id: 'work-buddy',
      event_category: 'notification',
      event_type: 'dismissed',
      entity_type: 'notification',
      entity_id: 'wb_notif_123',
      user_id: 'user_456',
    });

    const { notification } = await app.notifications.retrieve('wb_notif_123');
    expect(notification).toMatchObject({ status: 'dismissed', dismissed_from: 'oriva_core' });
    expect((await user.notifications.list()).data).toEqual([]);
    expect((await user.notifications.list({ status: 'all' })).data.map((n) => n.external_id)).toEqual(['wb_notif_123']);
  });

  it('pages the feed by cursor, marks all read, merges preferences, deletes', async () => {
    for (let index = 0; index < 5; index++) {
      await app.notifications.create({
        external_id: `wb_page_${index}`,
        user_id: 'user_456',
        notification_type: index % 2 ? 'digest' : 'reminder',
        title: `Page ${index}`,
      });
    }
    const seen: string[] = [];
    for await (const notification of user.notifications.list({ limit: 2 })) seen.push(notification.external_id);
    expect(seen).toEqual(['wb_page_4', 'wb_page_3', 'wb_page_2', 'wb_page_1', 'wb_page_0']);

    await user.preferences.replace({ muted_apps: ['hugo'], muted_types: {} });
    const merged = await user.preferences.update({ muted_types: { 'work-buddy': ['digest'] } });
    expect(merged.preferences).toEqual({ muted_apps: ['hugo'], muted_types: { 'work-buddy': ['digest'] } });
    const feed = await user.notifications.list();
    expect(feed.data.map((n) => n.external_id)).toEqual(['wb_page_4', 'wb_page_2', 'wb_page_0']);
    expect(feed.mutedUnreadCount).toBe(2);

    await expect(user.notifications.markAllRead({ app_id: 'work-buddy' })).resolves.toMatchObject({ count: 5 });
    expect((await user.notifications.unreadCount()).unread_count).toBe(0);

    await app.notifications.delete('wb_page_0');
    await expect(app.notifications.retrieve('wb_page_0')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('notifications through the CLI', () => {
  let server: TestServer;
  let apiKey: string;
  let token: string;
  let base: string[];

  /** `oriva <argv>` in-process, with only the environment given (plus a private config directory). */
  async function oriva(argv: string[], env: Record<string, string> = {}, io: MainIO = {}) {
    let stdout = '';
    let stderr = '';
    const code = await main([...base, ...argv], {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      env: { XDG_CONFIG_HOME: server.dataDir, ...env },
      ...io,
    });
    return { code, stdout, stderr };
  }
  /** `oriva notifications create <flags>` as the work-buddy app. */
  const createAsApp = (flags: string[]) =>
    oriva(['notifications', 'create', '--api-key', apiKey, '--app-id', 'work-buddy', ...flags]);
  // biome-ignore lint/suspicious/noExplicitAny: the assertions read whatever the command printed.
  const parse = (text: string) => JSON.parse(text) as Record<string, any>;

  beforeAll(async () => {
    server = await startTestServer();
    apiKey = await server.createApp('work-buddy', 'Work Buddy');
    token = await server.userToken('user_456');
    base = ['--base-url', server.url];
  });
  afterAll(() => server?.close());

  it('Example 1: notifications create from flags, then as the design document writes it', async () => {
    const created = await createAsApp([
      '--user',
      'user_456',
      '--external-id',
      'wb_notif_123',
      '--type',
      'session_reminder',
      '--title',
      EXAMPLE_1.title,
      '--body',
      EXAMPLE_1.body,
      '--action-url',
      EXAMPLE_1.action_url,
      '--action-label',
      EXAMPLE_1.action_label,
      '--priority',
      'high',
      '--context',
      JSON.stringify(EXAMPLE_1.context_data),
      '--expires-at',
      EXPIRES_AT,
      '--json',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const body = parse(created.stdout);
    expect(body).toMatchObject({ success: true, notification_id: expect.stringMatching(/^ntf_/), created: true });

    const again = await createAsApp(['--body-json', JSON.stringify(EXAMPLE_1_AS_WRITTEN), '--json']);
    expect(again.code).toBe(0);
    expect(parse(again.stdout)).toMatchObject({ notification_id: body.notification_id, created: false });

    const conflict = await createAsApp([
      '--body-json',
      JSON.stringify({ ...EXAMPLE_1, title: 'Another title' }),
      '--json',
    ]);
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toBe('');
    expect(parse(conflict.stderr).error).toMatchObject({ code: 'notification_exists', status: 409 });
  });

  it("notifications list --token shows the user's feed, as JSON and as a table", async () => {
    const listed = await oriva(['notifications', 'list', '--token', token, '--json']);
    expect(listed.code).toBe(0);
    const body = parse(listed.stdout);
    expect(body.notifications).toHaveLength(1);
    expect(body.notifications[0]).toMatchObject({
      app_name: 'Work Buddy',
      external_id: 'wb_notif_123',
      status: 'unread',
    });
    expect(body).toMatchObject({ unread_count: 1, muted_unread_count: 0, pagination: { total: 1 } });

    const table = await oriva(['notifications', 'list', '--token', token]);
    expect(table.code).toBe(0);
    const [header, row, footer] = table.stdout.split('\n');
    expect(header).toMatch(/^ID\s+APP\s+PRIORITY\s+STATUS\s+AGE\s+TITLE$/);
    expect(row).toMatch(/^ntf_\w+\s+Work Buddy\s+high\s+unread\s+\d+s\s+Session starting in 10 minutes$/);
    expect(footer).toBe('1 notification · 1 unread');
  });

  it('Example 2: notifications dismiss --token by external id; events list shows notification.dismissed', async () => {
    const dismissed = await oriva([
      'notifications',
      'dismiss',
      'wb_notif_123',
      '--from',
      'oriva_core',
      '--token',
      token,
      '--json',
    ]);
    expect(dismissed.stderr).toBe('');
    expect(dismissed.code).toBe(0);
    expect(parse(dismissed.stdout)).toMatchObject({ status: 'dismissed', changed: true });

    const events = await oriva([
      'events',
      'list',
      '--type',
      'dismissed',
      '--api-key',
      apiKey,
      '--app-id',
      'work-buddy',
      '--json',
    ]);
    expect(events.code).toBe(0);
    expect(parse(events.stdout).events).toEqual([
      expect.objectContaining({
        type: 'notification.dismissed',
        app_id: 'work-buddy',
        entity_type: 'notification',
        entity_id: 'wb_notif_123',
        user_id: 'user_456',
      }),
    ]);

    const shown = await oriva(['notifications', 'show', 'wb_notif_123', '--api-key', apiKey, '--json']);
    expect(shown.code).toBe(0);
    expect(parse(shown.stdout).notification).toMatchObject({ status: 'dismissed', dismissed_from: 'oriva_core' });
  });

  it('preferences set --as-user mints a token with the server secret; preferences get --token reads them', async () => {
    const set = await oriva(
      [
        'preferences',
        'set',
        '--as-user',
        'user_456',
        '--mute-app',
        'hugo',
        '--mute-type',
        'work-buddy:digest',
        '--json',
      ],
      { ORIVA_JWT_SECRET: server.jwtSecret },
    );
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    const expected = { muted_apps: ['hugo'], muted_types: { 'work-buddy': ['digest'] } };
    expect(parse(set.stdout).preferences).toEqual(expected);

    const got = await oriva(['preferences', 'get', '--token', token, '--json']);
    expect(got.code).toBe(0);
    expect(parse(got.stdout).preferences).toEqual(expected);
  });

  it('read-all marks the feed read; hostile titles never reach the terminal raw', async () => {
    const hostile = 'Invoice \u202Efdp.exe';
    for (const [id, title] of [
      ['wb_a', 'First'],
      ['wb_b', hostile],
    ]) {
      const created = await createAsApp([
        '--user',
        'user_456',
        '--external-id',
        id as string,
        '--type',
        'reminder',
        '--title',
        title as string,
      ]);
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(new RegExp(`^✔ Created notification ntf_\\w+ \\(${id}\\) for user_456\\n$`));
    }
    const table = await oriva(['notifications', 'list', '--token', token]);
    expect(table.stdout).toContain('Invoice \\u202efdp.exe');
    expect(table.stdout).not.toContain('\u202E');

    const readAll = await oriva(['notifications', 'read-all', '--app', 'work-buddy', '--token', token, '--json']);
    expect(readAll.code).toBe(0);
    expect(parse(readAll.stdout)).toEqual({ success: true, count: 2 });
  });

  it('exit codes: 1 for an API error, 2 for a usage error, JSON errors on stderr', async () => {
    const missing = await oriva(['notifications', 'read', 'no_such_notification', '--token', token, '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(parse(missing.stderr).error).toMatchObject({ status: 404 });

    const usage = await oriva(['notifications', 'list', '--app', 'work-buddy', '--api-key', apiKey, '--json']);
    expect(usage.code).toBe(2);
    expect(parse(usage.stderr).error).toMatchObject({ code: 'usage_error' });

    const noUser = await oriva(['notifications', 'read-all', '--json']);
    expect(noUser.code).toBe(2);
    expect(parse(noUser.stderr).error.hint).toContain('--as-user');
  });
});
