import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESIGN_DOC_NOTIFICATION } from '@oriva/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '../../testing/harness.js';
import { startReceiver } from '../webhooks/receiver.test-support.js';

// Runs against SQLite (project `server`) and PostgreSQL (project `server-pg`) alike.

let server: TestServer;
const keys: Record<string, string> = {};
const APPS = ['knows-by-event', 'knows-by-notification', 'knows-by-connect', 'stranger'] as const;

beforeAll(async () => {
  server = await startTestServer({ ORIVA_WEBHOOK_BACKOFF_SCALE: '0.01', ORIVA_STREAM_HEARTBEAT_SECONDS: '0.2' });
  for (const app of APPS) keys[app] = await server.createApp(app);
});
afterAll(() => server.close());

const admin = () => server.adminToken;

/** A fresh user id per test, so tests never see each other's relationships. */
let users = 0;
const newUser = () => `user_pe_${Date.now()}_${users++}`;

async function call(path: string, init: RequestInit & { json?: unknown; token?: string }, expected = 200) {
  const response = await server.request(path, init);
  const text = await response.text();
  expect(response.status, text).toBe(expected);
  return JSON.parse(text || 'null');
}

const publishAs = (app: string, userId: string, overrides: object = {}) =>
  call(`/api/v1/apps/${app}/events`, {
    method: 'POST',
    token: keys[app]!,
    json: { ...DESIGN_DOC_EVENT, user_id: userId, ...overrides },
  });

const notify = (app: string, userId: string) =>
  call(
    `/api/v1/apps/${app}/notifications`,
    {
      method: 'POST',
      token: keys[app]!,
      json: {
        ...DESIGN_DOC_NOTIFICATION,
        external_id: `n_${userId}`,
        user_id: userId,
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      },
    },
    201,
  );

const connectApp = (app: string, userId: string) =>
  call(`/api/v1/users/${userId}/apps/${app}`, { method: 'PUT', token: admin() });

const profileUpdated = (userId: string, extra: object = {}) => ({
  event_category: 'user',
  event_type: 'profile_updated',
  entity_type: 'user',
  entity_id: userId,
  user_id: userId,
  event_data: { changed_fields: ['display_name'] },
  ...extra,
});

/** Gives every app a webhook on `user.*` and returns the receivers, by app. */
async function subscribeAll() {
  const receivers: Record<string, Awaited<ReturnType<typeof startReceiver>>> = {};
  for (const app of APPS) {
    receivers[app] = await startReceiver();
    await call(
      `/api/v1/apps/${app}/webhooks`,
      { method: 'POST', token: keys[app]!, json: { webhook_url: receivers[app]!.url, subscribed_events: ['user.*'] } },
      201,
    );
  }
  return receivers;
}

/** An app's stream of `user.*` events; `types()` lists what arrived. */
async function streamOf(app: string, patterns = 'user.*') {
  const ws = new WebSocket(
    `${server.url.replace('http', 'ws')}/api/v1/events/stream?app_id=${app}&events=${patterns}&auth=${keys[app]}`,
  );
  const frames: Array<{ control?: string; type?: string; user_id?: string; event_data?: unknown }> = [];
  ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    const check = setInterval(() => {
      if (frames.some((frame) => frame.control === 'ready')) {
        clearInterval(check);
        resolve();
      }
    }, 10);
  });
  return { ws, events: () => frames.filter((frame) => frame.type) };
}

const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await settle(20);
  }
}

