import { DESIGN_DOC_EVENT } from '@oriva/contract';
import { describe, expect, it } from 'vitest';
import { type APIError, BadRequestError, OrivaError, UnprocessableEntityError } from '../core/errors.js';
import { CursorPage } from '../core/pagination.js';
import { apiError, json, type RecordedCall, testClient } from '../fake-fetch.test-support.js';
import type { Event, PublishEventRequest } from '../types.js';

const eventId = (n: number) => `evt_${String(n).padStart(26, '0')}`;

function storedEvent(n: number): Event {
  return {
    id: eventId(n),
    type: 'task.created',
    app_id: 'work-buddy',
    event_category: 'task',
    event_type: 'created',
    entity_type: 'task',
    entity_id: `t_${n}`,
    user_id: 'user_456',
    event_data: {},
    timestamp: '2025-09-30T10:30:00.000Z',
  };
}

/** A page of events `from..to` (inclusive, newest first), pointing at the next page when `more`. */
function page(ids: number[], more: boolean, total = 7) {
  const events = ids.map(storedEvent);
  return json(200, {
    success: true,
    events,
    pagination: {
      total,
      limit: 3,
      offset: 0,
      has_more: more,
      next_cursor: more ? (events.at(-1)?.id ?? null) : null,
    },
  });
}

const query = (call: RecordedCall | undefined) => Object.fromEntries(new URL(call?.url ?? 'http://x').searchParams);

describe('events.publish', () => {
  it('posts the event to /apps/{appId}/events and returns the stored id', async () => {
    const body = { success: true, event_id: eventId(1), timestamp: '2025-09-30T10:30:00.000Z' };
    const { client, calls } = testClient([json(200, body)]);
    const event: PublishEventRequest = DESIGN_DOC_EVENT;
    await expect(client.events.publish(event)).resolves.toEqual(body);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/work-buddy/events');
    expect(calls[0]?.body).toEqual(event);
  });
});

