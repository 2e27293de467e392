/**
 * Typed events, checked by the compiler: the repository's `tsc` reads this file, so a `@ts-expect-error`
 * that stops being an error, or an `expectTypeOf` that stops holding, fails the typecheck. The runtime
 * parts check that typing changes nothing on the wire.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type AnyOriva, Oriva } from './client.js';
import type { EventData, EventName, StrictEventMap } from './core/event-map.js';
import { fakeFetch, json } from './fake-fetch.test-support.js';
import type { Stream, StreamEvent, TypedStreamEvent } from './resources/stream.js';
import type { Event, PublishEventRequest } from './types.js';

// What `oriva types generate` writes: one interface per type, and the map from qualified names to them.
interface SessionEnded {
  duration: number;
  reason?: 'timeout' | 'user';
}
interface NotificationDismissed {
  notification_id: string;
  dismissed_from?: string;
  [k: string]: unknown;
}
/** A schema that requires nothing: `event_data` may be left out. */
interface TaskCreated {
  title?: string;
}
interface OrivaEventMap {
  'session.ended': SessionEnded;
  'notification.dismissed': NotificationDismissed;
  'task.created': TaskCreated;
}

const base = { entity_type: 'session', entity_id: 's_1', user_id: 'user_456' } as const;
const accepted = { success: true, event_id: `evt_${'0'.repeat(26)}`, timestamp: '2025-09-30T10:30:00.000Z' };

function typedClient<M extends object = OrivaEventMap>(...answers: Response[]) {
  const { fetch, calls } = fakeFetch(...answers);
  const client = new Oriva<M>({ apiKey: 'ok_test_key', appId: 'work-buddy', baseUrl: 'http://oriva.test', fetch });
  return { client, calls };
}

describe('the type map helpers', () => {
  it('lists the qualified names and looks up their event_data, untyped for names not listed', () => {
    expectTypeOf<EventName<OrivaEventMap>>().toEqualTypeOf<
      'session.ended' | 'notification.dismissed' | 'task.created'
    >();
    expectTypeOf<EventName<StrictEventMap<OrivaEventMap>>>().toEqualTypeOf<EventName<OrivaEventMap>>();
    expectTypeOf<EventData<OrivaEventMap, 'session.ended'>>().toEqualTypeOf<SessionEnded>();
    expectTypeOf<EventData<OrivaEventMap, 'session.paused'>>().toEqualTypeOf<Record<string, unknown>>();
  });
});

describe('events.publish with a type map', () => {
  it("checks event_data against the map's type for <event_category>.<event_type>", async () => {
    const { client, calls } = typedClient(json(200, accepted), json(200, accepted));
    const params = {
      ...base,
      event_category: 'session',
      event_type: 'ended',
      event_data: { duration: 1200, reason: 'user' },
    } as const;
    await client.events.publish(params);
    // Typing changes nothing on the wire: the body is the params as given.
    expect(calls[0]?.body).toEqual(params);

    // Never called: the compiler's verdict on each call is the test.
    const wrong = () => {
      void client.events.publish({
        ...base,
        event_category: 'session',
        event_type: 'ended',
        // @ts-expect-error: duration is a number in SessionEnded
        event_data: { duration: '20m' },
      });
      // @ts-expect-error: SessionEnded requires duration
      void client.events.publish({ ...base, event_category: 'session', event_type: 'ended', event_data: {} });
      // @ts-expect-error: SessionEnded requires something, so event_data is required
      void client.events.publish({ ...base, event_category: 'session', event_type: 'ended' });
      void client.events.publish({
        ...base,
        event_category: 'session',
        event_type: 'ended',
        // @ts-expect-error: 'crash' is not one of SessionEnded's reasons
        event_data: { duration: 1, reason: 'crash' },
      });
    };
    expect(wrong).toBeTypeOf('function');

    // TaskCreated requires nothing, so event_data may be left out.
    await client.events.publish({ ...base, event_category: 'task', event_type: 'created' });
  });

  it('accepts a name the map does not list, untyped', () => {
    const { client } = typedClient();
    expectTypeOf(client.events.publish<'session', 'paused'>)
      .parameter(0)
      .toHaveProperty('event_data')
      .toEqualTypeOf<Record<string, unknown> | undefined>();
    // Compiles: an unlisted type of a listed category, and an unlisted category.
    const unlisted = () => {
      void client.events.publish({ ...base, event_category: 'session', event_type: 'paused', event_data: { at: 1 } });
      void client.events.publish({ ...base, event_category: 'billing', event_type: 'charged' });
    };
    // Events typed only as PublishEventRequest (read from a file, say) pass as untyped.
    const fromFile = (events: PublishEventRequest[]) => {
      void client.events.publish(events[0]!);
      void client.events.publishBatch(events);
      void client.events.validateBatch(events);
    };
    expect([unlisted, fromFile]).toHaveLength(2);
  });

  it('refuses a name outside a strict map', () => {
    const { client } = typedClient<StrictEventMap<OrivaEventMap>>();
    const strict = () => {
      void client.events.publish({
        ...base,
        event_category: 'session',
        event_type: 'ended',
        event_data: { duration: 1 },
      });
      // @ts-expect-error: 'paused' is not a session type in the strict map
      void client.events.publish({ ...base, event_category: 'session', event_type: 'paused', event_data: {} });
      // @ts-expect-error: 'billing' is not a category in the strict map
      void client.events.publish({ ...base, event_category: 'billing', event_type: 'charged' });
      // @ts-expect-error: a plain PublishEventRequest could be anything, which a strict map refuses
      void client.events.publish({} as PublishEventRequest);
    };
    expect(strict).toBeTypeOf('function');
  });
});

