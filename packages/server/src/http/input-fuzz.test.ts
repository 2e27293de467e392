import { routes } from '@oriva/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

/**
 * No input earns a 500. Every operation the contract declares is called with random path
 * parameters, query strings and bodies (JSON of every shape, deep nesting, NUL bytes, lone
 * surrogates, bytes that are not UTF-8) under each kind of credential. Every answer must be below
 * 500 and, when it is an error, carry the API's error shape with a stable code. This file runs on
 * SQLite (`server`) and PostgreSQL (`server-pg`), so the two backends must agree.
 */

interface Operation {
  method: string;
  path: string;
  queryKeys: string[];
}

const operations: Operation[] = Object.values(routes)
  .filter((route): route is typeof route & { method: string; path: string } => {
    const candidate = route as { method?: unknown; path?: unknown };
    return typeof candidate.method === 'string' && typeof candidate.path === 'string';
  })
  // The stream is an upgrade, fuzzed frame by frame in its own test; the rest are plain HTTP.
  .filter((route) => !route.path.endsWith('/events/stream'))
  .map((route) => {
    const query = (route as { request?: { query?: { shape?: Record<string, unknown> } } }).request?.query;
    return { method: route.method.toUpperCase(), path: route.path, queryKeys: Object.keys(query?.shape ?? {}) };
  });

const APP_ID = 'fuzz-app';
const USER_ID = 'user_fuzz';
/**
 * The seeded event's user, never named by the barrage: fuzzed calls do reach the admin's erasure
 * (`DELETE /admin/users/user_fuzz`), which deletes that user's events on purpose.
 */
const KEPT_USER_ID = 'user_kept_apart';

let server: TestServer;
let appKey: string;
let userToken: string;
let seededEventId: string;

beforeAll(async () => {
  // Every webhook host resolves to a closed loopback port: fuzzed URLs never leave the machine.
  server = await startTestServer({}, { lookupHost: async () => [{ address: '127.0.0.1', family: 4 }] });
  appKey = await server.createApp(APP_ID, 'Fuzz');
  userToken = await server.userToken(USER_ID);
  const published = await server.request(`/api/v1/apps/${APP_ID}/events`, {
    method: 'POST',
    token: appKey,
    json: {
      event_category: 'session',
      event_type: 'ended',
      entity_type: 'session',
      entity_id: 's_1',
      user_id: KEPT_USER_ID,
      event_data: { kept: true },
    },
  });
  expect(published.status).toBe(200);
  seededEventId = ((await published.json()) as { event_id: string }).event_id;
});
afterAll(() => server?.close());

/** Strings a careless or hostile client sends: NUL, lone surrogates, control and combining characters. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u202e', '../..', '%00', '', ' ', 'null', '-1', '1e999'),
  fc.constantFrom(APP_ID, USER_ID, 'ntf_0', 'wh_0', 'del_0', 'key_0', 'notification.*', '*', 'true', '0'),
);

/** A path segment as raw bytes on the wire: percent-encoded UTF-8, or bytes that are not UTF-8 at all. */
const pathSegment = fc.oneof(
  nastyString.map((value) => encodeSegment(value)),
  fc.constantFrom('%00', '%ED%A0%80', '%FF%FE', '%C0%AF', '%2F', 'a%20b'),
);

function encodeSegment(value: string): string {
  // encodeURIComponent throws on a lone surrogate; send its CESU-8 bytes, which are not valid UTF-8.
  return [...value]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
        return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
      }
      return encodeURIComponent(char);
    })
    .join('');
}

/** Stands in a body for JSON nested too deep to build as an object (the stringify would overflow here too). */
const DEEP = '__deeply_nested__';

/** JSON nested `depth` levels, as objects or arrays, as text. */
const nesting = fc.record({
  depth: fc.oneof(fc.integer({ min: 20, max: 200 }), fc.constantFrom(33, 4200, 20_000)),
  arrays: fc.boolean(),
});
const nested = ({ depth, arrays }: { depth: number; arrays: boolean }) =>
  arrays ? '['.repeat(depth) + ']'.repeat(depth) : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deeplyNested = nesting.map(nested);

