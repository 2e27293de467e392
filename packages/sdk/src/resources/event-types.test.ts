import { describe, expect, it } from 'vitest';
import { ConflictError } from '../core/errors.js';
import { apiError, json, testClient } from '../fake-fetch.test-support.js';
import type { EventType } from '../types.js';

const BASE = 'http://oriva.test/api/v1';
const AT = '2026-12-01T10:30:00.000Z';

function eventType(name: string, version = 1): EventType {
  const [event_category = '', event_type = ''] = name.split('.');
  return {
    name,
    event_category,
    event_type,
    app_id: 'work-buddy',
    description: null,
    schema: { type: 'object' },
    examples: [],
    deprecated: false,
    version,
    versions: Array.from({ length: version }, (_, index) => index + 1),
    created_at: AT,
    updated_at: AT,
  };
}

describe('eventTypes', () => {
  it('put, get, list and delete use the app-scoped paths, with ?breaking and ?version only when asked', async () => {
    const ended = eventType('session.ended', 2);
    const { client, calls } = testClient([
      json(200, { success: true, event_type: ended }),
      json(200, { success: true, event_type: ended }),
      json(200, { success: true, event_type: eventType('session.ended') }),
      json(200, { success: true, event_types: [ended] }),
      new Response(null, { status: 204 }),
    ]);
    const declaration = { schema: { type: 'object' }, examples: [{ duration: 1 }] };
    await client.eventTypes.put('session.ended', declaration);
    await client.eventTypes.put('session.ended', declaration, { breaking: true, appId: 'hugo' });
    expect((await client.eventTypes.get('session.ended', { version: 1 })).event_type.version).toBe(1);
    expect((await client.eventTypes.list()).event_types).toEqual([ended]);
    await expect(client.eventTypes.delete('session.ended')).resolves.toBeUndefined();
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `PUT ${BASE}/apps/work-buddy/event-types/session.ended`,
      `PUT ${BASE}/apps/hugo/event-types/session.ended?breaking=true`,
      `GET ${BASE}/apps/work-buddy/event-types/session.ended?version=1`,
      `GET ${BASE}/apps/work-buddy/event-types`,
      `DELETE ${BASE}/apps/work-buddy/event-types/session.ended`,
    ]);
    expect(calls[0]?.body).toEqual(declaration);
  });

  it('surfaces a breaking change as a ConflictError naming the broken examples', async () => {
    const fields = [{ path: 'previous_examples.0.duration', code: 'type', message: 'must be string' }];
    const { client } = testClient([apiError(409, 'breaking_change', 'The new schema rejects examples', { fields })]);
    const error = await client.eventTypes
      .put('session.ended', { schema: {} }, { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('breaking_change');
    expect((error as ConflictError).fields).toEqual(fields);
  });

  it('catalogue sends app_id and category, and for await follows next_cursor across pages', async () => {
    const page = (names: string[], more: boolean) =>
      json(200, {
        success: true,
        event_types: names.map((name) => eventType(name)),
        pagination: { limit: 2, has_more: more, next_cursor: more ? (names.at(-1) ?? null) : null },
      });
    const { client, calls } = testClient([page(['a.one', 'a.two'], true), page(['b.one'], false)]);
    const names: string[] = [];
    for await (const type of client.eventTypes.catalogue({ appId: 'hugo', category: 'session', limit: 2 })) {
      names.push(type.name);
    }
    expect(names).toEqual(['a.one', 'a.two', 'b.one']);
    expect(calls.map((call) => call.url)).toEqual([
      `${BASE}/event-types?category=session&limit=2&app_id=hugo`,
      `${BASE}/event-types?category=session&limit=2&after=a.two&app_id=hugo`,
    ]);
  });

  it('validate and validateBatch post to the validate routes', async () => {
    const check = { event_type: 'session.ended', declared: true, schema_version: 1 };
    const { client, calls } = testClient([
      json(200, { success: true, valid: true, check }),
      json(200, { success: true, valid: true, count: 1, checks: [check] }),
    ]);
    const event = {
      event_category: 'session',
      event_type: 'ended',
      entity_type: 's',
      entity_id: 's_1',
      user_id: 'u_1',
    };
    expect((await client.eventTypes.validate(event)).check).toEqual(check);
    expect((await client.eventTypes.validateBatch([event])).checks).toEqual([check]);
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `POST ${BASE}/apps/work-buddy/events/validate`,
      `POST ${BASE}/apps/work-buddy/events/batch/validate`,
    ]);
    expect(calls[1]?.body).toEqual({ events: [event] });
  });
});
