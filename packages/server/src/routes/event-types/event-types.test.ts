import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../testing/harness.js';
import { serverWithApp } from '../../testing/server-with-app.test-support.js';

const context = serverWithApp();

const SESSION_ENDED = {
  description: 'A focus session ended',
  schema: {
    type: 'object',
    required: ['duration'],
    properties: { duration: { type: 'integer', minimum: 0 }, mood: { type: 'string' } },
  },
  examples: [{ duration: 1500 }, { duration: 60, mood: 'calm' }],
};

interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ path: string; code: string; message: string }> };
}
interface EventTypeBody {
  event_type: {
    name: string;
    app_id: string | null;
    version: number;
    versions: number[];
    schema: Record<string, unknown>;
    examples: unknown[];
    deprecated: boolean;
    description: string | null;
  };
}

const put = (name: string, body: unknown, options: { query?: string; token?: string } = {}) =>
  context.server.request(`/api/v1/apps/work-buddy/event-types/${name}${options.query ?? ''}`, {
    method: 'PUT',
    token: options.token ?? context.apiKey,
    json: body,
  });

const publish = (events: unknown[]) =>
  context.server.request('/api/v1/apps/work-buddy/events/batch', {
    method: 'POST',
    token: context.apiKey,
    json: { events },
  });

const event = (type: string, event_data: Record<string, unknown>) => ({
  event_category: 'session',
  event_type: type,
  entity_type: 'session',
  entity_id: 'sess_1',
  user_id: 'user_456',
  event_data,
});

async function errorOf(response: Response) {
  return ((await response.json()) as ErrorBody).error;
}