/** A body close to a real request, with fields of every type, so validation is reached, not just JSON parsing. */
const plausibleBody = fc
  .record(
    {
      event_category: nastyString,
      event_type: nastyString,
      entity_type: nastyString,
      entity_id: nastyString,
      user_id: fc.oneof(nastyString, fc.constant(USER_ID)),
      event_data: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(nastyString, nastyString), fc.constant(DEEP)),
      external_id: nastyString,
      notification_type: nastyString,
      title: nastyString,
      body: nastyString,
      status: fc.constantFrom('read', 'dismissed', 'clicked', 'unread', 'expired', 'bogus'),
      webhook_url: fc.oneof(
        fc.webUrl(),
        nastyString,
        fc.constantFrom('http://[2002:a9fe:a9fe::1]/', 'http://169.254.169.254/'),
      ),
      subscribed_events: fc.array(nastyString, { maxLength: 3 }),
      events: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
      context_data: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant(DEEP)),
      expires_at: fc.oneof(
        nastyString,
        fc.date().map((date) => (Number.isNaN(date.getTime()) ? 'x' : date.toISOString())),
      ),
      name: nastyString,
    },
    { requiredKeys: [] },
  )
  .chain((value) => deeplyNested.map((deep) => JSON.stringify(value).replaceAll(`"${DEEP}"`, deep)));

const body = fc.oneof(
  { weight: 4, arbitrary: plausibleBody },
  { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '{"event_data":"\\u0000"}', '{"title":"\\ud800"}') },
);

/** Valid requests of each kind, so a mutation of one field is what the server has to judge. */
const VALID_EVENT = {
  event_category: 'session',
  event_type: 'ended',
  entity_type: 'session',
  entity_id: 's_2',
  user_id: USER_ID,
  event_data: { minutes: 25 },
};
const TARGETS = [
  { method: 'POST', path: `/api/v1/apps/${APP_ID}/events`, credential: 'app', base: VALID_EVENT },
  { method: 'POST', path: `/api/v1/apps/${APP_ID}/events/batch`, credential: 'app', base: VALID_EVENT, batch: true },
  {
    method: 'POST',
    path: `/api/v1/apps/${APP_ID}/notifications`,
    credential: 'app',
    base: {
      external_id: 'wb_1',
      user_id: USER_ID,
      notification_type: 'reminder',
      title: 'Hi',
      body: 'There',
      context_data: {},
    },
  },
  {
    method: 'POST',
    path: `/api/v1/apps/${APP_ID}/notifications`,
    credential: 'app',
    base: { notification_id: 'wb_2', user_id: USER_ID, type: 'session_reminder', title: 'Hi', session_id: 's_3' },
  },
  {
    method: 'POST',
    path: `/api/v1/apps/${APP_ID}/webhooks`,
    credential: 'app',
    base: { webhook_url: 'https://hooks.example.com/oriva', subscribed_events: ['notification.*'] },
  },
  {
    method: 'PATCH',
    path: '/api/v1/notifications/wb_1',
    credential: 'user',
    base: { status: 'dismissed', dismissed_from: 'oriva_core' },
  },
] as const;

/** One valid body with one field set to something hostile (deep JSON, NUL, a lone surrogate, a wrong type). */
const mutatedValidRequest = fc
  .record({
    target: fc.constantFrom(...TARGETS),
    field: fc.constantFrom(
      'event_data',
      'context_data',
      'entity_id',
      'title',
      'external_id',
      'user_id',
      'webhook_url',
      'dismissed_from',
      'session_id',
    ),
    value: fc.oneof(fc.constant(DEEP), nastyString, fc.jsonValue({ maxDepth: 3 })),
    nesting,
  })
  // Kept as a recipe and rendered on use, so a failure prints a short counterexample.
  .map((recipe) => ({ ...recipe, json: () => renderMutation(recipe) }));

