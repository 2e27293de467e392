import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '../../testing/harness.js';

interface Frame {
  control?: string;
  resume?: string;
  event_id?: string;
  type?: string;
  position?: number;
  app_id?: string;
  user_id?: string | null;
  entity_id?: string;
}

let server: TestServer;
let workBuddy: string;
let hugo: string;

beforeAll(async () => {
  server = await startTestServer({ ORIVA_STREAM_HEARTBEAT_SECONDS: '0.2', ORIVA_STREAM_MAX_REPLAY: '20' });
  workBuddy = await server.createApp('work-buddy');
  hugo = await server.createApp('hugo');
});
afterAll(() => server.close());

const wsUrl = (query: string) => `${server.url.replace('http', 'ws')}/api/v1/events/stream?${query}`;

/** A client that records frames; `next(n)` waits for n more events (bounded). */
async function connect(query: string, options: WebSocket.ClientOptions & { protocols?: string[] } = {}) {
  const { protocols, ...rest } = options;
  const ws = new WebSocket(wsUrl(query), protocols, rest);
  const frames: Frame[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) =>
      reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })),
    );
  });
  const events = () => frames.filter((frame) => frame.event_id);
  const waitFor = async (predicate: () => boolean, what: string) => {
    const deadline = Date.now() + 3_000;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}: ${JSON.stringify(frames).slice(0, 400)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  await waitFor(() => frames.some((frame) => frame.control === 'ready'), 'ready');
  return { ws, frames, events, closed, waitFor, ready: frames.find((frame) => frame.control === 'ready')! };
}

const publish = async (token: string, app: string, overrides: object = {}) => {
  const response = await server.request(`/api/v1/apps/${app}/events`, {
    method: 'POST',
    token,
    json: { ...DESIGN_DOC_EVENT, ...overrides },
  });
  return ((await response.json()) as { event_id: string }).event_id;
};

