import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, testClient } from '../fake-fetch.test-support.js';
import { StreamError, type StreamEvent, type WebSocketLike } from './stream.js';

/** A browser-like WebSocket double (no `on`, no `terminate`): the test drives it. */
class FakeSocket implements WebSocketLike {
  static sockets: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  closedWith: [number | undefined, string | undefined] | undefined;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: { message?: string; error?: unknown }) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    FakeSocket.sockets.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code?: number, reason?: string): void {
    this.closedWith = [code, reason];
    this.readyState = 3;
  }

  open(ready: object = { resume: 'none', position: 10, events: ['*'] }): void {
    this.readyState = 1;
    this.onopen?.({});
    this.frame({ control: 'ready', ...ready });
  }

  frame(value: object): void {
    this.onmessage?.({ data: JSON.stringify(value) });
  }

  drop(code = 1006, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

const event = (position: number): StreamEvent => ({
  event_id: `evt_${String(position).padStart(26, '0')}`,
  type: 'notification.dismissed',
  app_id: 'work-buddy',
  event_category: 'notification',
  event_type: 'dismissed',
  entity_type: 'notification',
  entity_id: `n_${position}`,
  user_id: 'user_456',
  event_data: {},
  timestamp: '2025-09-30T10:30:00.000Z',
  position,
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: Parameters<ReturnType<typeof testClient>['client']['stream']>[0] = {}) {
  FakeSocket.sockets = [];
  const { client } = testClient([], { WebSocket: FakeSocket });
  const stream = client.stream(options);
  return { stream, socket: (index: number) => FakeSocket.sockets[index]! };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('client.stream()', () => {
  it('connects to the ws URL with the auth subprotocol, the app and the patterns', async () => {
    const { stream, socket } = setup({ events: ['notification.*', 'session.created'], since: 'evt_x' });
    await flush();
    const url = new URL(socket(0).url);
    expect(url.protocol).toBe('ws:');
    expect(url.pathname).toBe('/api/v1/events/stream');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      app_id: 'work-buddy',
      events: 'notification.*,session.created',
      since: 'evt_x',
    });
    expect(socket(0).protocols).toEqual(['oriva.v1', 'auth.ok_test_key']);
    stream.close();
  });

  it('yields events, reconnects with backoff after a drop, and resumes after the last position', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { stream, socket } = setup();
    const reconnecting: number[] = [];
    stream.on('reconnecting', (info) => reconnecting.push(info.delayMs));
    await vi.advanceTimersByTimeAsync(0);
    socket(0).open();
    expect(stream.position).toBe(10);
    socket(0).frame(event(11));
    socket(0).frame(event(12));
    socket(0).drop();
    expect(reconnecting).toEqual([500]);
    await vi.advanceTimersByTimeAsync(499);
    expect(FakeSocket.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(new URL(socket(1).url).searchParams.get('since')).toBe('12');
    socket(1).drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(reconnecting).toEqual([500, 1000]);
    socket(2).open({ resume: 'complete', position: 13, events: ['*'] });
    socket(2).frame(event(12)); // a duplicate is dropped
    socket(2).frame(event(13));
    stream.close();
    const positions: number[] = [];
    for await (const received of stream) positions.push(received.position);
    expect(positions).toEqual([11, 12, 13]);
    vi.restoreAllMocks();
  });

  it('pings where server pings are invisible, and reconnects a silent connection', async () => {
    vi.useFakeTimers();
    const { stream, socket } = setup({ heartbeatTimeoutMs: 1000, initialBackoffMs: 10 });
    await vi.advanceTimersByTimeAsync(0);
    socket(0).open();
    await vi.advanceTimersByTimeAsync(500);
    expect(socket(0).sent).toEqual([{ type: 'ping' }]);
    socket(0).frame({ control: 'pong' });
    await vi.advanceTimersByTimeAsync(999);
    expect(socket(0).closedWith).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(socket(0).closedWith).toEqual([4000, 'heartbeat timeout']);
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeSocket.sockets).toHaveLength(2);
    stream.close();
  });

  it('subscribe and unsubscribe send control messages and carry over to reconnects', async () => {
    vi.useFakeTimers();
    const { stream, socket } = setup({ events: 'notification.*', initialBackoffMs: 10 });
    await vi.advanceTimersByTimeAsync(0);
    socket(0).open();
    stream.subscribe(['session.created']);
    stream.unsubscribe('notification.*');
    expect(socket(0).sent).toEqual([
      { type: 'subscribe', events: ['session.created'] },
      { type: 'unsubscribe', events: ['notification.*'] },
    ]);
    expect(stream.events).toEqual(['session.created']);
    socket(0).drop();
    await vi.advanceTimersByTimeAsync(10);
    expect(new URL(socket(1).url).searchParams.get('events')).toBe('session.created');
    stream.close();
  });

  it('too_old emits resync; bad credentials (4401) end the stream without reconnecting', async () => {
    const { stream, socket } = setup();
    const resyncs: number[] = [];
    const errors: StreamError[] = [];
    const closes: unknown[] = [];
    stream.on('resync', (info) => resyncs.push(info.position));
    stream.on('error', (error) => errors.push(error));
    stream.on('close', (info) => closes.push(info));
    await flush();
    socket(0).open({ resume: 'too_old', position: 99, events: ['*'] });
    expect(resyncs).toEqual([99]);
    socket(0).drop(4401, 'token expired');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StreamError);
    expect(errors[0]).toMatchObject({ code: 4401, fatal: true, message: 'token expired' });
    expect(closes).toEqual([{ code: 4401, reason: 'token expired' }]);
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toBe(errors[0]);
    await flush();
    expect(FakeSocket.sockets).toHaveLength(1);
    expect(stream.closed).toBe(true);
  });

  it('a user token streams its own user; the query and ticket auth forms', async () => {
    FakeSocket.sockets = [];
    const { client } = testClient([], { apiKey: undefined, userToken: 'jwt.user.token', WebSocket: FakeSocket });
    const query = client.stream({ auth: 'query' });
    await flush();
    expect(Object.fromEntries(new URL(FakeSocket.sockets[0]!.url).searchParams)).toEqual({
      events: '*',
      auth: 'jwt.user.token',
    });
    expect(FakeSocket.sockets[0]!.protocols).toBeUndefined();
    query.close();

    FakeSocket.sockets = [];
    const { client: app, calls } = testClient([json(200, { success: true, ticket: 'tkt_1' })], {
      WebSocket: FakeSocket,
    });
    const ticket = app.stream({ auth: 'ticket' });
    await vi.waitFor(() => expect(FakeSocket.sockets).toHaveLength(1));
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/events/stream/tickets');
    expect(new URL(FakeSocket.sockets[0]!.url).searchParams.get('ticket')).toBe('tkt_1');
    ticket.close();
  });

  it('on(<qualified type>) hears only that type, until off(); such a listener counts as listening', async () => {
    const { stream, socket } = setup();
    await flush();
    socket(0).open();
    const ended: number[] = [];
    const everything: string[] = [];
    const onEnded = (received: StreamEvent) => ended.push(received.position);
    stream.on('session.ended', onEnded);
    stream.on('session.ended', () => {
      throw new Error('a broken listener does not silence the others');
    });
    stream.on('event', (received) => everything.push(received.type));
    socket(0).frame({ ...event(11), type: 'session.ended', event_category: 'session', event_type: 'ended' });
    socket(0).frame(event(12));
    stream.off('session.ended', onEnded);
    socket(0).frame({ ...event(13), type: 'session.ended', event_category: 'session', event_type: 'ended' });
    expect(ended).toEqual([11]);
    expect(everything).toEqual(['session.ended', 'notification.dismissed', 'session.ended']);
    stream.close();
  });

  it('keeps nothing for a later for await while a listener for one type is registered', async () => {
    const { stream, socket } = setup();
    await flush();
    socket(0).open();
    const heard: number[] = [];
    stream.on('notification.dismissed', (received) => heard.push(received.position));
    socket(0).frame(event(11));
    stream.close();
    const kept: number[] = [];
    for await (const received of stream) kept.push(received.position);
    expect(heard).toEqual([11]);
    expect(kept).toEqual([]);
  });
});