let mutations = 0;
function renderMutation({
  target,
  field,
  value,
  nesting: deep,
}: {
  target: (typeof TARGETS)[number];
  field: string;
  value: unknown;
  nesting: { depth: number; arrays: boolean };
}): string {
  // Unique ids, so each mutation is judged on its own and not answered as a duplicate.
  const base = { ...target.base, ...('external_id' in target.base ? { external_id: `wb_${mutations++}` } : {}) };
  const mutated = { ...base, [field]: value };
  const json = JSON.stringify('batch' in target ? { events: [base, mutated] } : mutated);
  return json.replaceAll(`"${DEEP}"`, nested(deep));
}

const request = fc.record({
  operation: fc.constantFrom(...operations),
  credential: fc.constantFrom('app', 'user', 'admin', 'none'),
  params: fc.array(pathSegment, { minLength: 4, maxLength: 4 }),
  query: fc.dictionary(
    fc.oneof(
      fc.constantFrom('limit', 'offset', 'after', 'status', 'event_type', 'group', 'success', 'user_id'),
      fc.string({ maxLength: 8 }),
    ),
    nastyString,
    { maxKeys: 3 },
  ),
  body,
});

type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

function pathFor({ operation, params }: FuzzRequest): string {
  let index = 0;
  // Half the time the app and user are real ones, so the request gets past authorization.
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const segment = params[index++ % params.length]!;
    if (name === 'app_id' && segment.length % 2 === 0) return APP_ID;
    if (name === 'user_id' && segment.length % 2 === 0) return USER_ID;
    return segment;
  });
}

function queryFor({ query }: FuzzRequest): string {
  const pairs = Object.entries(query).map(([key, value]) => `${encodeSegment(key)}=${encodeSegment(value)}`);
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

const tokenFor = (credential: FuzzRequest['credential']) =>
  ({ app: appKey, user: userToken, admin: server.adminToken, none: undefined })[credential];

describe('every operation, fuzzed', () => {
  it('answers below 500 with the error shape for any path, query, body and credential', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const { method } = input.operation;
        const url = `${server.url}${pathFor(input)}${queryFor(input)}`;
        const token = tokenFor(input.credential);
        const hasBody = method !== 'GET' && method !== 'DELETE';
        const response = await fetch(url, {
          method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(hasBody ? { 'content-type': 'application/json' } : {}),
          },
          ...(hasBody ? { body: input.body } : {}),
        });
        const text = await response.text();
        expect(response.status, `${method} ${url} -> ${text.slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400 && response.status < 500) {
          const parsed = JSON.parse(text) as { success?: boolean; error?: { code?: unknown } };
          expect(parsed.success, `${method} ${url}`).toBe(false);
          expect(typeof parsed.error?.code, `${method} ${url}`).toBe('string');
        }
      }),
      { numRuns: 600 },
    );
  }, 180_000);

  it('judges a valid request with one hostile field as a 4xx or stores it', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedValidRequest, async (mutation) => {
        const { target } = mutation;
        const json = mutation.json();
        const response = await fetch(`${server.url}${target.path}`, {
          method: target.method,
          headers: { authorization: `Bearer ${tokenFor(target.credential)}`, 'content-type': 'application/json' },
          body: json,
        });
        const text = await response.text();
        expect(
          response.status,
          `${target.method} ${target.path} ${json.slice(0, 200)} -> ${text.slice(0, 300)}`,
        ).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    // What was stored reads back: a page of events and a user's feed never fail on an odd record.
    expect((await server.request(`/api/v1/apps/${APP_ID}/events?limit=500`, { token: appKey })).status).toBe(200);
    expect(
      (await server.request(`/api/v1/users/${USER_ID}/notifications?limit=100`, { token: userToken })).status,
    ).toBe(200);
  }, 180_000);

  it('still serves what was stored before the barrage', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const listed = await server.request(`/api/v1/apps/${APP_ID}/events?limit=500`, { token: appKey });
    expect(listed.status).toBe(200);
    const { events } = (await listed.json()) as { events: Array<{ id: string }> };
    expect(events.map((event) => event.id)).toContain(seededEventId);
  });
});