describe('events.publishBatch and the validate methods with a type map', () => {
  it('checks each element of a batch for its own type', async () => {
    const { client, calls } = typedClient(
      json(200, { success: true, count: 2, events: [accepted, accepted] }),
      json(200, {
        success: true,
        valid: true,
        count: 1,
        checks: [{ event_type: 'session.ended', declared: true, schema_version: 1 }],
      }),
    );
    await client.events.publishBatch([
      { ...base, event_category: 'session', event_type: 'ended', event_data: { duration: 1 } },
      { ...base, event_category: 'notification', event_type: 'dismissed', event_data: { notification_id: 'ntf_1' } },
    ]);
    expect((calls[0]?.body as { events: unknown[] } | undefined)?.events).toHaveLength(2);
    await client.events.validateBatch([
      { ...base, event_category: 'session', event_type: 'ended', event_data: { duration: 2 } },
    ]);
    expect(calls[1]?.url).toBe('http://oriva.test/api/v1/apps/work-buddy/events/batch/validate');

    const wrong = () => {
      void client.events.publishBatch([
        { ...base, event_category: 'session', event_type: 'ended', event_data: { duration: 1 } },
        // @ts-expect-error: the second element's event_data is not a NotificationDismissed
        { ...base, event_category: 'notification', event_type: 'dismissed', event_data: { duration: 1 } },
      ]);
      // @ts-expect-error: validateBatch checks the same way
      void client.events.validateBatch([{ ...base, event_category: 'session', event_type: 'ended', event_data: {} }]);
    };
    expect(wrong).toBeTypeOf('function');
  });

  it('takes a batch built elsewhere, typed by its element', () => {
    const { client } = typedClient();
    const built = [1, 2].map((duration) => ({
      ...base,
      event_category: 'session' as const,
      event_type: 'ended' as const,
      event_data: { duration },
    }));
    const misbuilt = built.map((event) => ({ ...event, event_data: { duration: String(event.event_data.duration) } }));
    const calls = () => {
      void client.events.publishBatch(built);
      // @ts-expect-error: durations turned into strings
      void client.events.publishBatch(misbuilt);
    };
    expect(calls).toBeTypeOf('function');
  });

  it('validate checks event_data as publish does', () => {
    const { client } = typedClient();
    const calls = () => {
      void client.events.validate({
        ...base,
        event_category: 'session',
        event_type: 'ended',
        event_data: { duration: 3 },
      });
      void client.events.validate({
        ...base,
        event_category: 'session',
        event_type: 'ended',
        // @ts-expect-error: duration must be a number
        event_data: { duration: null },
      });
    };
    expect(calls).toBeTypeOf('function');
  });
});