describe('events.publishBatch', () => {
  const events = (count: number, from = 0): PublishEventRequest[] =>
    Array.from({ length: count }, (_, i) => ({
      event_category: 'task',
      event_type: 'created',
      entity_type: 'task',
      entity_id: `t_${from + i}`,
      user_id: 'user_456',
    }));

  /** The server's answer to a batch: one id per event, numbered by the event's entity id. */
  const answer = (call: RecordedCall) => {
    const sent = (call.body as { events: PublishEventRequest[] }).events;
    return json(200, {
      success: true,
      count: sent.length,
      events: sent.map((e) => ({ event_id: `evt_for_${e.entity_id}`, timestamp: '2025-09-30T10:30:00.000Z' })),
    });
  };

  it('sends up to 500 events in one request', async () => {
    const { client, calls } = testClient([answer]);
    const result = await client.events.publishBatch(events(3));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/work-buddy/events/batch');
    expect(calls[0]?.body).toEqual({ events: events(3) });
    expect(result).toEqual({
      success: true,
      count: 3,
      events: ['t_0', 't_1', 't_2'].map((id) => ({ event_id: `evt_for_${id}`, timestamp: '2025-09-30T10:30:00.000Z' })),
    });
  });

  it('splits 1,200 events into 500/500/200, in order, each chunk with its own key', async () => {
    const { client, calls } = testClient([answer, answer, answer]);
    const result = await client.events.publishBatch(events(1200));
    expect(calls.map((call) => (call.body as { events: unknown[] }).events.length)).toEqual([500, 500, 200]);
    expect(calls[0]?.body).toEqual({ events: events(500, 0) });
    expect(calls[1]?.body).toEqual({ events: events(500, 500) });
    expect(calls[2]?.body).toEqual({ events: events(200, 1000) });
    const keys = calls.map((call) => call.headers.get('idempotency-key'));
    expect(new Set(keys).size).toBe(3);
    expect(result.count).toBe(1200);
    expect(result.events).toHaveLength(1200);
    expect(result.events[0]?.event_id).toBe('evt_for_t_0');
    expect(result.events[500]?.event_id).toBe('evt_for_t_500');
    expect(result.events[1199]?.event_id).toBe('evt_for_t_1199');
  });

  it('derives one key per chunk from the caller idempotencyKey, and reuses it on retries', async () => {
    const { client, calls } = testClient([answer, apiError(500, 'internal', 'Boom'), answer]);
    await client.events.publishBatch(events(600), { idempotencyKey: 'import-7' });
    expect(calls.map((call) => call.headers.get('idempotency-key'))).toEqual([
      'import-7-0',
      'import-7-1',
      'import-7-1',
    ]);

    const single = testClient([answer]);
    await single.client.events.publishBatch(events(2), { idempotencyKey: 'import-8' });
    expect(single.calls[0]?.headers.get('idempotency-key')).toBe('import-8');
  });

  it('stops at the first failing chunk; earlier chunks were sent', async () => {
    const { client, calls } = testClient([
      answer,
      apiError(400, 'validation_failed', 'Invalid event', {
        fields: [{ path: 'events.3.user_id', code: 'invalid_type', message: 'Required' }],
      }),
    ]);
    const error = (await client.events
      .publishBatch(events(1200))
      .catch((caught: unknown) => caught)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    // The server numbered the event within its chunk (3); the caller's list has it at 500 + 3.
    expect(error.fields[0]?.path).toBe('events.503.user_id');
    expect(error.message).toContain('events.503.user_id');
    expect(error.code).toBe('validation_failed');
    expect(calls).toHaveLength(2);
  });

  it('gives the last chunk response from withResponse', async () => {
    const withId = (id: string) => (call: RecordedCall) => {
      const response = answer(call);
      response.headers.set('x-request-id', id);
      return response;
    };
    const { client } = testClient([withId('req_a'), withId('req_b')]);
    const { data, requestId } = await client.events.publishBatch(events(501)).withResponse();
    expect(data.count).toBe(501);
    expect(requestId).toBe('req_b');
  });
});

describe('events.list', () => {
  it('awaits to one page with data, pagination and paging helpers', async () => {
    const { client, calls } = testClient([page([7, 6, 5], true)]);
    const first = await client.events.list({ user_id: 'user_456', limit: 3 });
    expect(first).toBeInstanceOf(CursorPage);
    expect(first.data.map((e) => e.id)).toEqual([eventId(7), eventId(6), eventId(5)]);
    expect(first.pagination).toEqual({ total: 7, limit: 3, offset: 0, has_more: true, next_cursor: eventId(5) });
    expect(first.hasNextPage()).toBe(true);
    expect(first.requestId).toBe('req_test');
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/work-buddy/events?user_id=user_456&limit=3');
  });

  it('iterates every item across 3 pages, following next_cursor as `after`, never offset', async () => {
    const { client, calls } = testClient([page([7, 6, 5], true), page([4, 3, 2], true), page([1], false)]);
    const ids: string[] = [];
    for await (const event of client.events.list({ event_category: 'task', limit: 3, offset: 0 })) ids.push(event.id);
    expect(ids).toEqual([7, 6, 5, 4, 3, 2, 1].map(eventId));
    expect(calls.map(query)).toEqual([
      { event_category: 'task', limit: '3', offset: '0' },
      { event_category: 'task', limit: '3', after: eventId(5) },
      { event_category: 'task', limit: '3', after: eventId(2) },
    ]);
  });

  it('walks pages by hand with getNextPage, and refuses to go past the last', async () => {
    const { client, calls } = testClient([page([2, 1], true, 3), page([0], false, 3)]);
    const first = await client.events.list();
    const second = await first.getNextPage();
    expect(second.data.map((e) => e.id)).toEqual([eventId(0)]);
    expect(second.hasNextPage()).toBe(false);
    await expect(second.getNextPage()).rejects.toThrow(OrivaError);
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/work-buddy/events');
    expect(query(calls[1])).toEqual({ after: eventId(1) });
  });

  it('iterates from an awaited page, and pages by hand with iterPages', async () => {
    const { client } = testClient([page([5, 4], true), page([3], false)]);
    const first = await client.events.list();
    const pages: number[] = [];
    for await (const p of first.iterPages()) pages.push(p.data.length);
    expect(pages).toEqual([2, 1]);
  });

  it('stops when a page is empty or the cursor does not move', async () => {
    const stuck = json(200, {
      success: true,
      events: [storedEvent(1)],
      pagination: { total: 9, limit: 1, offset: 0, has_more: true, next_cursor: eventId(1) },
    });
    const { client, calls } = testClient([stuck]);
    const first = await client.events.list({ after: eventId(1) });
    expect(first.hasNextPage()).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('lists another app with a per-call appId', async () => {
    const { client, calls } = testClient([page([], false, 0)], { appId: undefined });
    const result = await client.events.list({}, { appId: 'other-app' });
    expect(result.data).toEqual([]);
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/other-app/events');
  });

  it('rejects a list response without pagination', async () => {
    const { client } = testClient([json(200, { success: true, events: [] })]);
    await expect(client.events.list()).rejects.toThrow(
      'Unexpected list response: expected `events` and `pagination` in the body (request_id: req_test).',
    );
  });
});

describe('events.validate', () => {
  it('posts the event to /apps/{appId}/events/validate and returns the check', async () => {
    const body = {
      success: true,
      valid: true,
      check: { event_type: 'notification.dismissed', declared: false, schema_version: null },
    };
    const { client, calls } = testClient([json(200, body)]);
    await expect(client.events.validate(DESIGN_DOC_EVENT)).resolves.toEqual(body);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/work-buddy/events/validate');
    expect(calls[0]?.body).toEqual(DESIGN_DOC_EVENT);
  });
});

describe('events.validateBatch', () => {
  const events = (count: number): PublishEventRequest[] =>
    Array.from({ length: count }, (_, i) => ({ ...DESIGN_DOC_EVENT, entity_id: `n_${i}` }));
  const checks = (call: RecordedCall) => {
    const sent = (call.body as { events: PublishEventRequest[] }).events;
    return json(200, {
      success: true,
      valid: true,
      count: sent.length,
      checks: sent.map((e) => ({
        event_type: `${e.event_category}.${e.event_type}`,
        declared: true,
        schema_version: 1,
      })),
    });
  };

  it('validates in chunks of 500 and combines the checks in order', async () => {
    const { client, calls } = testClient([checks, checks]);
    const result = await client.events.validateBatch(events(700));
    expect(calls.map((call) => call.url)).toEqual([
      'http://oriva.test/api/v1/apps/work-buddy/events/batch/validate',
      'http://oriva.test/api/v1/apps/work-buddy/events/batch/validate',
    ]);
    expect(calls.map((call) => (call.body as { events: unknown[] }).events.length)).toEqual([500, 200]);
    expect(result).toMatchObject({ success: true, valid: true, count: 700 });
    expect(result.checks).toHaveLength(700);
  });

  it("rejects with the failing chunk's refusal, naming events by their index in the whole list", async () => {
    const { client } = testClient([
      checks,
      apiError(422, 'event_data_invalid', 'event_data does not match', {
        fields: [{ path: 'events.7.event_data/duration', code: 'type', message: 'must be number' }],
      }),
    ]);
    const error = (await client.events.validateBatch(events(600)).catch((caught: unknown) => caught)) as APIError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.code).toBe('event_data_invalid');
    expect(error.fields).toEqual([{ path: 'events.507.event_data/duration', code: 'type', message: 'must be number' }]);
  });
});
