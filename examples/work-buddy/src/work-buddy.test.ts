import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Oriva } from '@oriva/sdk';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import { generateSecret, signatureHeaders } from '@oriva/webhook-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkBuddy, type WorkBuddy } from './app.js';
import { runStory } from './story.js';

let oriva: TestServer;
beforeAll(async () => {
  oriva = await startTestServer({ ORIVA_WEBHOOK_BACKOFF_SCALE: '0.01' });
});
afterAll(() => oriva?.close());

describe('the story', () => {
  const admin = () => new Oriva({ adminToken: oriva.adminToken, baseUrl: oriva.url });
  const webhooksLeft = async (apiKey: string) =>
    (await new Oriva({ apiKey, appId: 'work-buddy', baseUrl: oriva.url }).webhooks.list()).webhooks;

  it('runs end to end: created in Work Buddy, dismissed in Oriva Core, dismissed in Work Buddy', async () => {
    const apiKeyFile = join(mkdtempSync(join(tmpdir(), 'work-buddy-')), 'work-buddy-api-key');
    const lines: string[] = [];
    const story = (log: (line: string) => void) =>
      runStory({
        baseUrl: oriva.url,
        adminToken: oriva.adminToken,
        jwtSecret: oriva.jwtSecret,
        port: 0,
        apiKeyFile,
        log,
      });

    const result = await story((line) => lines.push(line));
    expect(result.local).toMatchObject({ external_id: result.externalId, status: 'dismissed', user_id: 'user_456' });
    expect(result.notificationId).toMatch(/^ntf_/);
    const output = lines.join('\n');
    expect(output).toContain('Example 1');
    expect(output).toContain('Example 2');
    expect(output).toContain('verified notification.dismissed');

    // It leaves nothing behind: its webhook is gone, and its key is saved (owner-only) for the next run.
    const apiKey = readFileSync(apiKeyFile, 'utf8').trim();
    expect(apiKey).toMatch(/^ok_/);
    expect(statSync(apiKeyFile).mode & 0o777).toBe(0o600);
    expect(await webhooksLeft(apiKey)).toEqual([]);

    // Again, against the same server: the saved key is reused, not a new one issued.
    const keysBefore = (await admin().apps.keys.list('work-buddy')).api_keys.length;
    const again: string[] = [];
    await expect(story((line) => again.push(line))).resolves.toMatchObject({ local: { status: 'dismissed' } });
    expect(again.join('\n')).toContain('reusing');
    expect((await admin().apps.keys.list('work-buddy')).api_keys).toHaveLength(keysBefore);
    expect(readFileSync(apiKeyFile, 'utf8').trim()).toBe(apiKey);
    expect(await webhooksLeft(apiKey)).toEqual([]);
  });

  it('deletes its webhook when a step fails too', async () => {
    const apiKeyFile = join(mkdtempSync(join(tmpdir(), 'work-buddy-')), 'work-buddy-api-key');
    await expect(
      runStory({
        baseUrl: oriva.url,
        adminToken: oriva.adminToken,
        userToken: 'not-a-token', // step 3 fails: the user cannot sign in
        port: 0,
        apiKeyFile,
        log: () => {},
      }),
    ).rejects.toThrow();
    expect(await webhooksLeft(readFileSync(apiKeyFile, 'utf8').trim())).toEqual([]);
  });
});

