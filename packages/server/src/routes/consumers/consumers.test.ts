import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness.js';

interface PollBody {
  events: Array<{ event_id: string; type: string; position: number; user_id: string | null }>;
  position: number;
  has_more: boolean;
  consumer: { consumer_id: string; position: number };
}

let server: TestServer;
let key: string;
let otherKey: string;

beforeAll(async () => {
  server = await startTestServer();
  key = await server.createApp('poller', 'Poller');
  otherKey = await server.createApp('elsewhere');
});
afterAll(() => server.close());

const publish = (type: string, userId = 'user_1', token = key, appId = 'poller') =>
  server
    .request(`/api/v1/apps/${appId}/events`, {
      method: 'POST',
      token,
      json: {
        event_category: type.split('.')[0],
        event_type: type.split('.')[1],
        entity_type: 'thing',
        entity_id: 'thing_1',
        user_id: userId,
        event_data: {},
      },
    })
    .then(async (response) => {
      expect(response.status).toBe(200);
      return ((await response.json()) as { event_id: string }).event_id;
    });

async function poll(consumer: string, query = '', token = key): Promise<PollBody> {
  const response = await server.request(`/api/v1/apps/poller/consumers/${consumer}/poll${query}`, { token });
  expect(response.status).toBe(200);
  return (await response.json()) as PollBody;
}

const commit = (consumer: string, position: number) =>
  server.request(`/api/v1/apps/poller/consumers/${consumer}/commit`, {
    method: 'POST',
    token: key,
    json: { position },
  });

describe('polling consumers', () => {
  it('returns events after the committed position, again until committed, then the next ones', async () => {
    const first = await publish('task.created');
    const second = await publish('task.done');
    const page = await poll('worker', '?limit=1');
    expect(page.consumer.position).toBe(0);
    expect(page.events.map((event) => event.event_id)).toEqual([first]);
    expect(page.has_more).toBe(true);
    // Nothing committed: the same event again.
    expect((await poll('worker', '?limit=1')).events[0]!.event_id).toBe(first);
    const committed = await commit('worker', page.position);
    expect(committed.status).toBe(200);
    expect(await committed.json()).toMatchObject({ moved: true, consumer: { position: page.position } });
    const next = await poll('worker');
    expect(next.events.map((event) => event.event_id)).toEqual([second]);
    expect(next.events[0]).toMatchObject({ type: 'task.done', app_id: 'poller', event_data: {} });
    expect(next.has_more).toBe(false);
  });

  it('never moves backwards: a lower commit changes nothing', async () => {
    await publish('task.created');
    const page = await poll('steady');
    await commit('steady', page.position);
    const late = await commit('steady', 0);
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ moved: false, consumer: { position: page.position } });
  });

  it('refuses a position past the newest event', async () => {
    const response = await commit('ahead', 999_999_999_999);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('position_ahead');
  });

  it('filters by pattern and user like the stream, and moves past what it skipped', async () => {
    await commit('filtered', (await poll('filtered')).position);
    await publish('noise.one', 'user_2');
    const wanted = await publish('alert.raised', 'user_2');
    await publish('alert.raised', 'user_3');
    await publish('noise.two', 'user_2');
    const page = await poll('filtered', '?events=alert.*&user_id=user_2');
    expect(page.events.map((event) => event.event_id)).toEqual([wanted]);
    // Past the skipped noise after it too: a consumer of a rare type does not stall behind others.
    expect(page.position).toBeGreaterThan(page.events[0]!.position);
    await commit('filtered', page.position);
    expect((await poll('filtered', '?events=alert.*&user_id=user_2')).events).toEqual([]);
  });

  it("never shows another app's events, nor polls another app's consumers", async () => {
    const { position } = await poll('isolated');
    await commit('isolated', position);
    await publish('task.created', 'user_1', otherKey, 'elsewhere');
    const page = await poll('isolated');
    expect(page.events).toEqual([]);
    expect(page.position).toBe(position);
    const other = await server.request('/api/v1/apps/elsewhere/consumers/x/poll', { token: key });
    expect(other.status).toBe(403);
  });

  it('long-polls: answers as soon as an event commits', async () => {
    const head = (await poll('waiter')).position;
    await commit('waiter', head);
    const started = Date.now();
    const waiting = poll('waiter', '?wait=10');
    setTimeout(() => void publish('task.created'), 300);
    const page = await waiting;
    expect(page.events).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('long-polls: an empty answer after the wait', async () => {
    const head = (await poll('patient', '?events=never.happens')).position;
    await commit('patient', head);
    const started = Date.now();
    const page = await poll('patient', '?wait=1&events=never.happens');
    expect(page.events).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('answers a waiting poll at once when the server shuts down', async () => {
    const closing = await startTestServer();
    const closingKey = await closing.createApp('closing');
    const waiting = closing.request('/api/v1/apps/closing/consumers/c/poll?wait=30', { token: closingKey });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await closing.close();
    const response = await waiting;
    expect(response.status).toBe(200);
    expect(((await response.json()) as PollBody).events).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gets, lists and deletes consumers', async () => {
    await poll('listed');
    const got = await server.request('/api/v1/apps/poller/consumers/listed', { token: key });
    expect(got.status).toBe(200);
    const list = (await (await server.request('/api/v1/apps/poller/consumers', { token: key })).json()) as {
      consumers: Array<{ consumer_id: string }>;
    };
    expect(list.consumers.map((consumer) => consumer.consumer_id)).toContain('listed');
    expect(
      (await server.request('/api/v1/apps/poller/consumers/listed', { method: 'DELETE', token: key })).status,
    ).toBe(204);
    const gone = await server.request('/api/v1/apps/poller/consumers/listed', { token: key });
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('consumer_not_found');
  });

  it('names the field of bad input', async () => {
    for (const [path, field] of [
      ['/api/v1/apps/poller/consumers/bad%20name/poll', 'consumer_id'],
      ['/api/v1/apps/poller/consumers/ok/poll?wait=31', 'wait'],
      ['/api/v1/apps/poller/consumers/ok/poll?limit=0', 'limit'],
      ['/api/v1/apps/poller/consumers/ok/poll?events=nope', 'events'],
    ] as const) {
      const response = await server.request(path, { token: key });
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { fields: Array<{ path: string }> } };
      expect(body.error.fields[0]!.path, path).toBe(field);
    }
    const negative = await commit('ok', -1);
    expect(negative.status).toBe(400);
    expect(((await negative.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]!.path).toBe(
      'position',
    );
  });
});