describe('event types', () => {
  it('declares, reads, lists and deletes a type', async () => {
    const created = await put('session.ended', SESSION_ENDED);
    expect(created.status).toBe(201);
    expect(((await created.json()) as EventTypeBody).event_type).toMatchObject({
      name: 'session.ended',
      app_id: 'work-buddy',
      version: 1,
      versions: [1],
      schema: SESSION_ENDED.schema,
      examples: SESSION_ENDED.examples,
      deprecated: false,
      description: 'A focus session ended',
    });

    // The same schema again: the same version, with what else changed.
    const unchanged = await put('session.ended', { ...SESSION_ENDED, deprecated: true });
    expect(unchanged.status).toBe(200);
    expect(((await unchanged.json()) as EventTypeBody).event_type).toMatchObject({ version: 1, deprecated: true });

    const read = await context.server.request('/api/v1/apps/work-buddy/event-types/session.ended', {
      token: context.server.adminToken,
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as EventTypeBody).event_type.deprecated).toBe(true);

    const list = await context.server.request('/api/v1/apps/work-buddy/event-types', { token: context.apiKey });
    expect(((await list.json()) as { event_types: Array<{ name: string }> }).event_types.map((t) => t.name)).toEqual([
      'session.ended',
    ]);

    const deleted = await context.server.request('/api/v1/apps/work-buddy/event-types/session.ended', {
      method: 'DELETE',
      token: context.apiKey,
    });
    expect(deleted.status).toBe(204);
    const gone = await context.server.request('/api/v1/apps/work-buddy/event-types/session.ended', {
      token: context.apiKey,
    });
    expect(gone.status).toBe(404);
    expect((await errorOf(gone)).code).toBe('event_type_not_found');
    const again = await context.server.request('/api/v1/apps/work-buddy/event-types/session.ended', {
      method: 'DELETE',
      token: context.apiKey,
    });
    expect(again.status).toBe(404);
  });

  it('versions each change of schema, keeps history, and refuses a breaking change unless asked', async () => {
    expect((await put('session.paused', SESSION_ENDED)).status).toBe(201);
    // Compatible: every earlier example still validates.
    const widened = { ...SESSION_ENDED, schema: { ...SESSION_ENDED.schema, required: [] } };
    const second = await put('session.paused', widened);
    expect(((await second.json()) as EventTypeBody).event_type).toMatchObject({ version: 2, versions: [1, 2] });

    // Breaking: `duration` must now be a string, so both earlier examples fail.
    const breaking = {
      schema: { type: 'object', properties: { duration: { type: 'string' } } },
      examples: [{ duration: '25m' }],
    };
    const refused = await put('session.paused', breaking);
    expect(refused.status).toBe(409);
    const error = await errorOf(refused);
    expect(error.code).toBe('breaking_change');
    expect(error.fields?.map((field) => field.path)).toEqual([
      'previous_examples.0/duration',
      'previous_examples.1/duration',
    ]);

    const accepted = await put('session.paused', breaking, { query: '?breaking=true' });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as EventTypeBody).event_type).toMatchObject({ version: 3, versions: [1, 2, 3] });

    const first = await context.server.request('/api/v1/apps/work-buddy/event-types/session.paused?version=1', {
      token: context.apiKey,
    });
    expect(((await first.json()) as EventTypeBody).event_type).toMatchObject({
      version: 1,
      versions: [1, 2, 3],
      schema: SESSION_ENDED.schema,
      examples: SESSION_ENDED.examples,
    });
    const missing = await context.server.request('/api/v1/apps/work-buddy/event-types/session.paused?version=9', {
      token: context.apiKey,
    });
    expect(missing.status).toBe(404);
  });

  it('changes made at the same time never share a version: the losers get a 409 to retry', async () => {
    const schemas = Array.from({ length: 6 }, (_, index) => ({
      schema: { type: 'object', properties: { [`field${index}`]: { type: 'string' } } },
    }));
    const answers = await Promise.all(schemas.map((body) => put('session.raced', body, { query: '?breaking=true' })));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    for (const answer of answers.filter((each) => each.status === 409)) {
      const error = await errorOf(answer);
      expect(error.code).toBe('event_type_changed');
      expect(answer.headers.get('x-should-retry')).toBe('true');
    }
    const read = await context.server.request('/api/v1/apps/work-buddy/event-types/session.raced', {
      token: context.apiKey,
    });
    const { event_type } = (await read.json()) as EventTypeBody;
    const succeeded = statuses.filter((status) => status === 200 || status === 201).length;
    expect(event_type.version).toBe(succeeded);
    expect(event_type.versions).toEqual(Array.from({ length: succeeded }, (_, index) => index + 1));
  });

  it('refuses examples that do not validate, bad names, and other apps', async () => {
    const badExample = await put('session.bad', { ...SESSION_ENDED, examples: [{ duration: -1 }, { mood: 'x' }] });
    expect(badExample.status).toBe(400);
    const error = await errorOf(badExample);
    expect(error.code).toBe('example_invalid');
    expect(error.fields?.map((field) => field.path)).toEqual(['examples.0/duration', 'examples.1']);

    const reserved = await put('notification.dismissed', SESSION_ENDED);
    expect(reserved.status).toBe(400);
    expect((await errorOf(reserved)).code).toBe('event_type_reserved');
    expect((await put('session', SESSION_ENDED)).status).toBe(400);
    expect((await put('Session.Ended', SESSION_ENDED)).status).toBe(400);
    expect((await put('session.ended', { schema: SESSION_ENDED.schema, extra: 1 })).status).toBe(400);

    const otherKey = await context.server.createApp('other-app');
    const forbidden = await put('session.ended', SESSION_ENDED, { token: otherKey });
    expect(forbidden.status).toBe(403);
    expect((await put('session.ended', SESSION_ENDED, { token: 'ok_live_nope' })).status).toBe(401);

    const unknownApp = await context.server.request('/api/v1/apps/no-such-app/event-types/session.ended', {
      method: 'PUT',
      token: context.server.adminToken,
      json: SESSION_ENDED,
    });
    expect(unknownApp.status).toBe(404);
    const unknownList = await context.server.request('/api/v1/apps/no-such-app/event-types', {
      token: context.server.adminToken,
    });
    expect(unknownList.status).toBe(404);
  });

  describe('hostile schemas get a clear 400', () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['not a JSON Schema', { type: 'strnig' }, 'schema_invalid', 'schema/type'],
      ['a remote $ref', { $ref: 'https://example.com/schema.json' }, 'schema_remote_ref', 'schema/$ref'],
      [
        'a relative $ref in a property',
        { properties: { a: { $ref: 'other.json#/x' } } },
        'schema_remote_ref',
        'schema/properties/a/$ref',
      ],
      ['a $ref to nothing', { $ref: '#/$defs/missing' }, 'schema_invalid', 'schema'],
      ['a $dynamicRef cycle', { $dynamicRef: '#' }, 'schema_invalid', 'schema'],
      ['another dialect', { $schema: 'http://json-schema.org/draft-07/schema#' }, 'schema_invalid', 'schema/$schema'],
      [
        'a nested quantifier',
        { properties: { a: { type: 'string', pattern: '^(a+)+$' } } },
        'schema_unsafe_pattern',
        'schema/properties/a/pattern',
      ],
      [
        'a repeated alternation',
        { properties: { a: { pattern: '(a|aa)*b' } } },
        'schema_unsafe_pattern',
        'schema/properties/a/pattern',
      ],
      ['a backreference', { pattern: '(a)\\1' }, 'schema_unsafe_pattern', 'schema/pattern'],
      ['an invalid regex', { pattern: '(' }, 'schema_unsafe_pattern', 'schema/pattern'],
      [
        'an unsafe patternProperties key',
        { patternProperties: { '^(\\w*)*$': {} } },
        'schema_unsafe_pattern',
        'schema/patternProperties/^(\\w*)*$',
      ],
      [
        'too large',
        { enum: Array.from({ length: 7000 }, (_, index) => `value-${index}`) },
        'schema_too_large',
        'schema',
      ],
    ];
    for (const [what, schema, code, path] of cases) {
      it(what, async () => {
        const response = await put('hostile.schema', { schema });
        expect(response.status).toBe(400);
        const error = await errorOf(response);
        expect(error.code).toBe(code);
        expect(error.fields?.[0]?.path).toBe(path);
      });
    }

    it('too deep', async () => {
      let schema: Record<string, unknown> = { type: 'string' };
      for (let depth = 0; depth < 40; depth++) schema = { items: schema };
      const response = await put('hostile.schema', { schema });
      expect(response.status).toBe(400);
    });

    it('never fetches, and a safe pattern answers at once on a long string', async () => {
      const declared = await put('hostile.pattern', {
        schema: { type: 'object', properties: { code: { type: 'string', pattern: '^[a-z]+\\d*$' } } },
      });
      expect(declared.status).toBe(201);
      const started = Date.now();
      const response = await context.server.request('/api/v1/apps/work-buddy/events', {
        method: 'POST',
        token: context.apiKey,
        json: {
          ...event('x', {}),
          event_category: 'hostile',
          event_type: 'pattern',
          event_data: { code: `${'a'.repeat(5000)}!` },
        },
      });
      expect(response.status).toBe(422);
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  it('publishing validates events of declared types, all or nothing, naming every failing item', async () => {
    expect((await put('session.finished', SESSION_ENDED)).status).toBe(201);

    const single = await context.server.request('/api/v1/apps/work-buddy/events', {
      method: 'POST',
      token: context.apiKey,
      json: event('finished', { duration: 'long' }),
    });
    expect(single.status).toBe(422);
    const singleError = await errorOf(single);
    expect(singleError.code).toBe('event_data_invalid');
    expect(singleError.fields).toEqual([{ path: 'event_data/duration', code: 'type', message: 'must be integer' }]);

    const before = await context.server.request('/api/v1/apps/work-buddy/events?event_category=session', {
      token: context.apiKey,
    });
    const countBefore = ((await before.json()) as { events: unknown[] }).events.length;

    const batch = await publish([
      event('finished', { duration: 10 }),
      event('undeclared', { anything: true }),
      event('finished', {}),
      event('finished', { duration: -5 }),
    ]);
    expect(batch.status).toBe(422);
    expect((await errorOf(batch)).fields?.map((field) => field.path)).toEqual([
      'events.2.event_data',
      'events.3.event_data/duration',
    ]);
    const after = await context.server.request('/api/v1/apps/work-buddy/events?event_category=session', {
      token: context.apiKey,
    });
    expect(((await after.json()) as { events: unknown[] }).events.length).toBe(countBefore);

    const good = await publish([event('finished', { duration: 10 }), event('undeclared', { anything: true })]);
    expect(good.status).toBe(200);

    // A new version is honoured at once (the cache is forgotten on every change).
    await put(
      'session.finished',
      { schema: { type: 'object', properties: { duration: { type: 'string' } } } },
      {
        query: '?breaking=true',
      },
    );
    expect((await publish([event('finished', { duration: 10 })])).status).toBe(422);
    expect((await publish([event('finished', { duration: '10m' })])).status).toBe(200);

    // Deleted: no longer checked.
    await context.server.request('/api/v1/apps/work-buddy/event-types/session.finished', {
      method: 'DELETE',
      token: context.apiKey,
    });
    expect((await publish([event('finished', { duration: 10 })])).status).toBe(200);
  });

  it("the catalogue: every app's types and the platform's own, to any app key and the admin", async () => {
    const otherKey = await context.server.createApp('catalogue-app');
    const declared = await context.server.request('/api/v1/apps/catalogue-app/event-types/task.done', {
      method: 'PUT',
      token: otherKey,
      json: { schema: { type: 'object' }, examples: [{}] },
    });
    expect(declared.status).toBe(201);
    await put('task.started', { schema: { type: 'object' } });

    interface Catalogue {
      event_types: Array<{ name: string; app_id: string | null; schema: Record<string, unknown> }>;
    }
    const names = async (response: Response) =>
      ((await response.json()) as Catalogue).event_types.map((type) => `${type.app_id ?? 'platform'}:${type.name}`);

    // Another app's key reads this app's types (apps subscribe to each other's events).
    const all = await context.server.request('/api/v1/event-types', { token: context.apiKey });
    expect(all.status).toBe(200);
    const body = (await all.json()) as Catalogue;
    const listed = body.event_types.map((type) => `${type.app_id ?? 'platform'}:${type.name}`);
    expect(listed).toContain('catalogue-app:task.done');
    expect(listed).toContain('work-buddy:task.started');
    expect(listed).toContain('platform:notification.dismissed');
    expect(listed).toContain('platform:webhook.test');
    const dismissed = body.event_types.find((type) => type.name === 'notification.dismissed');
    expect(dismissed?.schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['notification_id']) });

    const tasks = await context.server.request('/api/v1/event-types?category=task', {
      token: context.server.adminToken,
    });
    expect(await names(tasks)).toEqual(['catalogue-app:task.done', 'work-buddy:task.started']);
    const oneApp = await context.server.request('/api/v1/event-types?app_id=catalogue-app', { token: otherKey });
    expect(await names(oneApp)).toEqual(['catalogue-app:task.done']);
    const webhooks = await context.server.request('/api/v1/event-types?category=webhook', { token: otherKey });
    expect(await names(webhooks)).toEqual(['platform:webhook.disabled', 'platform:webhook.test']);

    expect((await context.server.request('/api/v1/event-types?category=Bad!', { token: otherKey })).status).toBe(400);
    expect((await context.server.request('/api/v1/event-types')).status).toBe(401);
  });

  it('pages the catalogue by name, never splitting a name two apps declared', async () => {
    const otherKey = await context.server.createApp('paging-app');
    const declare = (appId: string, token: string, name: string) =>
      context.server.request(`/api/v1/apps/${appId}/event-types/${name}`, {
        method: 'PUT',
        token,
        json: { schema: { type: 'object' } },
      });
    // `a-b.x` sorts before `a.x` by bytes ("-" < "."), though category `a` sorts before `a-b`.
    for (const name of ['pg.a', 'pg.b', 'pg.c', 'pg-x.a']) await declare('work-buddy', context.apiKey, name);
    for (const name of ['pg.b', 'pg.d']) await declare('paging-app', otherKey, name);

    interface Page {
      event_types: Array<{ name: string; app_id: string | null }>;
      pagination: { limit: number; has_more: boolean; next_cursor: string | null };
    }
    const pages: string[][] = [];
    let after = '';
    for (;;) {
      const response = await context.server.request(`/api/v1/event-types?limit=2${after}`, { token: otherKey });
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      expect(page.pagination.limit).toBe(2);
      pages.push(page.event_types.map((type) => `${type.app_id ?? 'platform'}:${type.name}`));
      if (!page.pagination.has_more) {
        expect(page.pagination.next_cursor).toBeNull();
        break;
      }
      expect(page.pagination.next_cursor).toBe(page.event_types.at(-1)?.name);
      after = `&after=${page.pagination.next_cursor}`;
    }
    const all = pages.flat();
    const everything = (await (
      await context.server.request('/api/v1/event-types?limit=500', { token: otherKey })
    ).json()) as Page;
    // Every type once, in name order (bytes), then app.
    expect(all).toEqual(everything.event_types.map((type) => `${type.app_id ?? 'platform'}:${type.name}`));
    const names = everything.event_types.map((type) => type.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(all.filter((entry) => entry.includes(':pg'))).toEqual([
      'work-buddy:pg-x.a',
      'work-buddy:pg.a',
      'paging-app:pg.b',
      'work-buddy:pg.b',
      'work-buddy:pg.c',
      'paging-app:pg.d',
    ]);
    // `pg.b` of both apps is on one page.
    expect(pages.some((page) => page.includes('paging-app:pg.b') && page.includes('work-buddy:pg.b'))).toBe(true);
    expect(pages.every((page) => page.length <= 2)).toBe(true);

    // A page of one that would split `pg.b` holds both of its apps instead.
    const one = (await (
      await context.server.request('/api/v1/event-types?limit=1&after=pg.a', { token: otherKey })
    ).json()) as Page;
    expect(one.event_types.map((type) => `${type.app_id}:${type.name}`)).toEqual([
      'paging-app:pg.b',
      'work-buddy:pg.b',
    ]);
    expect(one.pagination).toEqual({ limit: 1, has_more: true, next_cursor: 'pg.b' });

    const bad = await context.server.request('/api/v1/event-types?after=nodot&limit=0', { token: otherKey });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields?.map((field) => field.path).sort()).toEqual(['after', 'limit']);
  });
});

