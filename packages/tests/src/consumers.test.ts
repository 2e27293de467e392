/**
 * Polling consumers end to end, against real server processes: a crash between poll and commit loses
 * nothing (SQLite file, SIGKILL, restart), a long poll on one instance wakes on a commit made on
 * another (PostgreSQL + Redis), and a consumer moves from polling to the stream and back without a gap
 * or a duplicate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConsumerEvent, Oriva, type StreamEvent, type WebSocketConstructor } from '@oriva/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  api,
  clusterEnv,
  createSchema,
  dropSchema,
  freePort,
  startInstance,
} from './scale-out/cluster.test-support.js';

const WebSocket = createRequire(new URL('../../sdk/package.json', import.meta.url))('ws') as WebSocketConstructor;

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface PollBody {
  events: ConsumerEvent[];
  position: number;
  has_more: boolean;
}

async function createApp(url: string, appId: string): Promise<string> {
  const created = await api(url, ADMIN_TOKEN)<{ api_key: { key: string } }>('POST', '/apps', {
    app_id: appId,
    name: appId,
  });
  expect(created.status).toBe(201);
  return created.body.api_key.key;
}

const event = (n: number) => ({
  event_category: 'task',
  event_type: 'done',
  entity_type: 'task',
  entity_id: `task_${n}`,
  user_id: 'user_1',
  event_data: { n },
});

describe('a crash between poll and commit (SQLite, a real process)', () => {
  it('sees every event at least once after SIGKILL and a restart, skipping none', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oriva-poll-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const env = { ORIVA_DATA_DIR: dataDir };
    const first = await startInstance(env, port);
    cleanups.push(() => first.kill('SIGKILL'));
    const key = await createApp(first.url, 'crashy');
    const call = api(first.url, key);
    const published: string[] = [];
    for (let n = 0; n < 20; n++) {
      const { status, body } = await call<{ event_id: string }>('POST', '/apps/crashy/events', event(n));
      expect(status).toBe(200);
      published.push(body.event_id);
    }

    const seen = new Map<string, number>();
    const note = (page: PollBody) => {
      for (const { event_id } of page.events) seen.set(event_id, (seen.get(event_id) ?? 0) + 1);
    };
    // Two batches handled and committed, then a third read but never committed: the process dies.
    for (let batch = 0; batch < 2; batch++) {
      const page = (await call<PollBody>('GET', '/apps/crashy/consumers/worker/poll?limit=6')).body;
      note(page);
      expect((await call('POST', '/apps/crashy/consumers/worker/commit', { position: page.position })).status).toBe(
        200,
      );
    }
    const uncommitted = (await call<PollBody>('GET', '/apps/crashy/consumers/worker/poll?limit=6')).body;
    note(uncommitted);
    expect(uncommitted.events).toHaveLength(6);
    await first.kill('SIGKILL');

    const second = await startInstance(env, port);
    cleanups.push(() => second.kill('SIGKILL'));
    const again = api(second.url, key);
    // Published after the restart: polled after the ones before it.
    for (let n = 20; n < 25; n++) {
      const { status, body } = await again<{ event_id: string }>('POST', '/apps/crashy/events', event(n));
      expect(status).toBe(200);
      published.push(body.event_id);
    }
    const afterRestart: string[] = [];
    for (;;) {
      const page = (await again<PollBody>('GET', '/apps/crashy/consumers/worker/poll?limit=6')).body;
      note(page);
      afterRestart.push(...page.events.map((polled) => polled.event_id));
      if (page.events.length > 0)
        await again('POST', '/apps/crashy/consumers/worker/commit', { position: page.position });
      if (!page.has_more) break;
    }

    // The uncommitted batch comes again, first; then everything after it, in publishing order.
    expect(afterRestart).toEqual(published.slice(12));
    expect(uncommitted.events.map((polled) => polled.event_id)).toEqual(published.slice(12, 18));
    for (const id of published) expect(seen.get(id), id).toBeGreaterThanOrEqual(1);
    expect([...seen.values()].filter((count) => count > 1)).toHaveLength(6);
  }, 90_000);
});

describe('polling and the stream share positions', () => {
  it('moves from polling to the stream (since = committed) and back without a gap or a duplicate', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oriva-poll-switch-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startInstance({ ORIVA_DATA_DIR: dataDir });
    cleanups.push(() => server.kill('SIGKILL'));
    const apiKey = await createApp(server.url, 'switcher');
    const client = new Oriva({ apiKey, appId: 'switcher', baseUrl: server.url, WebSocket });
    const ids: string[] = [];
    const publish = async (n: number) => ids.push((await client.events.publish(event(n))).event_id);
    for (let n = 0; n < 5; n++) await publish(n);

    // Polling: the first three, handled, then committed.
    const page = await client.consumers.read('switcher', { limit: 3 });
    expect(page.events.map((polledEvent) => polledEvent.event_id)).toEqual(ids.slice(0, 3));
    await client.consumers.commit('switcher', page.position);

    // The stream from the committed position: the other two, then live ones, nothing twice.
    const stream = client.stream({ since: page.position });
    cleanups.push(() => stream.close());
    const streamed: StreamEvent[] = [];
    stream.on('event', (streamedEvent) => streamed.push(streamedEvent));
    await stream.ready();
    await publish(5);
    await waitUntil(() => streamed.length === 3);
    expect(streamed.map((streamedEvent) => streamedEvent.event_id)).toEqual(ids.slice(3, 6));
    stream.close();

    // And back: commit the stream's last position, poll again: only what came after.
    await client.consumers.commit('switcher', streamed.at(-1)!.position);
    await publish(6);
    const rest: string[] = [];
    for await (const polledEvent of client.consumers.poll('switcher', { follow: false }))
      rest.push(polledEvent.event_id);
    expect(rest).toEqual(ids.slice(6));
    const committed = (await client.consumers.get('switcher')).consumer.position;
    expect(committed).toBeGreaterThan(streamed.at(-1)!.position);

    // A handler that throws leaves its batch uncommitted: the event comes again.
    await publish(7);
    await expect(async () => {
      for await (const _ of client.consumers.poll('switcher', { follow: false })) throw new Error('handler failed');
    }).rejects.toThrow('handler failed');
    expect((await client.consumers.get('switcher')).consumer.position).toBe(committed);
    const retried: string[] = [];
    for await (const polledEvent of client.consumers.poll('switcher', { follow: false }))
      retried.push(polledEvent.event_id);
    expect(retried).toEqual(ids.slice(7));
  }, 60_000);
});

describe('two instances on PostgreSQL + Redis', () => {
  it('wakes a long poll on one instance with a publish on the other', async () => {
    const env = clusterEnv();
    await createSchema(env.ORIVA_DATABASE_SCHEMA!);
    cleanups.push(() => dropSchema(env.ORIVA_DATABASE_SCHEMA!));
    const [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
    cleanups.push(
      () => a.kill('SIGKILL'),
      () => b.kill('SIGKILL'),
    );
    const key = await createApp(a.url, 'clustered');
    const onA = api(a.url, key);
    const onB = api(b.url, key);
    const { body: empty } = await onA<PollBody>('GET', '/apps/clustered/consumers/agent/poll');
    expect(empty.events).toEqual([]);

    const started = Date.now();
    const waiting = onA<PollBody>('GET', '/apps/clustered/consumers/agent/poll?wait=25');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { body: published } = await onB<{ event_id: string }>('POST', '/apps/clustered/events', event(1));
    const { status, body } = await waiting;
    const waited = Date.now() - started;
    expect(status).toBe(200);
    expect(body.events.map((polled) => polled.event_id)).toEqual([published.event_id]);
    // Woken by the publish, not by the end of the wait.
    expect(waited).toBeLessThan(10_000);
    expect((await onB('POST', '/apps/clustered/consumers/agent/commit', { position: body.position })).status).toBe(200);
    const { body: consumer } = await onA<{ consumer: { position: number } }>('GET', '/apps/clustered/consumers/agent');
    expect(consumer.consumer.position).toBe(body.position);
  }, 90_000);
});

async function waitUntil(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