describe('the event stream', () => {
  it("works with the design document's URL as written, and sends its event format with a position", async () => {
    const client = await connect(`app_id=work-buddy&auth=${workBuddy}`);
    expect(client.ready).toMatchObject({ control: 'ready', resume: 'none', position: expect.any(Number) });
    const eventId = await publish(workBuddy, 'work-buddy');
    await client.waitFor(() => client.events().length === 1, 'the event');
    expect(client.events()[0]).toMatchObject({
      event_id: eventId,
      type: 'notification.dismissed',
      event_category: 'notification',
      event_type: 'dismissed',
      entity_type: 'notification',
      entity_id: 'wb_notif_123',
      user_id: 'user_456',
      event_data: DESIGN_DOC_EVENT.event_data,
      timestamp: expect.any(String),
      position: expect.any(Number),
    } as Frame);
    client.ws.close();
  });

  it('accepts a single-use ticket and the auth subprotocol; refuses bad credentials before upgrading', async () => {
    const response = await server.request('/api/v1/events/stream/tickets', { method: 'POST', token: workBuddy });
    const { ticket } = (await response.json()) as { ticket: string };
    const byTicket = await connect(`ticket=${ticket}`);
    byTicket.ws.close();
    await expect(connect(`ticket=${ticket}`)).rejects.toMatchObject({ status: 401 });
    const byProtocol = await connect('', { protocols: ['oriva.v1', `auth.${workBuddy}`] });
    expect(byProtocol.ws.protocol).toBe('oriva.v1');
    byProtocol.ws.close();
    await expect(connect('auth=ok_live_nope')).rejects.toMatchObject({ status: 401 });
    await expect(connect('')).rejects.toMatchObject({ status: 401 });
    await expect(connect(`app_id=hugo&auth=${workBuddy}`)).rejects.toMatchObject({ status: 403 });
    await expect(connect(`auth=${workBuddy}&events=Bad.Pattern`)).rejects.toMatchObject({ status: 400 });
  });

  it('shows each principal exactly its events: an app its own, a user theirs across apps', async () => {
    const user = await server.userToken('stream_user');
    const app = await connect(`auth=${workBuddy}`);
    const appForUser = await connect(`auth=${workBuddy}&user_id=stream_user`);
    const person = await connect(`auth=${user}`);
    const other = await connect(`auth=${await server.userToken('someone_else')}`);
    await publish(workBuddy, 'work-buddy', { user_id: 'stream_user', entity_id: 'a' });
    await publish(hugo, 'hugo', { user_id: 'stream_user', entity_id: 'b' });
    await publish(workBuddy, 'work-buddy', { user_id: 'user_456', entity_id: 'c' });
    await person.waitFor(() => person.events().length === 2, 'the user events');
    await app.waitFor(() => app.events().length === 2, 'the app events');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(person.events().map((frame) => frame.entity_id)).toEqual(['a', 'b']);
    expect(app.events().map((frame) => frame.entity_id)).toEqual(['a', 'c']);
    expect(appForUser.events().map((frame) => frame.entity_id)).toEqual(['a']);
    expect(other.events()).toEqual([]);
    for (const client of [app, appForUser, person, other]) client.ws.close();
  });

  it('filters by pattern at connect and changes filters with subscribe and unsubscribe', async () => {
    const client = await connect(`auth=${hugo}&events=session.*`);
    await publish(hugo, 'hugo', { event_category: 'notification', entity_id: 'n1' });
    await publish(hugo, 'hugo', { event_category: 'session', event_type: 'created', entity_id: 's1' });
    await client.waitFor(() => client.events().length === 1, 'a session event');
    client.ws.send(JSON.stringify({ type: 'subscribe', events: ['notification.dismissed'] }));
    await client.waitFor(() => client.frames.some((frame) => frame.control === 'subscribed'), 'subscribed');
    client.ws.send(JSON.stringify({ type: 'unsubscribe', events: ['session.*'] }));
    await client.waitFor(
      () => client.frames.filter((frame) => frame.control === 'subscribed').length === 2,
      'unsubscribed',
    );
    await publish(hugo, 'hugo', { event_category: 'session', event_type: 'created', entity_id: 's2' });
    await publish(hugo, 'hugo', { entity_id: 'n2' });
    await client.waitFor(() => client.events().length === 2, 'the notification');
    expect(client.events().map((frame) => frame.entity_id)).toEqual(['s1', 'n2']);
    client.ws.send('not json');
    await client.waitFor(() => client.frames.some((frame) => frame.control === 'error'), 'an error frame');
    client.ws.close();
  });

  it('resumes after a disconnect with exactly the missed events, in order, by position or by event id', async () => {
    const first = await connect(`auth=${hugo}&events=resume.*`);
    await publish(hugo, 'hugo', { event_category: 'resume', entity_id: 'r0' });
    await first.waitFor(() => first.events().length === 1, 'r0');
    const last = first.events()[0]!;
    first.ws.close();
    await first.closed;
    const missed = [];
    for (let index = 1; index <= 12; index++)
      missed.push(await publish(hugo, 'hugo', { event_category: 'resume', entity_id: `r${index}` }));

    const byPosition = await connect(`auth=${hugo}&events=resume.*&since=${last.position}`);
    expect(byPosition.ready.resume).toBe('complete');
    await byPosition.waitFor(() => byPosition.events().length === 12, 'the missed events');
    await publish(hugo, 'hugo', { event_category: 'resume', entity_id: 'live' });
    await byPosition.waitFor(() => byPosition.events().length === 13, 'the live event');
    expect(byPosition.events().map((frame) => frame.event_id)).toEqual([...missed, expect.any(String)]);
    const positions = byPosition.events().map((frame) => frame.position!);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const byId = await connect(`auth=${hugo}&events=resume.*&since=${last.event_id}`);
    await byId.waitFor(() => byId.events().length === 13, 'the missed events by id');
    expect(byId.events().map((frame) => frame.entity_id)[0]).toBe('r1');
    byPosition.ws.close();
    byId.ws.close();
  });

  it('says when a resume is too old (more missed than it replays), then goes live', async () => {
    for (let index = 0; index < 25; index++) await publish(hugo, 'hugo', { entity_id: `old-${index}` });
    const client = await connect(`auth=${hugo}&since=1`);
    expect(client.ready.resume).toBe('too_old');
    expect(client.events()).toEqual([]);
    await publish(hugo, 'hugo', { entity_id: 'after-too-old' });
    await client.waitFor(() => client.events().length === 1, 'a live event');
    client.ws.close();
  });

  it('closes a peer that stops answering pings within two intervals', async () => {
    const silent = await connect(`auth=${hugo}`, { autoPong: false });
    const started = Date.now();
    const { code } = await silent.closed;
    expect(code).toBe(1006);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('refuses the 11th connection of one user with a clear close code and reason', async () => {
    const token = await server.userToken('busy_user');
    const clients = await Promise.all(Array.from({ length: 10 }, () => connect(`auth=${token}`)));
    const eleventh = new WebSocket(wsUrl(`auth=${token}`));
    const { code, reason } = await new Promise<{ code: number; reason: string }>((resolve) =>
      eleventh.on('close', (closeCode, closeReason) => resolve({ code: closeCode, reason: closeReason.toString() })),
    );
    expect(code).toBe(4429);
    expect(reason).toMatch(/at most 10 per user/);
    // A closed connection frees its place.
    clients[0]!.ws.close();
    await clients[0]!.closed;
    const replacement = await connect(`auth=${token}`);
    expect(replacement.ready.control).toBe('ready');
    replacement.ws.close();
    for (const client of clients.slice(1)) client.ws.close();
  });

  it('closes a client that stops reading, while another keeps receiving', async () => {
    const slowServer = await startTestServer({ ORIVA_STREAM_MAX_BUFFERED_BYTES: '2048' });
    try {
      const key = await slowServer.createApp('firehose');
      const base = slowServer.url.replace('http', 'ws');
      const open = (query: string) =>
        new Promise<WebSocket>((resolve) => {
          const ws = new WebSocket(`${base}/api/v1/events/stream?${query}`);
          ws.once('message', () => resolve(ws));
        });
      const slow = await open(`auth=${key}`);
      const fast = await open(`auth=${key}`);
      let fastReceived = 0;
      fast.on('message', () => fastReceived++);
      // The slow client stops reading: its socket buffers fill, then the server's send buffer.
      (slow as unknown as { _socket: { pause(): void } })._socket.pause();
      const slowClosed = new Promise<number>((resolve) => slow.on('close', (code) => resolve(code)));
      const big = { blob: 'x'.repeat(60_000) };
      // Well past what loopback socket buffers absorb (a few MB), so the server's own backlog grows.
      for (let index = 0; index < 250; index++) {
        await slowServer.request('/api/v1/apps/firehose/events', {
          method: 'POST',
          token: key,
          json: { ...DESIGN_DOC_EVENT, event_data: big },
        });
      }
      (slow as unknown as { _socket: { resume(): void } })._socket.resume();
      expect(await slowClosed).toBe(4008);
      const deadline = Date.now() + 5_000;
      while (fastReceived < 250 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fastReceived).toBe(250);
      fast.close();
    } finally {
      await slowServer.close();
    }
  });

  it('counts connections, messages and resumes in /metrics', async () => {
    const client = await connect(`auth=${hugo}&since=1`);
    await publish(hugo, 'hugo', { entity_id: 'metered' });
    await client.waitFor(() => client.events().length === 1, 'an event');
    const metrics = await (await server.request('/metrics')).text();
    expect(metrics).toMatch(/oriva_stream_connections\{principal="app"\} [1-9]/);
    expect(metrics).toMatch(/oriva_stream_messages_total [1-9]/);
    expect(metrics).toMatch(/oriva_stream_resumes_total\{outcome="too_old"\} [1-9]/);
    expect(metrics).toMatch(/oriva_stream_slow_consumer_closes_total \d/);
    client.ws.close();
  });

  it('counts disconnects by reason: a client closing is not a dropped connection', async () => {
    const count = async (reason: string) => {
      const metrics = await (await server.request('/metrics')).text();
      const line = new RegExp(`^oriva_stream_disconnects_total\\{principal="app",reason="${reason}"\\} (\\d+)$`, 'm');
      return Number(metrics.match(line)?.[1] ?? 0);
    };
    const closedBefore = await count('client_closed');
    const droppedBefore = await count('abnormal');
    const polite = await connect(`auth=${hugo}`);
    const dropped = await connect(`auth=${hugo}`);
    polite.ws.close(1000);
    // No close frame: what the server sees when a network or a phone drops the connection.
    dropped.ws.terminate();
    const deadline = Date.now() + 3_000;
    while ((await count('abnormal')) === droppedBefore || (await count('client_closed')) === closedBefore) {
      if (Date.now() > deadline) throw new Error('the disconnects were not counted');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Only this test drops a connection; an earlier test's client may still be closing politely.
    expect(await count('abnormal')).toBe(droppedBefore + 1);
    expect(await count('client_closed')).toBeGreaterThan(closedBefore);
  });
});

describe('stream limits and shutdown (production settings)', () => {
  it('refuses browsers from other origins, closes oversized frames, and says goodbye on shutdown', async () => {
    const production = await startTestServer({ ORIVA_DEV: '0', ORIVA_STREAM_ORIGINS: 'https://core.oriva.example' });
    const key = await production.createApp('limits');
    const url = `${production.url.replace('http', 'ws')}/api/v1/events/stream?auth=${key}`;
    const openWith = (headers: Record<string, string>) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(url, { headers });
        ws.once('open', () => resolve(ws));
        ws.once('unexpected-response', (_req, res) =>
          reject(Object.assign(new Error('refused'), { status: res.statusCode })),
        );
      });
    try {
      await expect(openWith({ origin: 'https://evil.example' })).rejects.toMatchObject({ status: 403 });
      const browser = await openWith({ origin: 'https://core.oriva.example' });
      const oversized = new Promise<number>((resolve) => browser.on('close', (code) => resolve(code)));
      browser.send(JSON.stringify({ type: 'subscribe', events: ['x'.repeat(70 * 1024)] }));
      expect(await oversized).toBe(1009);

      const server = await openWith({});
      const goodbye = new Promise<{ code: number; reason: string }>((resolve) =>
        server.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
      );
      await production.close();
      expect(await goodbye).toEqual({ code: 1001, reason: 'server shutting down' });
    } catch (error) {
      await production.close();
      throw error;
    }
  });
});

describe('browser origins', () => {
  it('admits listed origins and the server’s own, and refuses others with 403', async () => {
    const strict = await startTestServer({ ORIVA_STREAM_ORIGINS: 'https://core.example' });
    try {
      const key = await strict.createApp('work-buddy');
      const open = (origin: string) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(
            `${strict.url.replace('http', 'ws')}/api/v1/events/stream?app_id=work-buddy&auth=${key}`,
            { headers: { origin } },
          );
          ws.once('open', () => {
            ws.close();
            resolve(101);
          });
          ws.once('unexpected-response', (_req, res) => {
            resolve(res.statusCode ?? 0);
            ws.terminate();
          });
          ws.once('error', () => {});
        });
      expect(await open('https://core.example')).toBe(101);
      // The /inbox page is served by the server itself: its own origin needs no listing.
      expect(await open(strict.url)).toBe(101);
      expect(await open('https://evil.example')).toBe(403);
    } finally {
      await strict.close();
    }
  });
});
