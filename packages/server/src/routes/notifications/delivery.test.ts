import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../../testing/harness.js';

interface Item {
  id: string;
  external_id: string;
  status: string;
  click_action: string | null;
  delivered_at: string | null;
  updated_at: string;
}

let server: TestServer;
let workBuddy: string;

beforeAll(async () => {
  server = await startTestServer();
  workBuddy = await server.createApp('work-buddy', 'Work Buddy');
});
afterAll(() => server.close());

let counter = 0;
const unique = (prefix: string) => `${prefix}_${Date.now()}_${counter++}`;

async function json<T>(path: string, token: string, init: { method?: string; json?: object } = {}): Promise<T> {
  const response = await server.request(path, { token, ...init });
  expect(response.status, `${init.method ?? 'GET'} ${path}: ${response.status}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** Creates a notification for `user` with the design document's Example 1 body (notification_id, type, session_id). */
async function notify(user: string): Promise<{ id: string; external_id: string }> {
  const external_id = unique('wb_notif');
  const created = await json<{ notification_id: string }>('/api/v1/apps/work-buddy/notifications', workBuddy, {
    method: 'POST',
    json: {
      notification_id: external_id,
      user_id: user,
      type: 'session_reminder',
      title: 'Session starting in 10 minutes',
      session_id: 'session_789',
    },
  });
  return { id: created.notification_id, external_id };
}

const feed = async (user: string, token: string, query = '') =>
  (await json<{ notifications: Item[] }>(`/api/v1/users/${user}/notifications${query}`, token)).notifications;
const getOne = async (id: string, token: string) =>
  (await json<{ notification: Item }>(`/api/v1/notifications/${id}`, token)).notification;
const appList = async (user: string) =>
  (await json<{ notifications: Item[] }>(`/api/v1/apps/work-buddy/notifications?user_id=${user}`, workBuddy))
    .notifications;
const find = (items: Item[], id: string) => items.find((item) => item.id === id);

/** Polls `read` until `done` holds, for at most three seconds (a stream delivery is written after its push). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('click_action', () => {
  it('is returned wherever the state is: the feed, one notification, the app’s list', async () => {
    const user = unique('user');
    const token = await server.userToken(user);
    const { id, external_id } = await notify(user);
    expect((await getOne(id, workBuddy)).click_action).toBeNull();
    // Example 2's way: the user patches by the app's external id.
    await json(`/api/v1/notifications/${external_id}`, token, {
      method: 'PATCH',
      json: { status: 'clicked', click_action: 'open_session' },
    });
    expect(await getOne(id, token)).toMatchObject({ status: 'clicked', click_action: 'open_session' });
    expect((await getOne(id, workBuddy)).click_action).toBe('open_session');
    expect(find(await feed(user, token), id)?.click_action).toBe('open_session');
    expect(find(await appList(user), id)?.click_action).toBe('open_session');
  });
});

describe('delivered_at', () => {
  it('is null when created, set by the user’s first feed read, and never changed after', async () => {
    const user = unique('user');
    const token = await server.userToken(user);
    const { id } = await notify(user);
    expect((await getOne(id, workBuddy)).delivered_at).toBeNull();

    const before = new Date().toISOString();
    const first = find(await feed(user, token), id)!;
    const after = new Date().toISOString();
    expect(first.delivered_at).not.toBeNull();
    expect(first.delivered_at! >= before && first.delivered_at! <= after).toBe(true);
    // The page shows what is stored, and reading is no change of the notification.
    const stored = await getOne(id, workBuddy);
    expect(stored.delivered_at).toBe(first.delivered_at);
    expect(stored.updated_at).toBe(first.updated_at);

    const second = find(await feed(user, token), id)!;
    const other = find(await feed(user, token, '?status=all&limit=10'), id)!;
    const one = await getOne(id, token);
    await json(`/api/v1/notifications/${id}`, token, { method: 'PATCH', json: { status: 'read' } });
    expect([second, other, one, await getOne(id, workBuddy)].map((item) => item.delivered_at)).toEqual(
      Array(4).fill(first.delivered_at),
    );
  });

  it('is set when the user reads the notification itself, not by the app or an admin reading it', async () => {
    const user = unique('user');
    const token = await server.userToken(user);
    const { id } = await notify(user);
    await getOne(id, workBuddy);
    await getOne(id, server.adminToken);
    await appList(user);
    await feed(user, server.adminToken);
    expect((await getOne(id, workBuddy)).delivered_at).toBeNull();

    const delivered = (await getOne(id, token)).delivered_at;
    expect(delivered).not.toBeNull();
    expect((await getOne(id, workBuddy)).delivered_at).toBe(delivered);
    expect(find(await feed(user, token), id)?.delivered_at).toBe(delivered);
  });

  it('is set on the user’s read of a feed page an admin read first (a cached page owes it too)', async () => {
    const user = unique('user');
    const token = await server.userToken(user);
    const { id } = await notify(user);
    expect(find(await feed(user, server.adminToken, '?limit=7'), id)?.delivered_at).toBeNull();
    const delivered = find(await feed(user, token, '?limit=7'), id)?.delivered_at;
    expect(delivered).toEqual(expect.any(String));
    expect((await getOne(id, workBuddy)).delivered_at).toBe(delivered);
  });

  it('is set when notification.created is pushed on the user’s own stream, and kept by a later read', async () => {
    const user = unique('user');
    const token = await server.userToken(user);
    const frames: Array<{ control?: string; type?: string; event_data?: { notification_id?: string } }> = [];
    const url = `${server.url.replace('http', 'ws')}/api/v1/events/stream`;
    const appStream = new WebSocket(`${url}?auth=${workBuddy}&user_id=${user}`);
    const userStream = new WebSocket(`${url}?auth=${token}`);
    userStream.on('message', (data) => frames.push(JSON.parse(data.toString())));
    await Promise.all(
      [appStream, userStream].map(
        (ws) => new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject)),
      ),
    );
    await eventually(
      async () => frames,
      (seen) => seen.some((frame) => frame.control === 'ready'),
    );

    const { id } = await notify(user);
    const pushed = await eventually(
      async () => frames,
      (seen) => seen.some((frame) => frame.type === 'notification.created'),
    );
    expect(pushed.find((frame) => frame.type === 'notification.created')?.event_data?.notification_id).toBe(id);
    const delivered = await eventually(
      async () => (await getOne(id, workBuddy)).delivered_at,
      (value) => value !== null,
    );
    expect(delivered).toEqual(expect.any(String));
    expect(find(await feed(user, token), id)?.delivered_at).toBe(delivered);
    appStream.close();
    userStream.close();
  });

  it('is set when the event is replayed to the user’s stream on resume', async () => {
    const user = unique('user');
    const token = await server.userToken(user);
    const url = `${server.url.replace('http', 'ws')}/api/v1/events/stream?auth=${token}`;
    const open = async (query = '') => {
      const ws = new WebSocket(`${url}${query}`);
      const frames: Array<{ control?: string; position?: number; resume?: string; type?: string }> = [];
      ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
      await eventually(
        async () => frames,
        (seen) => seen.some((frame) => frame.control === 'ready'),
      );
      return { ws, frames };
    };
    const first = await open();
    const position = first.frames.find((frame) => frame.control === 'ready')!.position!;
    first.ws.close();
    const { id } = await notify(user);
    expect((await getOne(id, workBuddy)).delivered_at).toBeNull();

    const resumed = await open(`&since=${position}`);
    const replayed = await eventually(
      async () => resumed.frames,
      (seen) => seen.some((frame) => frame.type === 'notification.created'),
    );
    expect(replayed.find((frame) => frame.control === 'ready')).toMatchObject({ resume: 'complete' });
    expect(replayed.some((frame) => frame.type === 'notification.created')).toBe(true);
    const delivered = await eventually(
      async () => (await getOne(id, workBuddy)).delivered_at,
      (value) => value !== null,
    );
    expect(delivered).toEqual(expect.any(String));
    resumed.ws.close();
  });

  it('is not set by an app’s stream alone', async () => {
    const user = unique('user');
    const frames: Array<{ control?: string; type?: string }> = [];
    const appStream = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/events/stream?auth=${workBuddy}`);
    appStream.on('message', (data) => frames.push(JSON.parse(data.toString())));
    await eventually(
      async () => frames,
      (seen) => seen.some((frame) => frame.control === 'ready'),
    );
    const { id } = await notify(user);
    await eventually(
      async () => frames,
      (seen) => seen.some((frame) => frame.type === 'notification.created'),
    );
    // The same read as the user-stream test's, after the push: nothing to wait for.
    expect((await getOne(id, workBuddy)).delivered_at).toBeNull();
    appStream.close();
  });
});
