/**
 * The event stream end to end against the real server: the SDK's `stream()` (order, reconnect and
 * resume without gap or duplicate, `close()`, a user's own events) and `oriva stream tail`.
 */
import { createRequire } from 'node:module';
import { main } from '@oriva/cli';
import { Oriva, StreamError, type StreamEvent, type WebSocketConstructor, type WebSocketLike } from '@oriva/sdk';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCliOutput } from './cli-io.test-support.js';

/** The `ws` package the SDK uses in Node (a dependency of the SDK, not of this package). */
interface NodeSocket extends WebSocketLike {
  readonly url: string;
  terminate(): void;
  pause(): void;
  removeAllListeners(event: string): void;
}
const WebSocket = createRequire(new URL('../../sdk/package.json', import.meta.url))('ws') as new (
  url: string,
  protocols?: string | string[],
) => NodeSocket;

let server: TestServer;
let apiKey: string;
let app: Oriva;

beforeAll(async () => {
  server = await startTestServer({ ORIVA_STREAM_HEARTBEAT_SECONDS: '0.2' });
  apiKey = await server.createApp('work-buddy', 'Work Buddy');
  app = new Oriva({ apiKey, appId: 'work-buddy', baseUrl: server.url });
});
afterAll(() => server?.close());

const publish = (entityId: string, overrides: object = {}) =>
  app.events.publish({ ...DESIGN_DOC_EVENT, entity_id: entityId, ...overrides });

/** Takes `n` events from an iterator, bounded in time. */
async function take(iterator: AsyncIterator<StreamEvent>, n: number, ms = 5_000): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  const deadline = Date.now() + ms;
  while (events.length < n) {
    const next = await Promise.race([
      iterator.next(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`timed out after ${events.length} of ${n} events`)), deadline - Date.now()),
      ),
    ]);
    if (next.done) throw new Error(`the stream ended after ${events.length} of ${n} events`);
    events.push(next.value);
  }
  return events;
}

/** The `ws` WebSocket, recording every socket it opens so a test can cut one. */
function recordingWebSocket() {
  const sockets: NodeSocket[] = [];
  class Recording extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  }
  return { sockets, WebSocket: Recording as unknown as WebSocketConstructor };
}

describe('SDK stream()', () => {
  it('receives published events in order, with their positions', async () => {
    const stream = app.stream({ events: 'notification.*' });
    await stream.ready();
    const iterator = stream[Symbol.asyncIterator]();
    await publish('order_1');
    await publish('order_2', { event_category: 'session', event_type: 'created' }); // filtered out
    await publish('order_3');
    const events = await take(iterator, 2);
    expect(events.map((event) => event.entity_id)).toEqual(['order_1', 'order_3']);
    expect(events[0]).toMatchObject({ type: 'notification.dismissed', app_id: 'work-buddy', user_id: 'user_456' });
    expect(events[1]!.position).toBeGreaterThan(events[0]!.position);
    expect(stream.position).toBe(events[1]!.position);
    stream.close();
  });

  it('reconnects after the connection drops and resumes with no gap and no duplicate', async () => {
    const recording = recordingWebSocket();
    const stream = app.stream({ WebSocket: recording.WebSocket, initialBackoffMs: 150 });
    const reconnects: number[] = [];
    stream.on('reconnecting', (info) => reconnects.push(info.attempt));
    const readies: string[] = [];
    stream.on('ready', (ready) => readies.push(ready.resume));
    await stream.ready();
    const iterator = stream[Symbol.asyncIterator]();
    await publish('burst_0');
    const [first] = await take(iterator, 1);
    expect(first!.entity_id).toBe('burst_0');

    recording.sockets[0]!.terminate();
    // A burst while disconnected (the client waits at least 75 ms before reconnecting).
    await app.events.publishBatch(
      Array.from({ length: 5 }, (_, index) => ({ ...DESIGN_DOC_EVENT, entity_id: `burst_${index + 1}` })),
    );
    const rest = await take(iterator, 5);
    await publish('burst_6');
    const [last] = await take(iterator, 1);
    const ids = [first!, ...rest, last!].map((event) => event.entity_id);
    expect(ids).toEqual(['burst_0', 'burst_1', 'burst_2', 'burst_3', 'burst_4', 'burst_5', 'burst_6']);
    const positions = [first!, ...rest, last!].map((event) => event.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    expect(recording.sockets.length).toBe(2);
    expect(reconnects).toEqual([1]);
    expect(readies).toEqual(['none', 'complete']);
    expect(recording.sockets[1]!.url).toContain(`since=${first!.position}`);
    stream.close();
  });

  it('detects a silent connection by its heartbeat and reconnects', async () => {
    const recording = recordingWebSocket();
    const stream = app.stream({ WebSocket: recording.WebSocket, heartbeatTimeoutMs: 150, initialBackoffMs: 50 });
    await stream.ready();
    // Stop reacting to the server: no frames or pings reach the stream any more.
    const silenced = recording.sockets[0]!;
    silenced.onmessage = null;
    silenced.removeAllListeners('ping');
    silenced.pause();
    const reconnected = new Promise<void>((resolve) => stream.on('ready', () => resolve()));
    await reconnected;
    expect(recording.sockets.length).toBeGreaterThanOrEqual(2);
    stream.close();
  });

  it('close() ends a for await loop', async () => {
    const stream = app.stream();
    await stream.ready();
    const seen: string[] = [];
    const loop = (async () => {
      for await (const event of stream) {
        seen.push(event.entity_id);
        stream.close();
      }
      return 'ended';
    })();
    await publish('close_1');
    await expect(loop).resolves.toBe('ended');
    expect(seen).toEqual(['close_1']);
    expect(stream.closed).toBe(true);
  });

  it("a user token's stream sees only that user's events", async () => {
    const user = new Oriva({ userToken: await server.userToken('user_789'), baseUrl: server.url });
    const stream = user.stream({ auth: 'ticket' });
    await stream.ready();
    const iterator = stream[Symbol.asyncIterator]();
    await publish('other_user');
    await publish('mine_1', { user_id: 'user_789' });
    await publish('mine_2', { user_id: 'user_789' });
    const events = await take(iterator, 2);
    expect(events.map((event) => [event.user_id, event.entity_id])).toEqual([
      ['user_789', 'mine_1'],
      ['user_789', 'mine_2'],
    ]);
    stream.close();
  });

  it("resumes from the feed's stream position: every change after the page, none before it", async () => {
    const user = new Oriva({ userToken: await server.userToken('user_snap'), baseUrl: server.url });
    const notify = (externalId: string) =>
      app.notifications.create({
        external_id: externalId,
        user_id: 'user_snap',
        notification_type: 'reminder',
        title: externalId,
        body: 'b',
      });
    await notify('before');
    const page = await user.notifications.list();
    expect(page.data.map((notification) => notification.external_id)).toEqual(['before']);
    expect(page.streamPosition).toEqual(expect.any(Number));
    // Changed after the page was read and before the stream opened: the stream must replay it.
    await notify('between');
    const stream = user.stream({ events: ['notification.*'], since: page.streamPosition! });
    const ready = await stream.ready();
    expect(ready.resume).toBe('complete');
    const iterator = stream[Symbol.asyncIterator]();
    await notify('after');
    const events = await take(iterator, 2);
    expect(events.map((event) => (event.event_data.notification as { external_id: string }).external_id)).toEqual([
      'between',
      'after',
    ]);
    stream.close();
  });

  it('bad credentials end the stream with a fatal error, without reconnecting', async () => {
    const bad = new Oriva({ apiKey: 'ok_not_a_real_key', appId: 'work-buddy', baseUrl: server.url });
    const stream = bad.stream();
    const reconnects: unknown[] = [];
    stream.on('reconnecting', (info) => reconnects.push(info));
    const error = await stream.ready().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ code: 401, fatal: true });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(StreamError);
    expect(reconnects).toEqual([]);
  });
});

