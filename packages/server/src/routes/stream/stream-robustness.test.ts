import { connect as connectTcp } from 'node:net';
import { StreamClientMessage, StreamErrorFrame } from '@oriva/contract';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_CONSECUTIVE_PROTOCOL_ERRORS } from '../../services/stream/protocol.js';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '../../testing/harness.js';

interface Frame {
  control?: string;
  code?: string;
  path?: string;
  event_id?: string;
  position?: number;
}

interface LogLine {
  level: number;
  msg?: string;
  [field: string]: unknown;
}

const INFO = 30;
const ERROR = 50;

let server: TestServer;
let key: string;
const logs: LogLine[] = [];

beforeAll(async () => {
  server = await startTestServer(
    { ORIVA_LOG_LEVEL: 'info' },
    { logDestination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) } },
  );
  key = await server.createApp('sturdy');
});
afterAll(() => server.close());

const streamPath = (query: string) => `/api/v1/events/stream?${query}`;

/** An open stream that records every frame and how it closed. */
async function open(query: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}${streamPath(query)}`, { headers });
  const frames: Frame[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as Frame));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  await until(() => frames.some((frame) => frame.control === 'ready'), 'the ready frame', frames);
  const answers = () => frames.filter((frame) => frame.control !== undefined && frame.control !== 'ready');
  return { ws, frames, closed, answers, events: () => frames.filter((frame) => frame.event_id !== undefined) };
}

async function until(predicate: () => boolean, what: string, seen?: unknown): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!predicate()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(seen ?? '').slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function publish(overrides: object = {}): Promise<string> {
  const response = await server.request('/api/v1/apps/sturdy/events', {
    method: 'POST',
    token: key,
    json: { ...DESIGN_DOC_EVENT, ...overrides },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { event_id: string }).event_id;
}

/** A raw HTTP upgrade request: the status line, the headers and the body exactly as the server wrote them. */
function rawUpgrade(query: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    const { port } = server;
    const socket = connectTcp(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = raw.subarray(0, split).toString().split('\r\n');
      const parsed: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        parsed[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine!.split(' ')[1]), headers: parsed, body: raw.subarray(split + 4) });
    });
    const request = {
      Host: `127.0.0.1:${port}`,
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      ...headers,
    };
    socket.write(
      `GET ${streamPath(query)} HTTP/1.1\r\n${Object.entries(request)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\r\n')}\r\n\r\n`,
    );
  });
}