describe('platform events', () => {
  it('reach by webhook and stream exactly the apps that know the user, and no other', async () => {
    const receivers = await subscribeAll();
    const userId = newUser();
    await publishAs('knows-by-event', userId);
    await notify('knows-by-notification', userId);
    await connectApp('knows-by-connect', userId);
    // The stranger deals with someone else: that must not count for this user.
    await publishAs('stranger', newUser());
    const streams = Object.fromEntries(await Promise.all(APPS.map(async (app) => [app, await streamOf(app)] as const)));

    const result = await call('/api/v1/platform/events', {
      method: 'POST',
      token: admin(),
      json: profileUpdated(userId),
    });
    expect(result.recipients.map((r: { app_id: string }) => r.app_id).sort()).toEqual([
      'knows-by-connect',
      'knows-by-event',
      'knows-by-notification',
    ]);

    for (const app of ['knows-by-event', 'knows-by-notification', 'knows-by-connect']) {
      const [delivery] = await receivers[app]!.waitFor(1);
      expect(JSON.parse(delivery!.body)).toMatchObject({
        type: 'user.profile_updated',
        user_id: userId,
        app_id: app,
        event_data: { changed_fields: ['display_name'] },
      });
      await until(() => streams[app]!.events().length === 1, `${app}'s stream`);
      expect(streams[app]!.events()[0]).toMatchObject({ type: 'user.profile_updated', user_id: userId });
    }
    await settle();
    expect(receivers.stranger!.received).toHaveLength(0);
    expect(streams.stranger!.events()).toHaveLength(0);
    for (const { ws } of Object.values(streams)) ws.close();
  });

  it('reach polling consumers of the apps that know the user, and no other', async () => {
    const userId = newUser();
    await publishAs('knows-by-event', userId);
    await call('/api/v1/platform/events', { method: 'POST', token: admin(), json: profileUpdated(userId) });

    const poll = (app: string) =>
      call(`/api/v1/apps/${app}/consumers/platform-${userId}/poll?events=user.*&user_id=${userId}&wait=0`, {
        token: keys[app]!,
      });
    const knower = await poll('knows-by-event');
    expect(knower.events).toEqual([
      expect.objectContaining({ type: 'user.profile_updated', user_id: userId, app_id: 'knows-by-event' }),
    ]);
    expect((await poll('stranger')).events).toEqual([]);
  });

  it('reaches a stranger once the platform connects it, and no longer once disconnected', async () => {
    const userId = newUser();
    const publish = async () =>
      (await call('/api/v1/platform/events', { method: 'POST', token: admin(), json: profileUpdated(userId) }))
        .recipients;
    expect(await publish()).toEqual([]);
    await connectApp('stranger', userId);
    expect(await publish()).toEqual([{ app_id: 'stranger', event_id: expect.stringMatching(/^evt_/) }]);
    const off = await call(`/api/v1/users/${userId}/apps/stranger`, { method: 'DELETE', token: admin() });
    expect(off).toMatchObject({ connected: false });
    expect(await publish()).toEqual([]);
    // Connecting an app that does not exist is a 404, not a dangling relationship.
    const missing = await call(`/api/v1/users/${userId}/apps/no-such-app`, { method: 'PUT', token: admin() }, 404);
    expect(missing.error.code).toBe('app_not_found');
  });

  it('batches all or nothing, and replays the same answer for the same Idempotency-Key', async () => {
    const userId = newUser();
    await connectApp('knows-by-connect', userId);
    const body = { events: [profileUpdated(userId), profileUpdated(userId, { entity_id: 'other' })] };
    const headers = { 'Idempotency-Key': `batch-${userId}` };
    const first = await call('/api/v1/platform/events/batch', { method: 'POST', token: admin(), json: body, headers });
    expect(first.count).toBe(2);
    const again = await server.request('/api/v1/platform/events/batch', {
      method: 'POST',
      token: admin(),
      json: body,
      headers,
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(first);
    const listed = await call(`/api/v1/apps/knows-by-connect/events?user_id=${userId}`, {
      token: keys['knows-by-connect']!,
    });
    expect(listed.events).toHaveLength(2);

    const invalid = await call(
      '/api/v1/platform/events/batch',
      {
        method: 'POST',
        token: admin(),
        json: { events: [profileUpdated(userId), profileUpdated(userId, { event_data: { changed_fields: 'all' } })] },
      },
      422,
    );
    expect(invalid.error).toMatchObject({ code: 'event_data_invalid' });
    expect(invalid.error.fields[0].path).toBe('events.1.event_data/changed_fields');
    const unknown = await call(
      '/api/v1/platform/events',
      { method: 'POST', token: admin(), json: profileUpdated(userId, { event_type: 'teleported' }) },
      422,
    );
    expect(unknown.error.fields[0]).toMatchObject({ path: 'event_type', code: 'event_type_undeclared' });
    const after = await call(`/api/v1/apps/knows-by-connect/events?user_id=${userId}`, {
      token: keys['knows-by-connect']!,
    });
    expect(after.events).toHaveLength(2);
  });

  it('is refused to apps, and needs the admin token', async () => {
    for (const category of ['user', 'platform']) {
      const refused = await call(
        '/api/v1/apps/stranger/events',
        { method: 'POST', token: keys.stranger!, json: { ...DESIGN_DOC_EVENT, event_category: category } },
        403,
      );
      expect(refused.error).toMatchObject({ code: 'platform_category_reserved' });
      expect(refused.error.fields[0].path).toBe('event_category');
    }
    const validated = await call(
      '/api/v1/apps/stranger/events/batch/validate',
      {
        method: 'POST',
        token: keys.stranger!,
        json: { events: [DESIGN_DOC_EVENT, { ...DESIGN_DOC_EVENT, event_category: 'user' }] },
      },
      403,
    );
    expect(validated.error.fields[0].path).toBe('events.1.event_category');
    const declared = await call(
      '/api/v1/apps/stranger/event-types/user.signed_in',
      { method: 'PUT', token: keys.stranger!, json: { schema: { type: 'object' } } },
      400,
    );
    expect(declared.error.code).toBe('event_type_reserved');
    const asApp = await server.request('/api/v1/platform/events', {
      method: 'POST',
      token: keys.stranger!,
      json: profileUpdated(newUser()),
    });
    expect(asApp.status).toBe(403);
    const badCategory = await call(
      '/api/v1/platform/events',
      { method: 'POST', token: admin(), json: profileUpdated(newUser(), { event_category: 'session' }) },
      400,
    );
    expect(badCategory.error.fields[0].path).toBe('event_category');
  });

  it('are catalogued with their schemas, in the catalogue and the AsyncAPI document', async () => {
    const catalogue = JSON.stringify(await call('/api/v1/event-types', { token: admin() }));
    const asyncapi = JSON.stringify(await call('/asyncapi.json', {}));
    for (const document of [catalogue, asyncapi]) {
      expect(document).toContain('user.profile_updated');
      expect(document).toContain('user.deleted');
      expect(document).toContain('changed_fields');
    }
  });
});

describe('erasing a user', () => {
  it("empties the feed, removes the user's data and events, and tells only the apps that knew them", async () => {
    const receivers = await subscribeAll();
    const userId = newUser();
    const bystander = newUser();
    await publishAs('knows-by-event', userId);
    await publishAs('knows-by-event', bystander);
    await notify('knows-by-notification', userId);
    await call(`/api/v1/users/${userId}/preferences`, {
      method: 'PUT',
      token: admin(),
      json: { muted_apps: ['stranger'] },
    });
    const token = await server.userToken(userId);
    const feed = () => call(`/api/v1/users/${userId}/notifications`, { token });
    expect((await feed()).notifications).toHaveLength(1);
    const userStream = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/events/stream?auth=${token}`);
    const userClosed = new Promise<number>((resolve) => userStream.on('close', (code) => resolve(code)));
    await new Promise((resolve) => userStream.once('message', resolve));
    const strangerStream = await streamOf('stranger');

    const erased = await call(`/api/v1/admin/users/${userId}`, { method: 'DELETE', token: admin() });
    expect(erased).toMatchObject({
      user_id: userId,
      notified_apps: ['knows-by-event', 'knows-by-notification'],
      notifications_deleted: 1,
      preferences_deleted: true,
      stream_connections_closed: 1,
    });
    expect(erased.events_deleted).toBeGreaterThanOrEqual(2);
    expect(await userClosed).toBe(4403);

    for (const app of ['knows-by-event', 'knows-by-notification']) {
      const [delivery] = await receivers[app]!.waitFor(1);
      expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'user.deleted', user_id: userId });
    }
    await settle();
    expect(receivers.stranger!.received).toHaveLength(0);
    expect(strangerStream.events()).toHaveLength(0);
    strangerStream.ws.close();

    expect((await feed()).notifications).toHaveLength(0);
    const prefs = await call(`/api/v1/users/${userId}/preferences`, { token });
    expect(prefs.muted_apps ?? prefs.preferences?.muted_apps).toEqual([]);
    // Only the erasure notice is left of the user's events; the bystander's are untouched.
    for (const app of ['knows-by-event', 'knows-by-notification']) {
      const left = await call(`/api/v1/apps/${app}/events?user_id=${userId}`, { token: keys[app]! });
      expect(left.events.map((event: { type: string }) => event.type)).toEqual(['user.deleted']);
    }
    const kept = await call(`/api/v1/apps/knows-by-event/events?user_id=${bystander}`, {
      token: keys['knows-by-event']!,
    });
    expect(kept.events).toHaveLength(1);
    // The relationships are forgotten: a later platform event about the id reaches no one.
    const later = await call('/api/v1/platform/events', {
      method: 'POST',
      token: admin(),
      json: profileUpdated(userId),
    });
    expect(later.recipients).toEqual([]);
  });
});

// Two instances sharing one PostgreSQL schema and one Redis: only the `server-pg` project has both.
describe.skipIf(process.env.ORIVA_TEST_STORAGE !== 'postgres')('erasing a user, with two instances', () => {
  it("closes the user's stream connections on the other instance too", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oriva-erase-'));
    const shared = {
      ORIVA_REDIS_URL: process.env.ORIVA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      ORIVA_REDIS_PREFIX: `oriva-test-erase-${Date.now()}:`,
    };
    const first = await startTestServer(shared, { dataDir });
    const second = await startTestServer(shared, { dataDir });
    try {
      const key = await first.createApp('knows-the-user');
      const userId = newUser();
      const published = await first.request('/api/v1/apps/knows-the-user/events', {
        method: 'POST',
        token: key,
        json: { ...DESIGN_DOC_EVENT, user_id: userId },
      });
      expect(published.status).toBe(200);
      const token = await second.userToken(userId);
      const ws = new WebSocket(`${second.url.replace('http', 'ws')}/api/v1/events/stream?auth=${token}`);
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      await new Promise((resolve) => ws.once('message', resolve));

      const erased = await first.request(`/api/v1/admin/users/${userId}`, {
        method: 'DELETE',
        token: first.adminToken,
      });
      expect(await erased.json()).toMatchObject({ notified_apps: ['knows-the-user'], stream_connections_closed: 0 });
      expect(await closed).toBe(4403);
    } finally {
      await second.close();
      await first.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
