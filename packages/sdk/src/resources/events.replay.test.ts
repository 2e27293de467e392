import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../core/errors.js';
import { apiError, json, testClient } from '../fake-fetch.test-support.js';

const delivery = {
  id: 'del_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
  webhook_id: 'wh_1',
  event_id: 'evt_1',
  event_type: 'task.created',
  status: 'pending',
  replay: true,
  attempts: 0,
  next_attempt_at: '2025-09-30T10:30:00.000Z',
  created_at: '2025-09-30T10:30:00.000Z',
  updated_at: '2025-09-30T10:30:00.000Z',
  attempt_log: [],
};

describe('events.replay', () => {
  it('posts the target webhook to /apps/{appId}/events/{eventId}/replay and returns the new delivery', async () => {
    const { client, calls } = testClient([json(200, { success: true, delivery })]);
    const result = await client.events.replay('evt_1', { webhookId: 'wh_1' });
    expect(result.delivery).toEqual(delivery);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/work-buddy/events/evt_1/replay');
    expect(calls[0]?.body).toEqual({ webhook_id: 'wh_1' });
  });

  it('rejects with NotFoundError and the code for an event the app does not own', async () => {
    const { client } = testClient([apiError(404, 'event_not_found', 'No event "evt_x"')]);
    const error = await client.events.replay('evt_x', { webhookId: 'wh_1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'event_not_found' });
  });
});