describe('Work Buddy', () => {
  let buddy: WorkBuddy;
  let user: Oriva;
  let apiKey: string;

  beforeAll(async () => {
    apiKey = await oriva.createApp('buddy');
    buddy = await startWorkBuddy({ orivaBaseUrl: oriva.url, apiKey, appId: 'buddy' });
    user = new Oriva({ userToken: await oriva.userToken('user_1'), baseUrl: oriva.url });
  });
  afterAll(() => buddy?.close());

  const remind = async (taskId: string, body: object) => {
    const response = await fetch(`${buddy.url}/tasks/${taskId}/remind`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
  };

  it("follows the user's read and dismissal through verified webhooks", async () => {
    await remind('42', { user_id: 'user_1' });
    expect(buddy.notifications.get('wb_notif_42')).toMatchObject({ status: 'unread', task_id: '42' });

    await user.notifications.markRead('wb_notif_42');
    await buddy.waitForEvent((e) => e.type === 'notification.read' && e.entity_id === 'wb_notif_42');
    expect(buddy.notifications.get('wb_notif_42')?.status).toBe('read');

    // The user dismisses it in Oriva Core: a plain PATCH to the real server.
    const dismissed = await fetch(`${oriva.url}/api/v1/notifications/wb_notif_42`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await oriva.userToken('user_1')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'dismissed', dismissed_from: 'oriva_core' }),
    });
    expect(dismissed.status).toBe(200);
    // The Step 4 handler's own test: event_type is the qualified name, entity_id our external id.
    const event = await buddy.waitForEvent((e) => e.event_type === 'notification.dismissed');
    expect(event).toMatchObject({ entity_type: 'notification', entity_id: 'wb_notif_42' });
    expect(event.event_data).toMatchObject({ changed_by: 'user', dismissed_from: 'oriva_core' });
    expect(buddy.notifications.get('wb_notif_42')?.status).toBe('dismissed');

    const listed = (await (await fetch(buddy.url)).json()) as { notifications: Array<{ status: string }> };
    expect(listed.notifications).toEqual([
      expect.objectContaining({ external_id: 'wb_notif_42', status: 'dismissed' }),
    ]);
  });

  it('declares task.reminded in the catalogue and publishes one, checked against it, with each reminder', async () => {
    expect(buddy.eventTypes).toEqual(['task.reminded']);
    const app = new Oriva({ apiKey: await oriva.createApp('reader'), baseUrl: oriva.url });
    const catalogued = (await app.eventTypes.catalogue({ appId: 'buddy' })).data;
    expect(catalogued).toEqual([expect.objectContaining({ name: 'task.reminded', app_id: 'buddy', version: 1 })]);

    await remind('99', { user_id: 'user_1' });
    const admin = new Oriva({ adminToken: oriva.adminToken, baseUrl: oriva.url });
    const { data } = await admin.events.list({ event_category: 'task', event_type: 'reminded' }, { appId: 'buddy' });
    expect(data.map((e) => e.event_data)).toContainEqual({
      task_id: '99',
      session_id: 'session_99',
      notification_external_id: 'wb_notif_99',
      starts_in_minutes: 10,
    });

    // The schema holds: the same type with a field it does not declare is refused, nothing stored.
    const buddyKey = new Oriva({ apiKey, appId: 'buddy', baseUrl: oriva.url });
    await expect(
      buddyKey.events.publish({
        event_category: 'task',
        event_type: 'reminded',
        entity_type: 'task',
        entity_id: '99',
        user_id: 'user_1',
        event_data: { task_id: '99' },
      }),
    ).rejects.toMatchObject({ status: 422, code: 'event_data_invalid' });
  });

  it('declares its types again at the next start without a new version', async () => {
    const again = await startWorkBuddy({ orivaBaseUrl: oriva.url, apiKey, appId: 'buddy' });
    await again.close();
    const admin = new Oriva({ adminToken: oriva.adminToken, baseUrl: oriva.url });
    expect((await admin.eventTypes.get('task.reminded', { appId: 'buddy' })).event_type.versions).toEqual([1]);
  });

  it('escapes text in its HTML page', async () => {
    await remind('7', { user_id: 'user_1', title: '<script>alert(1)</script>' });
    const page = await (await fetch(buddy.url, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
  });

  it('answers 400 to a reminder without a user, and 502 with the reason when Oriva refuses one', async () => {
    expect((await fetch(`${buddy.url}/tasks/1/remind`, { method: 'POST', body: '{}' })).status).toBe(400);
    await remind('3', { user_id: 'user_1' });
    const conflict = await fetch(`${buddy.url}/tasks/3/remind`, {
      method: 'POST',
      body: JSON.stringify({ user_id: 'user_1', title: 'Another title, same external_id' }),
    });
    expect(conflict.status).toBe(502);
    expect(await conflict.json()).toMatchObject({ error: { code: 'notification_exists' } });
  });

  it('answers a bad signature with 401, changing nothing', async () => {
    await remind('99', { user_id: 'user_1' });
    await buddy.waitForEvent((e) => e.type === 'notification.created' && e.entity_id === 'wb_notif_99');
    const before = structuredClone(buddy.notifications.list());
    const eventsBefore = buddy.events.length;
    const body = JSON.stringify({
      id: 'evt_forged',
      type: 'notification.dismissed',
      event_category: 'notification',
      event_type: 'notification.dismissed',
      entity_type: 'notification',
      entity_id: 'wb_notif_99',
      user_id: 'user_1',
      app_id: 'buddy',
      event_data: {},
      timestamp: new Date().toISOString(),
    });
    const forged = signatureHeaders({ id: 'msg_forged', body, secrets: [generateSecret()] });
    const now = Math.floor(Date.now() / 1000);
    const attempts: Array<[string, Record<string, string>]> = [
      ['another secret', { 'content-type': 'application/json', ...forged }],
      ['no signature', { 'content-type': 'application/json' }],
      ['a malformed signature', { 'content-type': 'application/json', 'x-oriva-signature': 'v1,nonsense' }],
      ['an empty v1', { 'content-type': 'application/json', 'x-oriva-signature': `t=${now},id=x,v1=` }],
      ['another content type', { 'content-type': 'text/plain', 'x-oriva-signature': forged['x-oriva-signature'] }],
    ];
    expect(new URL(buddy.webhookUrl).pathname).toBe('/api/oriva-events'); // the design document's route
    for (const [why, headers] of attempts) {
      const response = await fetch(buddy.webhookUrl, { method: 'POST', body, headers });
      expect(response.status, why).toBe(401);
      expect(await response.json(), why).toEqual({ error: 'Invalid signature' });
    }
    expect(buddy.events.length).toBe(eventsBefore);
    expect(buddy.notifications.list()).toEqual(before);
    expect(buddy.notifications.get('wb_notif_99')?.status).toBe('unread');
  });

  it('reuses its webhook, by URL, when restarted on the same port', async () => {
    const apiKey = await oriva.createApp('buddy-restart');
    const first = await startWorkBuddy({ orivaBaseUrl: oriva.url, apiKey, appId: 'buddy-restart' });
    const port = Number(new URL(first.url).port);
    await first.close();
    const second = await startWorkBuddy({ orivaBaseUrl: oriva.url, apiKey, appId: 'buddy-restart', port });
    try {
      expect(second.webhookId).toBe(first.webhookId);
      const app = new Oriva({ apiKey, appId: 'buddy-restart', baseUrl: oriva.url });
      expect((await app.webhooks.list()).webhooks).toHaveLength(1);
      // The rotated secret verifies: a dismissal reaches the restarted app.
      await fetch(`${second.url}/tasks/5/remind`, {
        method: 'POST',
        body: JSON.stringify({ user_id: 'user_2' }),
      });
      await app.notifications.dismiss('wb_notif_5');
      await second.waitForEvent((e) => e.type === 'notification.dismissed');
      expect(second.notifications.get('wb_notif_5')?.status).toBe('dismissed');
    } finally {
      await second.close();
    }
  });
});
