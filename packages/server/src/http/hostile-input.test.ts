import { MAX_JSON_DEPTH } from '@oriva/contract';
import { describe, expect, it } from 'vitest';
import { CUT_MARKER } from '../services/stored-json.js';
import { DESIGN_DOC_EVENT } from '../testing/harness.js';
import { serverWithApp } from '../testing/server-with-app.test-support.js';

// Runs under both the `server` (SQLite) and `server-pg` (PostgreSQL) projects with the same
// expectations, so every probe pins that both backends answer alike.

interface ErrorJson {
  error: { code: string; status: number; fields?: Array<{ path: string; code: string; message: string }> };
}

const workBuddy = serverWithApp();

/** `{"a":{"a":…{"a":1}…}}`, `levels` objects deep. */
const nested = (levels: number): Record<string, unknown> =>
  JSON.parse(`${'{"a":'.repeat(levels - 1)}{"a":1}${'}'.repeat(levels - 1)}`);
const nestedText = (levels: number) => `${'{"a":'.repeat(levels - 1)}{"a":1}${'}'.repeat(levels - 1)}`;

const publish = (json: unknown) =>
  workBuddy.server.request('/api/v1/apps/work-buddy/events', { method: 'POST', token: workBuddy.apiKey, json });

/** Sends a JSON text as given (the harness would serialize, and `JSON.stringify` cannot take what we send). */
const postRaw = (path: string, text: string, method = 'POST') =>
  workBuddy.server.request(path, {
    method,
    token: workBuddy.apiKey,
    headers: { 'content-type': 'application/json' },
    body: text,
  });

async function fieldsOf(response: Response) {
  const body = (await response.json()) as ErrorJson;
  return body.error.fields?.map(({ path, code }) => ({ path, code }));
}

async function createNotification(extra: Record<string, unknown> = {}) {
  const response = await workBuddy.server.request('/api/v1/apps/work-buddy/notifications', {
    method: 'POST',
    token: workBuddy.apiKey,
    json: {
      external_id: `n_${Math.random().toString(36).slice(2)}`,
      user_id: 'user_456',
      notification_type: 'reminder',
      title: 'Hi',
      ...extra,
    },
  });
  return response;
}

describe('nesting depth of free-form JSON', () => {
  it(`accepts event_data ${MAX_JSON_DEPTH} levels deep and refuses ${MAX_JSON_DEPTH + 1}, naming the field`, async () => {
    expect((await publish({ ...DESIGN_DOC_EVENT, event_data: nested(MAX_JSON_DEPTH) })).status).toBe(200);
    const response = await publish({ ...DESIGN_DOC_EVENT, event_data: nested(MAX_JSON_DEPTH + 1) });
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual([{ path: 'event_data', code: 'too_deep' }]);
  });

  it('answers 400 to event_data 4,100 levels deep (an 8 KB body that overflowed JSON.stringify)', async () => {
    const body = `{"event_category":"notification","event_type":"dismissed","entity_type":"notification","entity_id":"e1","user_id":"u1","event_data":${nestedText(4100)}}`;
    expect(body.length).toBeLessThan(32 * 1024);
    const response = await postRaw('/api/v1/apps/work-buddy/events', body);
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual([{ path: 'event_data', code: 'too_deep' }]);
  });

  it('names the batch item whose event_data is too deep', async () => {
    const events = [DESIGN_DOC_EVENT, { ...DESIGN_DOC_EVENT, event_data: { list: [nested(MAX_JSON_DEPTH)] } }];
    const response = await workBuddy.server.request('/api/v1/apps/work-buddy/events/batch', {
      method: 'POST',
      token: workBuddy.apiKey,
      json: { events },
    });
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual([{ path: 'events.1.event_data', code: 'too_deep' }]);
  });

  it('refuses deep context_data on create (both forms) and on update', async () => {
    const created = await createNotification({ context_data: nested(MAX_JSON_DEPTH + 1) });
    expect(created.status).toBe(400);
    expect(await fieldsOf(created)).toEqual([{ path: 'context_data', code: 'too_deep' }]);

    // The design document's form: unknown top-level fields move into context_data, and are checked there.
    const exampleOne = await workBuddy.server.request('/api/v1/apps/work-buddy/notifications', {
      method: 'POST',
      token: workBuddy.apiKey,
      json: {
        notification_id: 'n_deep',
        user_id: 'u1',
        type: 'reminder',
        title: 'Hi',
        session: nested(MAX_JSON_DEPTH),
      },
    });
    expect(exampleOne.status).toBe(400);
    expect(await fieldsOf(exampleOne)).toEqual([{ path: 'context_data', code: 'too_deep' }]);

    const ok = await createNotification();
    const { notification_id } = (await ok.json()) as { notification_id: string };
    const updated = await workBuddy.server.request(`/api/v1/notifications/${notification_id}`, {
      method: 'PATCH',
      token: workBuddy.apiKey,
      json: { context_data: nested(MAX_JSON_DEPTH + 1) },
    });
    expect(updated.status).toBe(400);
    expect(await fieldsOf(updated)).toEqual([{ path: 'context_data', code: 'too_deep' }]);
  });

  it('answers 400, never 500, to bodies nested 100,000 levels deep', async () => {
    const arrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const body of [
      arrays,
      `{"event_category":"a","event_data":{"x":${arrays}}}`,
      `{"unknown":${arrays}}`,
      `${'['.repeat(100_000)}`, // not even JSON
    ]) {
      const response = await postRaw('/api/v1/apps/work-buddy/events', body);
      expect(response.status, body.slice(0, 40)).toBe(400);
    }
  });

  it('still lists events stored before the limit, cut at the limit', async () => {
    const published = await publish({ ...DESIGN_DOC_EVENT, entity_id: 'deep_old', event_data: { marker: 1 } });
    const { event_id } = (await published.json()) as { event_id: string };
    await publish({ ...DESIGN_DOC_EVENT, entity_id: 'after_deep' });
    await storeDirectly('platform_events', 'event_data', event_id, `{"top":"kept","deep":${nestedText(4110)}}`);

    const listed = await workBuddy.server.request('/api/v1/apps/work-buddy/events?entity_id=deep_old', {
      token: workBuddy.apiKey,
    });
    expect(listed.status).toBe(200);
    const [event] = ((await listed.json()) as { events: Array<{ event_data: Record<string, unknown> }> }).events;
    expect(event?.event_data.top).toBe('kept');
    expect(depthOf(event?.event_data)).toBe(MAX_JSON_DEPTH);
    expect(JSON.stringify(event?.event_data)).toContain(JSON.stringify(CUT_MARKER));

    // Every page around it answers too: a page of one, walked to the end.
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page: Response = await workBuddy.server.request(
        `/api/v1/apps/work-buddy/events?limit=1${after ? `&after=${after}` : ''}`,
        { token: workBuddy.apiKey },
      );
      expect(page.status).toBe(200);
      after = ((await page.json()) as { pagination: { next_cursor: string | null } }).pagination.next_cursor;
      if (!after) break;
    }
    expect(after).toBeNull();
  });

  it('still shows notifications whose context_data was stored before the limit', async () => {
    const created = await createNotification({ context_data: { ok: true } });
    const { notification_id } = (await created.json()) as { notification_id: string };
    await storeDirectly('platform_notifications', 'context_data', notification_id, nestedText(4110));
    const shown = await workBuddy.server.request(`/api/v1/notifications/${notification_id}`, {
      token: workBuddy.apiKey,
    });
    expect(shown.status).toBe(200);
    const listed = await workBuddy.server.request('/api/v1/apps/work-buddy/notifications', { token: workBuddy.apiKey });
    expect(listed.status).toBe(200);
  });
});