describe('frames a client may send', () => {
  it('answers JSON that is not a message (null, [], 1, "x", {}) with an error frame and keeps the connection', async () => {
    const client = await open(`auth=${key}`);
    for (const text of ['null', '[]', '1', '"x"', '{}', '{"type":"subscribe"}', 'not json']) client.ws.send(text);
    client.ws.send(JSON.stringify({ type: 'subscribe', events: ['notification.*', 'Not A Pattern'] }));
    client.ws.send(JSON.stringify({ type: 'ping' }));
    await until(() => client.answers().length === 9, 'nine answers', client.frames);
    expect(client.answers().map((frame) => [frame.code, frame.path])).toEqual([
      ['unknown_message', 'type'],
      ['unknown_message', 'type'],
      ['unknown_message', 'type'],
      ['unknown_message', 'type'],
      ['unknown_message', 'type'],
      ['invalid_message', 'events'],
      ['malformed_message', undefined],
      ['invalid_pattern', 'events.1'],
      [undefined, undefined],
    ]);
    expect(client.answers().at(-1)).toEqual({ control: 'pong' });
    for (const frame of client.answers().slice(0, -1)) expect(StreamErrorFrame.safeParse(frame).success).toBe(true);
    // Still serving events.
    const eventId = await publish();
    await until(() => client.events().length === 1, 'an event');
    expect(client.events()[0]!.event_id).toBe(eventId);
    client.ws.close();
  });

  it('closes binary frames with 1003 and a run of invalid messages with 1008', async () => {
    const binary = await open(`auth=${key}`);
    binary.ws.send(Buffer.from([1, 2, 3]));
    expect((await binary.closed).code).toBe(1003);

    const noisy = await open(`auth=${key}`);
    for (let index = 0; index < MAX_CONSECUTIVE_PROTOCOL_ERRORS; index++) noisy.ws.send('null');
    expect(await noisy.closed).toEqual({
      code: 1008,
      reason: `${MAX_CONSECUTIVE_PROTOCOL_ERRORS} invalid messages in a row`,
    });
    expect(noisy.answers()).toHaveLength(MAX_CONSECUTIVE_PROTOCOL_ERRORS - 1);

    // A valid message in between resets the count: a mistake now and then is answered, never punished.
    const careless = await open(`auth=${key}`);
    for (let index = 0; index < 3 * MAX_CONSECUTIVE_PROTOCOL_ERRORS; index++)
      careless.ws.send(index % 5 === 4 ? '{"type":"ping"}' : 'null');
    await until(() => careless.answers().length === 3 * MAX_CONSECUTIVE_PROTOCOL_ERRORS, 'every answer');
    expect(careless.ws.readyState).toBe(WebSocket.OPEN);
    careless.ws.close();
  });

  it('survives thousands of random frames, and another client receives every event in order meanwhile', async () => {
    const witness = await open(`auth=${key}`);
    const before = witness.events().length;
    const published: string[] = [];
    let barrage = true;
    const publisher = (async () => {
      while (barrage && published.length < 400)
        published.push(await publish({ entity_id: `during-${published.length}` }));
    })();

    const pattern = fc.oneof(
      fc.constant('*'),
      fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}\.(\*|[a-z][a-z0-9_-]{0,8})$/),
      fc.string({ maxLength: 12 }),
    );
    const messageLike = fc
      .record(
        {
          type: fc.oneof(fc.constantFrom('subscribe', 'unsubscribe', 'ping', 'pong', 'SUBSCRIBE', ''), fc.jsonValue()),
          events: fc.oneof(fc.array(pattern, { maxLength: 5 }), fc.jsonValue()),
          extra: fc.jsonValue(),
        },
        { requiredKeys: ['type'] },
      )
      .map((message) => JSON.stringify(message));
    const text = fc.oneof(
      { weight: 4, arbitrary: fc.json() },
      { weight: 4, arbitrary: messageLike },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
      { weight: 1, arbitrary: fc.json().map((json) => json.slice(0, Math.max(0, json.length - 1))) },
    );
    type Thrown = { kind: 'text'; data: string } | { kind: 'binary' | 'invalid-utf8' | 'huge'; data: Buffer };
    const closing = fc.oneof(
      fc.uint8Array({ maxLength: 64 }).map((bytes): Thrown => ({ kind: 'binary', data: Buffer.from(bytes) })),
      fc
        .uint8Array({ maxLength: 32 })
        .map(
          (bytes): Thrown => ({ kind: 'invalid-utf8', data: Buffer.concat([Buffer.from(bytes), Buffer.from([0xff])]) }),
        ),
      fc
        .integer({ min: 64 * 1024 + 1, max: 96 * 1024 })
        .map((size): Thrown => ({ kind: 'huge', data: Buffer.from(`"${'x'.repeat(size)}"`) })),
    );
    const run = fc.record({
      frames: fc.array(
        text.map((data): Thrown => ({ kind: 'text', data })),
        { minLength: 25, maxLength: 25 },
      ),
      last: fc.option(closing, { freq: 3 }),
    });

    let thrown = 0;
    await fc.assert(
      fc.asyncProperty(run, async ({ frames, last }) => {
        const attacker = await open(`auth=${key}`);
        const all = last ? [...frames, last] : frames;
        for (const frame of all) attacker.ws.send(frame.data, { binary: frame.kind === 'binary' });
        thrown += all.length;
        attacker.ws.close(1000);
        const { code } = await attacker.closed;
        const expected = expectedAnswers(all);
        expect(code).toBe(expected.closeCode);
        expect(attacker.answers().map((frame) => frame.control)).toEqual(expected.answers);
        for (const frame of attacker.answers().filter((answer) => answer.control === 'error'))
          expect(StreamErrorFrame.safeParse(frame).success).toBe(true);
      }),
      { numRuns: 80 },
    );
    barrage = false;
    await publisher;
    for (let index = 0; index < 5; index++) published.push(await publish({ entity_id: `after-${index}` }));

    expect(thrown).toBeGreaterThanOrEqual(2_000);
    expect((await server.request('/healthz')).status).toBe(200);
    await until(() => witness.events().length - before === published.length, 'every published event', published.length);
    expect(
      witness
        .events()
        .slice(before)
        .map((frame) => frame.event_id),
    ).toEqual(published);
    // 1011 means a frame made the server throw: none may.
    expect(logs.filter((line) => line.level >= ERROR)).toEqual([]);
    witness.ws.close();
  }, 120_000);
});

