import { type APIError, ConflictError, NotFoundError, Oriva, UnprocessableEntityError } from '@oriva/sdk';
import { describe, expect, it } from 'vitest';
import { serverWithApp } from '../../server/src/testing/server-with-app.test-support.js';

const workBuddy = serverWithApp();

const client = () => new Oriva({ apiKey: workBuddy.apiKey, appId: 'work-buddy', baseUrl: workBuddy.server.url });

const duration = (type: string) => ({
  type: 'object',
  required: ['duration'],
  properties: { duration: { type } },
});

describe('oriva.eventTypes against the real server', () => {
  it('declares a type, versions a schema change, refuses a breaking one unless asked, and deletes it', async () => {
    const sdk = client();
    const declared = await sdk.eventTypes.put('focus.ended', {
      description: 'A focus session ended.',
      schema: duration('integer'),
      examples: [{ duration: 1500 }],
    });
    expect(declared.event_type).toMatchObject({ name: 'focus.ended', app_id: 'work-buddy', version: 1 });

    const breaking = await sdk.eventTypes
      .put('focus.ended', { schema: duration('string'), examples: [{ duration: 'long' }] })
      .catch((error: unknown) => error);
    expect(breaking).toBeInstanceOf(ConflictError);
    expect((breaking as APIError).code).toBe('breaking_change');
    expect((breaking as APIError).fields?.[0]?.path).toMatch(/^previous_examples\.0/);

    const accepted = await sdk.eventTypes.put(
      'focus.ended',
      { schema: duration('string'), examples: [{ duration: 'long' }] },
      { breaking: true },
    );
    expect(accepted.event_type).toMatchObject({ version: 2, versions: [1, 2] });
    expect((await sdk.eventTypes.get('focus.ended', { version: 1 })).event_type.schema).toEqual(duration('integer'));
    expect((await sdk.eventTypes.list()).event_types.map((type) => type.name)).toContain('focus.ended');

    await sdk.eventTypes.delete('focus.ended');
    const gone = await sdk.eventTypes.get('focus.ended').catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(NotFoundError);
  });

  it('iterates the whole catalogue with for await, one type per page, platform types included', async () => {
    const sdk = client();
    for (const name of ['alpha.one', 'alpha.two', 'beta.one']) {
      await sdk.eventTypes.put(name, { schema: { type: 'object' } });
    }
    const firstPage = await sdk.eventTypes.catalogue({ limit: 1 });
    expect(firstPage.data).toHaveLength(1);
    expect(firstPage.hasNextPage()).toBe(true);

    const names: string[] = [];
    for await (const type of sdk.eventTypes.catalogue({ limit: 1 })) names.push(type.name);
    expect(names).toEqual(expect.arrayContaining(['alpha.one', 'alpha.two', 'beta.one', 'notification.dismissed']));
    expect(new Set(names).size).toBe(names.length);

    const own: string[] = [];
    for await (const type of sdk.eventTypes.catalogue({ appId: 'work-buddy', category: 'alpha', limit: 1 })) {
      own.push(type.name);
    }
    expect(own).toEqual(['alpha.one', 'alpha.two']);
  });

  it('validates events and batches against the declared schema, storing nothing', async () => {
    const sdk = client();
    await sdk.eventTypes.put('checked.ended', { schema: duration('integer') });
    const event = (event_data: Record<string, unknown>) => ({
      event_category: 'checked',
      event_type: 'ended',
      entity_type: 'session',
      entity_id: 's_1',
      user_id: 'user_1',
      event_data,
    });
    const { check } = await sdk.eventTypes.validate(event({ duration: 1 }));
    expect(check).toEqual({ event_type: 'checked.ended', declared: true, schema_version: 1 });

    const invalid = await sdk.eventTypes.validate(event({ duration: 'long' })).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(UnprocessableEntityError);
    expect((invalid as APIError).fields?.[0]?.path).toBe('event_data/duration');

    const batch = await sdk.eventTypes.validateBatch([event({ duration: 1 }), event({ duration: 2 })]);
    expect(batch).toMatchObject({ valid: true, count: 2 });
    const badBatch = await sdk.eventTypes
      .validateBatch([event({ duration: 1 }), event({})])
      .catch((error: unknown) => error);
    expect((badBatch as APIError).fields?.map((field) => field.path)).toEqual(['events.1.event_data']);

    const stored = await sdk.events.list({ event_type: 'ended', limit: 10 });
    expect(stored.data.filter((item) => item.event_category === 'checked')).toEqual([]);
  });
});
