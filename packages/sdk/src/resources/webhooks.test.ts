import { describe, expect, it } from 'vitest';
import { OrivaError } from '../core/errors.js';
import { json, type RecordedCall, testClient } from '../fake-fetch.test-support.js';
import { webhookRecord } from '../records.test-support.js';
import type { Delivery, Webhook } from '../types.js';
import { DeliveryPage } from './webhooks.js';

const WH = 'wh_01J8ZQ3J5V8C9X2M4N6P7R8S9T';
const BASE = 'http://oriva.test/api/v1/apps/work-buddy/webhooks';
const AT = '2025-09-30T10:30:00.000Z';

const webhook: Webhook = webhookRecord({ id: WH, created_at: AT, updated_at: AT });

const deliveryId = (n: number) => `del_${String(n).padStart(26, '0')}`;

function delivery(n: number): Delivery {
  return {
    id: deliveryId(n),
    webhook_id: WH,
    event_id: `evt_${n}`,
    event_type: 'notification.dismissed',
    status: 'succeeded',
    replay: false,
    attempts: 1,
    next_attempt_at: null,
    created_at: AT,
    updated_at: AT,
    request: { headers: { 'webhook-id': deliveryId(n) }, payload: { id: `evt_${n}` } },
    attempt_log: [],
  };
}

/** A page of deliveries, pointing at the next page when `more`; no `total` or `offset`, as the server sends it. */
function page(ids: number[], more: boolean) {
  const deliveries = ids.map(delivery);
  return json(200, {
    success: true,
    deliveries,
    pagination: { limit: 2, has_more: more, next_cursor: more ? (deliveries.at(-1)?.id ?? null) : null },
  });
}

const query = (call: RecordedCall | undefined) => Object.fromEntries(new URL(call?.url ?? 'http://x').searchParams);

describe('webhooks', () => {
  it('create posts the subscription to /apps/{appId}/webhooks', async () => {
    const body = { success: true, webhook_id: WH, webhook_secret: 'whsec_abc', created_at: AT, webhook };
    const { client, calls } = testClient([json(201, body)]);
    const params = { webhook_url: webhook.webhook_url, subscribed_events: ['notification.*'], max_retries: 3 };
    await expect(client.webhooks.create(params)).resolves.toEqual(body);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe(BASE);
    expect(calls[0]?.body).toEqual(params);
  });

  it('list, retrieve, update and delete use the webhook paths', async () => {
    const { client, calls } = testClient([
      json(200, { success: true, webhooks: [webhook] }),
      json(200, { success: true, webhook }),
      json(200, { success: true, webhook: { ...webhook, is_active: false } }),
      new Response(null, { status: 204 }),
    ]);
    expect((await client.webhooks.list()).webhooks).toEqual([webhook]);
    expect((await client.webhooks.retrieve(WH)).webhook.id).toBe(WH);
    expect((await client.webhooks.update(WH, { is_active: false })).webhook.is_active).toBe(false);
    await expect(client.webhooks.delete(WH)).resolves.toBeUndefined();
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `GET ${BASE}`,
      `GET ${BASE}/${WH}`,
      `PATCH ${BASE}/${WH}`,
      `DELETE ${BASE}/${WH}`,
    ]);
    expect(calls[2]?.body).toEqual({ is_active: false });
  });

  it('rotateSecret, test and recover post to their actions', async () => {
    const { client, calls } = testClient([
      json(200, { success: true, webhook_secret: 'whsec_new', previous_secret_expires_at: AT }),
      json(200, { success: true, webhook_secret: 'whsec_newer', previous_secret_expires_at: AT }),
      json(200, { success: true, event_id: 'evt_1', delivery_id: deliveryId(1) }),
      json(200, { success: true, count: 3, dry_run: true }),
    ]);
    expect((await client.webhooks.rotateSecret(WH, { grace_period_seconds: 3600 })).webhook_secret).toBe('whsec_new');
    await client.webhooks.rotateSecret(WH);
    expect(await client.webhooks.test(WH)).toEqual({ success: true, event_id: 'evt_1', delivery_id: deliveryId(1) });
    const recover = { since: '2025-09-30T10:00:00Z', dry_run: true };
    expect((await client.webhooks.recover(WH, recover)).count).toBe(3);
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `POST ${BASE}/${WH}/rotate-secret`,
      `POST ${BASE}/${WH}/rotate-secret`,
      `POST ${BASE}/${WH}/test`,
      `POST ${BASE}/${WH}/recover`,
    ]);
    expect(calls.map((call) => call.body)).toEqual([{ grace_period_seconds: 3600 }, {}, undefined, recover]);
  });

  it('acts on the per-call appId, and explains a missing one', async () => {
    const { client, calls } = testClient([json(200, { success: true, webhooks: [] })], { appId: undefined });
    await client.webhooks.list({ appId: 'other-app' });
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/other-app/webhooks');
    await expect(
      client.webhooks.create({ webhook_url: 'https://x.example', subscribed_events: ['*'] }),
    ).rejects.toThrow(OrivaError);
    expect(calls).toHaveLength(1);
  });

  it('encodes ids in paths', async () => {
    const { client, calls } = testClient([json(200, { success: true, webhook })]);
    await client.webhooks.retrieve('wh/../x');
    expect(calls[0]?.url).toBe(`${BASE}/wh%2F..%2Fx`);
  });
});

describe('webhooks.deliveries', () => {
  it('lists one page with filters, a pagination without total', async () => {
    const { client, calls } = testClient([page([3, 2], true)]);
    const first = await client.webhooks.deliveries.list(WH, {
      success: false,
      event_type: 'notification.dismissed',
      since: '2025-09-30T10:00:00Z',
      limit: 2,
    });
    expect(first).toBeInstanceOf(DeliveryPage);
    expect(first.data.map((d) => d.id)).toEqual([deliveryId(3), deliveryId(2)]);
    expect(first.pagination).toEqual({ limit: 2, has_more: true, next_cursor: deliveryId(2) });
    expect(first.hasNextPage()).toBe(true);
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.url.split('?')[0]).toBe(`${BASE}/${WH}/deliveries`);
    expect(query(calls[0])).toEqual({
      success: 'false',
      event_type: 'notification.dismissed',
      since: '2025-09-30T10:00:00Z',
      limit: '2',
    });
  });

  it('auto-pages with after = next_cursor, keeping the filters', async () => {
    const { client, calls } = testClient([page([5, 4], true), page([3, 2], true), page([1], false)]);
    const ids: string[] = [];
    for await (const d of client.webhooks.deliveries.list(WH, { success: true, limit: 2 })) ids.push(d.id);
    expect(ids).toEqual([5, 4, 3, 2, 1].map(deliveryId));
    expect(calls.map(query)).toEqual([
      { success: 'true', limit: '2' },
      { success: 'true', limit: '2', after: deliveryId(4) },
      { success: 'true', limit: '2', after: deliveryId(2) },
    ]);
  });

  it('retry posts to the delivery', async () => {
    const { client, calls } = testClient([json(200, { success: true, delivery: delivery(1) })]);
    expect((await client.webhooks.deliveries.retry(WH, deliveryId(1))).delivery.id).toBe(deliveryId(1));
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe(`${BASE}/${WH}/deliveries/${deliveryId(1)}/retry`);
  });
});