describe('events read back with a type map', () => {
  it('lists a union that narrows event_data on type, or on event_category with event_type', async () => {
    const stored = {
      id: `evt_${'1'.repeat(26)}`,
      type: 'session.ended',
      app_id: 'work-buddy',
      event_category: 'session',
      event_type: 'ended',
      ...base,
      event_data: { duration: 1200 },
      timestamp: '2025-09-30T10:30:00.000Z',
    };
    const pagination = { total: 1, limit: 20, offset: 0, has_more: false, next_cursor: null };
    const { client } = typedClient(json(200, { success: true, events: [stored], pagination }));
    const durations: number[] = [];
    for await (const event of client.events.list()) {
      if (event.type === 'session.ended') durations.push(event.event_data.duration);
      if (event.event_category === 'notification' && event.event_type === 'dismissed') {
        expectTypeOf(event.event_data).toEqualTypeOf<NotificationDismissed>();
      }
      // @ts-expect-error: without narrowing, event_data is any of the map's types
      void event.event_data.duration;
    }
    expect(durations).toEqual([1200]);
  });
});

describe('the stream with a type map', () => {
  it('yields the union, and on(<qualified type>) hands each listener its own type', () => {
    type Typed = TypedStreamEvent<OrivaEventMap>;
    expectTypeOf<Extract<Typed, { type: 'session.ended' }>['event_data']>().toEqualTypeOf<SessionEnded>();
    expectTypeOf<Extract<Typed, { type: 'session.ended' }>['position']>().toEqualTypeOf<number>();
    expectTypeOf<Stream<OrivaEventMap>>().toMatchTypeOf<AsyncIterable<Typed>>();

    const { client } = typedClient();
    const listen = (stream: Stream<OrivaEventMap>) => {
      stream.on('session.ended', (event) => expectTypeOf(event.event_data).toEqualTypeOf<SessionEnded>());
      stream.on('billing.charged', (event) => expectTypeOf(event).toEqualTypeOf<StreamEvent>());
      stream.on('event', (event) => expectTypeOf(event).toEqualTypeOf<Typed>());
      stream.on('ready', (ready) => expectTypeOf(ready.position).toEqualTypeOf<number>());
      // @ts-expect-error: the listener of 'session.ended' gets a SessionEnded, not a NotificationDismissed
      stream.on('session.ended', (event: { event_data: NotificationDismissed }) => event);
    };
    const strict = (stream: Stream<StrictEventMap<OrivaEventMap>>) => {
      // @ts-expect-error: a strict map lists every type a listener may name
      stream.on('billing.charged', () => {});
    };
    expectTypeOf(client.stream).returns.toEqualTypeOf<Stream<OrivaEventMap>>();
    expect([listen, strict]).toHaveLength(2);
  });
});

describe('a client without a map', () => {
  it('is typed exactly as before: PublishEventRequest in, Event and StreamEvent out', () => {
    const { client } = typedClient<Oriva extends Oriva<infer M> ? M : never>();
    type Params = Parameters<typeof client.events.publish>[0];
    expectTypeOf<PublishEventRequest>().toMatchTypeOf<Params>();
    expectTypeOf<Params>().toMatchTypeOf<PublishEventRequest>();
    expectTypeOf<ReturnType<typeof client.events.list>>().resolves.toHaveProperty('data').toEqualTypeOf<Event[]>();
    expectTypeOf<TypedStreamEvent>().toEqualTypeOf<StreamEvent>();
    expectTypeOf(new Oriva({ apiKey: 'ok_x' }).events.publishBatch)
      .parameter(0)
      .toMatchTypeOf<readonly PublishEventRequest[]>();
  });

  it('AnyOriva takes typed and untyped clients alike', () => {
    const { client } = typedClient();
    expectTypeOf(client).toMatchTypeOf<AnyOriva>();
    expectTypeOf(new Oriva({ apiKey: 'ok_x' })).toMatchTypeOf<AnyOriva>();
  });
});