/**
 * What the server must answer, from the contract alone: one answer per text frame in order (`pong`,
 * `subscribed`, or `error`), until a frame that ends the connection: binary (1003), invalid UTF-8 (1007),
 * over 64 KiB (1009), or the tenth invalid message in a row (1008). Otherwise the client's own close (1000).
 */
function expectedAnswers(frames: { kind: string; data: string | Buffer }[]) {
  const answers: string[] = [];
  let invalidInARow = 0;
  for (const frame of frames) {
    if (frame.kind === 'binary') return { answers, closeCode: 1003 };
    if (frame.kind === 'invalid-utf8') return { answers, closeCode: 1007 };
    if (frame.kind === 'huge') return { answers, closeCode: 1009 };
    // What arrives is the UTF-8 of the string: a lone surrogate becomes U+FFFD on the way.
    const message = parseMessage(Buffer.from(frame.data).toString());
    if (message === undefined) {
      invalidInARow++;
      if (invalidInARow >= MAX_CONSECUTIVE_PROTOCOL_ERRORS) return { answers, closeCode: 1008 };
      answers.push('error');
    } else {
      invalidInARow = 0;
      answers.push(message.type === 'ping' ? 'pong' : 'subscribed');
    }
  }
  return { answers, closeCode: 1000 };
}