describe('event type rate limits', () => {
  it("counts an app's event-type calls against its budget, and the catalogue against the caller's queries", async () => {
    const limited = await startTestServer({ ORIVA_RATE_LIMITS: 'event_types=4/1m,queries=2/1m' });
    try {
      const key = await limited.createApp('limited');
      const otherKey = await limited.createApp('other');
      const path = '/api/v1/apps/limited/event-types';
      const calls = [
        () => limited.request(`${path}/task.done`, { method: 'PUT', token: key, json: { schema: { type: 'object' } } }),
        () => limited.request(`${path}/task.done`, { token: key }),
        () => limited.request(path, { token: key }),
        () => limited.request(`${path}/task.done`, { method: 'DELETE', token: key }),
        () => limited.request(path, { token: limited.adminToken }),
      ];
      const statuses: number[] = [];
      let last: Response | undefined;
      for (const call of calls) {
        last = await call();
        statuses.push(last.status);
      }
      expect(statuses).toEqual([201, 200, 200, 204, 429]);
      expect(last!.headers.get('ratelimit-policy')).toBe('4;w=60');
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      const error = ((await last!.json()) as ErrorBody).error;
      expect(error.code).toBe('rate_limited');
      expect(error.message).toContain('event type management');
      // Another app's budget is its own.
      expect((await limited.request('/api/v1/apps/other/event-types', { token: otherKey })).status).toBe(200);

      const catalogue = () => limited.request('/api/v1/event-types', { token: otherKey });
      expect((await catalogue()).status).toBe(200);
      expect((await catalogue()).status).toBe(200);
      const refused = await catalogue();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('ratelimit-policy')).toBe('2;w=60');
      expect((await limited.request('/api/v1/event-types', { token: key })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