/** Collects what a command writes. */
const capture = () => captureCliOutput({ XDG_CONFIG_HOME: server.dataDir });

describe('oriva stream tail', () => {
  const flags = () => ['--base-url', server.url, '--api-key', apiKey, '--app-id', 'work-buddy'];

  /**
   * Runs `oriva stream tail <args>` until its output shows `text` (5 s at most), then stops it through `io.signal`,
   * which must end it with exit code 0; returns the lines it printed.
   */
  async function tailUntil(args: string[], text: string): Promise<string[]> {
    const out = capture();
    const controller = new AbortController();
    const run = main(['stream', 'tail', ...args, ...flags()], { ...out.io, signal: controller.signal });
    const deadline = Date.now() + 5_000;
    while (!out.stdout().includes(text) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    controller.abort();
    await expect(run).resolves.toBe(0);
    return out.stdout().trimEnd().split('\n');
  }

  it('--count 3 --json prints 3 NDJSON lines for 3 published events and exits 0', async () => {
    const out = capture();
    let done = false;
    const run = main(['stream', 'tail', '--count', '3', '--json', ...flags()], out.io).finally(() => {
      done = true;
    });
    // The command does not say when it is connected (stdout carries events only): publish until it has
    // printed three; it prints the first three that arrive after it connected.
    const published: string[] = [];
    for (let index = 0; !done && index < 100; index += 1) {
      published.push(`cli_${index}`);
      await publish(`cli_${index}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expect(run).resolves.toBe(0);
    const lines = out.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const events = lines.map((line) => JSON.parse(line) as StreamEvent);
    const ids = events.map((event) => event.entity_id);
    const start = published.indexOf(ids[0]!);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(ids).toEqual(published.slice(start, start + 3));
    expect(events[0]).toMatchObject({ type: 'notification.dismissed', position: expect.any(Number) });
    expect(events[1]!.position).toBeGreaterThan(events[0]!.position);
  });

  it('--since with a duration replays the recent events; human lines; io.signal stops it', async () => {
    await publish('recent_1', { event_category: 'session', event_type: 'created' });
    const lines = await tailUntil(['--since', '1h', '--events', 'session.*'], 'recent_1');
    // Every session event of this app in the last hour: order_2 and recent_1.
    expect(lines.map((line) => line.split(/ {2,}/)[3])).toEqual(['notification:order_2', 'notification:recent_1']);
    expect(lines[1]).toMatch(/session\.created {2,}user_456 {2,}notification:recent_1 {2,}#\d+$/);
  });

  it('human lines keep their columns aligned whatever the lengths of types, users and entities', async () => {
    await publish('a', { event_category: 'x', event_type: 'y', user_id: 'u' });
    await publish('a_much_longer_entity_id', { event_category: 'session', event_type: 'created_elsewhere' });
    const lines = await tailUntil(['--since', '1h', '--events', 'x.y,session.created_elsewhere'], 'a_much_longer');
    expect(lines).toHaveLength(2);
    // Every column starts at the same offset on both lines.
    const starts = (line: string) => [...line.matchAll(/(?<= {2})\S/g)].map((match) => match.index);
    expect(starts(lines[0]!)).toEqual(starts(lines[1]!));
  });
});