function parseMessage(text: string): StreamClientMessage | undefined {
  try {
    const parsed = StreamClientMessage.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

describe('a fault inside one connection', () => {
  it('closes that connection with 1011 and logs it; the server and other clients carry on', async (context) => {
    // A stored event whose data is not JSON any more (a damaged row) makes the replay throw.
    if (!server.databaseFile) return context.skip();
    const other = await open(`auth=${key}`);
    const damagedId = await publish({ entity_id: 'damaged' });
    await until(() => other.events().some((frame) => frame.event_id === damagedId), 'the event', other.frames);
    const position = other.events().find((frame) => frame.event_id === damagedId)!.position! - 1;
    const database = new Database(server.databaseFile);
    try {
      database.prepare('UPDATE platform_events SET event_data = ? WHERE id = ?').run('{damaged', damagedId);
    } finally {
      database.close();
    }
    const replaying = new WebSocket(
      `${server.url.replace('http', 'ws')}${streamPath(`auth=${key}&since=${position}`)}`,
    );
    const { code } = await new Promise<{ code: number }>((resolve) =>
      replaying.on('close', (closeCode) => resolve({ code: closeCode })),
    );
    expect(code).toBe(1011);
    expect(
      logs.find((line) => line.level === ERROR && line.msg === 'stream start failed; closing the connection'),
    ).toBeDefined();
    logs.length = 0;

    expect((await server.request('/healthz')).status).toBe(200);
    const after = await publish({ entity_id: 'after-fault' });
    await until(() => other.events().some((frame) => frame.event_id === after), 'the next event', other.frames);
    other.ws.close();
  });
});

describe('opening the stream', () => {
  it('refuses an upgrade with the JSON error body and a correct content-length', async () => {
    for (const [query, headers, status, code] of [
      ['auth=ok_live_nope', {}, 401, 'invalid_credentials'],
      ['', { Authorization: 'Basic c2VjcmV0' }, 401, 'unauthorized'],
      [`auth=${key}&app_id=someone-else`, {}, 403, 'forbidden_app'],
      [`auth=${key}&events=Not.A.Pattern`, {}, 400, 'validation_failed'],
    ] as const) {
      const response = await rawUpgrade(query, { 'X-Request-Id': `refused-${status}`, ...headers });
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(Number(response.headers['content-length'])).toBe(response.body.length);
      expect(JSON.parse(response.body.toString())).toMatchObject({
        success: false,
        error: { code, status, request_id: `refused-${status}`, message: expect.any(String) },
      });
    }
  });

  it('names the one query parameter it refuses, events before since, after the credential and scope', async () => {
    const invalidPattern = {
      path: 'events',
      code: 'invalid_pattern',
      message: '"Bad" is not "*", "<category>.*" or "<category>.<type>"',
    };
    const invalidSince = {
      path: 'since',
      code: 'invalid_format',
      message: 'must be a position or an event id (evt_…)',
    };
    for (const [query, status, fields] of [
      [`auth=${key}&events=notification.*,%20Bad,&since=nope`, 400, [invalidPattern]],
      [`auth=${key}&since=nope&events=`, 400, [invalidSince]],
      [`auth=${key}&since=12345678901234567`, 400, [invalidSince]],
      ['auth=ok_live_nope&events=Bad', 401, undefined],
      [`auth=${key}&app_id=someone-else&since=nope`, 403, undefined],
    ] as const) {
      const response = await rawUpgrade(query);
      const { error } = JSON.parse(response.body.toString()) as { error: { status: number; fields?: unknown } };
      expect(error.status, query).toBe(status);
      expect(error.fields, query).toEqual(fields);
    }
  });

  it('refuses a request that names the WebSocket upgrade without asking for it (no Connection: upgrade) with a 400', async () => {
    const response = await rawUpgrade(`auth=${key}`, { Connection: 'close', 'X-Request-Id': 'no-upgrade' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body.toString())).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('accepts Authorization: Bearer from clients that can set headers', async () => {
    const client = await open('', { Authorization: `Bearer ${key}` });
    const eventId = await publish({ entity_id: 'by-header' });
    await until(() => client.events().some((frame) => frame.event_id === eventId), 'the event', client.frames);
    client.ws.close();
  });

  it('logs each connect and disconnect with the request id, app, duration and close code', async () => {
    logs.length = 0;
    const client = await open(`auth=${key}&events=notification.*`, { 'X-Request-Id': 'req-stream-log' });
    client.ws.close(4000, 'bye');
    await client.closed;
    const mine = (msg: string) => logs.find((line) => line.msg === msg && line.req_id === 'req-stream-log');
    await until(() => mine('stream disconnected') !== undefined, 'the disconnect line', logs);
    const connected = mine('stream connected');
    const disconnected = mine('stream disconnected');
    expect(connected).toMatchObject({
      level: INFO,
      req_id: 'req-stream-log',
      principal: 'app',
      app_id: 'sturdy',
      events: ['notification.*'],
    });
    expect(disconnected).toMatchObject({
      level: INFO,
      req_id: 'req-stream-log',
      principal: 'app',
      app_id: 'sturdy',
      duration_ms: expect.any(Number),
      close_code: 4000,
      close_reason: 'bye',
    });
    // The credential never reaches a log line.
    expect(JSON.stringify(logs)).not.toContain(key);
  });
});