/** Writes a JSON column behind the API's back, as data stored before a limit existed would be. */
async function storeDirectly(table: string, column: string, id: string, json: string) {
  if (workBuddy.server.databaseFile) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(workBuddy.server.databaseFile);
    try {
      expect(db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(json, id).changes).toBe(1);
    } finally {
      db.close();
    }
    return;
  }
  const database = workBuddy.server.config.database!;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const result = await client.query(`UPDATE "${database.schema}".${table} SET ${column} = $1::jsonb WHERE id = $2`, [
      json,
      id,
    ]);
    expect(result.rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe('NUL and unpaired surrogates', () => {
  const NUL = '\u0000';
  const LONE = '\ud800';
  const fake = { webhook: 'wh_01J8ZQ3J5V8C9X2M4N6P7R8S9T', delivery: 'del_01J8ZQ3J5V8C9X2M4N6P7R8S9T' };
  const base = '/api/v1/apps/work-buddy';

  /** [what, method, path, JSON body, the field the 400 names] */
  const probes: Array<[string, string, string, unknown, string]> = [
    [
      'event_data value NUL',
      'POST',
      `${base}/events`,
      { ...DESIGN_DOC_EVENT, event_data: { note: `a${NUL}b` } },
      'event_data.note',
    ],
    [
      'event_data key NUL',
      'POST',
      `${base}/events`,
      { ...DESIGN_DOC_EVENT, event_data: { [`k${NUL}`]: 1 } },
      `event_data.k${NUL}`,
    ],
    [
      'event_data value surrogate',
      'POST',
      `${base}/events`,
      { ...DESIGN_DOC_EVENT, event_data: { list: ['ok', `x${LONE}`] } },
      'event_data.list.1',
    ],
    ['entity_id NUL', 'POST', `${base}/events`, { ...DESIGN_DOC_EVENT, entity_id: `a${NUL}` }, 'entity_id'],
    ['user_id surrogate', 'POST', `${base}/events`, { ...DESIGN_DOC_EVENT, user_id: `u${LONE}` }, 'user_id'],
    [
      'entity_type low surrogate',
      'POST',
      `${base}/events`,
      { ...DESIGN_DOC_EVENT, entity_type: '\udc00x' },
      'entity_type',
    ],
    [
      'batch: one bad event',
      'POST',
      `${base}/events/batch`,
      { events: [DESIGN_DOC_EVENT, { ...DESIGN_DOC_EVENT, event_data: { n: NUL } }] },
      'events.1.event_data.n',
    ],
    [
      'notification title surrogate',
      'POST',
      `${base}/notifications`,
      { external_id: 'p1', user_id: 'u', notification_type: 't', title: `T${LONE}` },
      'title',
    ],
    [
      'notification body NUL',
      'POST',
      `${base}/notifications`,
      { external_id: 'p2', user_id: 'u', notification_type: 't', title: 'T', body: `b${NUL}` },
      'body',
    ],
    [
      'notification context_data NUL',
      'POST',
      `${base}/notifications`,
      { external_id: 'p3', user_id: 'u', notification_type: 't', title: 'T', context_data: { s: NUL } },
      'context_data.s',
    ],
    [
      'notification action_url NUL',
      'POST',
      `${base}/notifications`,
      { external_id: 'p4', user_id: 'u', notification_type: 't', title: 'T', action_url: `workbuddy://s/${NUL}` },
      'action_url',
    ],
    [
      'notification image_url surrogate',
      'POST',
      `${base}/notifications`,
      { external_id: 'p5', user_id: 'u', notification_type: 't', title: 'T', image_url: `https://x.example/${LONE}` },
      'image_url',
    ],
    [
      'webhook description NUL',
      'POST',
      `${base}/webhooks`,
      { webhook_url: 'https://x.example/h', subscribed_events: ['*'], description: NUL },
      'description',
    ],
    [
      'webhook url NUL',
      'POST',
      `${base}/webhooks`,
      { webhook_url: `https://x.example/h${NUL}`, subscribed_events: ['*'] },
      'webhook_url',
    ],
    ['path webhook_id', 'GET', `${base}/webhooks/wh%00`, undefined, 'webhook_id'],
    ['path key_id', 'DELETE', `${base}/keys/key%00`, undefined, 'key_id'],
    ['path notification_id', 'GET', '/api/v1/notifications/ntf%00', undefined, 'notification_id'],
    ['path delivery_id', 'POST', `${base}/webhooks/${fake.webhook}/deliveries/del%00/retry`, undefined, 'delivery_id'],
    ['query event_type', 'GET', `${base}/webhooks/${fake.webhook}/deliveries?event_type=%00`, undefined, 'event_type'],
    ['query entity_id', 'GET', `${base}/events?entity_id=%00`, undefined, 'entity_id'],
    [
      'legacy sync call',
      'POST',
      `${base}/notifications/events`,
      { notification_id: `n${LONE}`, status: 'read' },
      'notification_id',
    ],
  ];

  it.each(probes)('%s: 400 invalid_string naming the field', async (_what, method, path, json, field) => {
    const response = await workBuddy.server.request(path, {
      method,
      token: workBuddy.apiKey,
      ...(json === undefined ? {} : { json }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields).toContainEqual(expect.objectContaining({ path: field, code: 'invalid_string' }));
  });

  it('stores well-formed text as given: tabs, newlines, emoji (paired surrogates)', async () => {
    const text = 'line\tone\nline two 🎉 ünïcödé';
    const response = await publish({ ...DESIGN_DOC_EVENT, entity_id: 'fine_text', event_data: { text, [text]: text } });
    expect(response.status).toBe(200);
    const listed = await workBuddy.server.request('/api/v1/apps/work-buddy/events?entity_id=fine_text', {
      token: workBuddy.apiKey,
    });
    const [event] = ((await listed.json()) as { events: Array<{ event_data: Record<string, unknown> }> }).events;
    expect(event?.event_data).toEqual({ text, [text]: text });
  });
});

describe('date-times outside years 0001-9999', () => {
  const notification = { external_id: 'd1', user_id: 'u', notification_type: 't', title: 'T' };
  const probes: Array<[string, string, unknown, string]> = [
    ['GET', '/api/v1/apps/work-buddy/events?start_date=0000-01-01T00:00:00Z', undefined, 'start_date'],
    ['GET', '/api/v1/apps/work-buddy/events?end_date=9999-12-31T23:59:59-14:00', undefined, 'end_date'],
    [
      'POST',
      '/api/v1/apps/work-buddy/notifications',
      { ...notification, expires_at: '0000-06-01T00:00:00Z' },
      'expires_at',
    ],
  ];

  it.each(probes)('%s %s: 400 out_of_range', async (method, path, json, field) => {
    const response = await workBuddy.server.request(path, {
      method,
      token: workBuddy.apiKey,
      ...(json === undefined ? {} : { json }),
    });
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual([{ path: field, code: 'out_of_range' }]);
  });

  it('accepts the edges: 0001-01-01 and 9999-12-31 UTC', async () => {
    const edges = 'start_date=0001-01-01T00:00:00Z&end_date=9999-12-31T23:59:59.999Z';
    const response = await workBuddy.server.request(`/api/v1/apps/work-buddy/events?${edges}`, {
      token: workBuddy.apiKey,
    });
    expect(response.status).toBe(200);
  });
});
