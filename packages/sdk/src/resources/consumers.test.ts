import { describe, expect, it } from 'vitest';
import { json, testClient } from '../fake-fetch.test-support.js';
import type { ConsumerEvent, PollConsumerResponse } from '../types.js';

const BASE = 'http://oriva.test/api/v1/apps/work-buddy/consumers';
const AT = '2026-12-01T10:30:00.000Z';

const event = (position: number): ConsumerEvent => ({
  event_id: `evt_${position}`,
  type: 'task.done',
  app_id: 'work-buddy',
  event_category: 'task',
  event_type: 'done',
  entity_type: 'task',
  entity_id: 't',
  user_id: null,
  event_data: {},
  timestamp: AT,
  position,
});

const page = (committed: number, positions: number[], hasMore: boolean, position?: number): PollConsumerResponse => ({
  success: true,
  events: positions.map(event),
  position: position ?? positions.at(-1) ?? committed,
  has_more: hasMore,
  consumer: { consumer_id: 'agent', app_id: 'work-buddy', position: committed, created_at: AT, updated_at: AT },
});

const committed = (position: number) => json(200, { success: true, moved: true, consumer: { position } });

describe('consumers.poll', () => {
  it('yields each batch, commits it once the loop asks past its last event, and ends when caught up', async () => {
    const { client, calls } = testClient([
      json(200, page(0, [1, 2], true)),
      committed(2),
      json(200, page(2, [5], false, 7)),
      committed(7),
    ]);
    const seen: string[] = [];
    for await (const polled of client.consumers.poll('agent', { events: ['task.*'], limit: 2, follow: false })) {
      // Nothing is committed while a batch is being handled.
      seen.push(`${polled.position}:${calls.filter((call) => call.method === 'POST').length}`);
    }
    expect(seen).toEqual(['1:0', '2:0', '5:1']);
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `GET ${BASE}/agent/poll?events=task.*&limit=2&wait=0`,
      `POST ${BASE}/agent/commit`,
      `GET ${BASE}/agent/poll?events=task.*&limit=2&wait=0`,
      `POST ${BASE}/agent/commit`,
    ]);
    // The skipped events count as read: the poll's position, not the last event's.
    expect(calls[3]!.body).toEqual({ position: 7 });
  });

  it('commits nothing of a batch whose handler throws', async () => {
    const { client, calls } = testClient([json(200, page(0, [1, 2], false))]);
    await expect(async () => {
      for await (const _ of client.consumers.poll('agent', { follow: false })) throw new Error('failed');
    }).rejects.toThrow('failed');
    expect(calls.map((call) => call.method)).toEqual(['GET']);
  });

  it('long-polls when following, and an abort ends the loop quietly', async () => {
    const abort = new AbortController();
    const { client, calls } = testClient([
      json(200, page(0, [], false, 0)),
      () => {
        abort.abort();
        return json(200, page(0, [], false, 0));
      },
    ]);
    const seen: unknown[] = [];
    for await (const polled of client.consumers.poll('agent', { signal: abort.signal })) seen.push(polled);
    expect(seen).toEqual([]);
    expect(new URL(calls[0]!.url).searchParams.get('wait')).toBe('20');
  });
});
