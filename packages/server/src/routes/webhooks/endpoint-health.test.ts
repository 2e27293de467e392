import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness.js';
import { type Reply, startReceiver } from './receiver.test-support.js';

// Retries on the design document's schedule, a hundred times faster; half of 6 failures in a row
// reports an endpoint failing.
const SETTINGS = { ORIVA_WEBHOOK_BACKOFF_SCALE: '0.01', ORIVA_WEBHOOK_DISABLE_AFTER: '6' };

let server: TestServer;
let token: string;
let appId = '';
let apps = 0;

beforeAll(async () => {
  server = await startTestServer(SETTINGS);
});
afterAll(() => server.close());

/** Each test gets an app of its own, so the events one test causes never reach another's receivers. */
async function freshApp() {
  appId = `health-${++apps}`;
  token = await server.createApp(appId);
}

async function subscribe(url: string, events: string[], extra: object = {}) {
  const response = await server.request(`/api/v1/apps/${appId}/webhooks`, {
    method: 'POST',
    token,
    json: { webhook_url: url, subscribed_events: events, ...extra },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { webhook_id: string }).webhook_id;
}

async function publish(type: string) {
  const [category, eventType] = type.split('.');
  const response = await server.request(`/api/v1/apps/${appId}/events`, {
    method: 'POST',
    token,
    json: { event_category: category, event_type: eventType, entity_type: 'thing', entity_id: 'e1', user_id: 'user_1' },
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { event_id: string }).event_id;
}

interface Delivery {
  id: string;
  status: string;
  replay: boolean;
  attempts: number;
  event_id: string;
}

async function deliveriesOf(webhookId: string) {
  const response = await server.request(`/api/v1/apps/${appId}/webhooks/${webhookId}/deliveries`, { token });
  return ((await response.json()) as { deliveries: Delivery[] }).deliveries;
}

async function eventsAbout(webhookId: string) {
  const response = await server.request(`/api/v1/apps/${appId}/events?entity_id=${webhookId}`, { token });
  const body = (await response.json()) as { events: Array<{ type: string; event_data: Record<string, unknown> }> };
  return body.events.reverse();
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const typesReceived = (receiver: Awaited<ReturnType<typeof startReceiver>>) =>
  receiver.received.map((request) => (JSON.parse(request.body) as { type: string }).type);

/** Publishes one event at a time, each delivered (and, with max_retries 0, settled) before the next. */
async function publishSettled(count: number, webhookId: string) {
  for (let i = 0; i < count; i++) {
    const eventId = await publish('thing.happened');
    await until(
      () => deliveriesOf(webhookId),
      (list) => list.some((delivery) => delivery.event_id === eventId && delivery.status !== 'pending'),
    );
  }
}

describe('endpoint health events', () => {
  it('reports failing at half the disable threshold in a row, once per episode, then recovered, never to the endpoint itself', async () => {
    await freshApp();
    const failing = await startReceiver(Array.from({ length: 5 }, () => ({ status: 500 })));
    const watcher = await startReceiver();
    const spent = await startReceiver();
    try {
      const failingId = await subscribe(failing.url, ['*'], { max_retries: 0 });
      const watcherId = await subscribe(watcher.url, ['webhook.*']);
      await subscribe(spent.url, ['delivery.*']);
      // Three failures in a row (half of 6) report it; two more do not report it again.
      await publishSettled(5, failingId);
      await until(
        () => eventsAbout(failingId),
        (events) => events.filter((event) => event.type === 'delivery.exhausted').length === 5,
      );
      await publishSettled(1, failingId);
      const events = await until(
        () => eventsAbout(failingId),
        (list) => list.some((event) => event.type === 'webhook.recovered'),
      );
      const health = events.filter((event) => event.type.startsWith('webhook.'));
      expect(health.map((event) => event.type)).toEqual(['webhook.failing', 'webhook.recovered']);
      expect(health[0]!.event_data).toMatchObject({
        reason: 'consecutive_failures',
        consecutive_failures: 3,
        attempts: 3,
        failures: 3,
        failure_rate: 1,
        webhook_url: failing.url,
      });
      expect(health[1]!.event_data).toMatchObject({ status_code: 200, failing_since: expect.any(String) });
      // The app's other endpoints hear of it, by their subscriptions; the failing one never does.
      await watcher.waitFor(2);
      expect(typesReceived(watcher)).toEqual(['webhook.failing', 'webhook.recovered']);
      await spent.waitFor(5);
      expect(typesReceived(spent)).toEqual(Array(5).fill('delivery.exhausted'));
      const exhausted = JSON.parse(spent.received[0]!.body) as { entity_id: string; event_data: object };
      expect(exhausted.entity_id).toBe(failingId);
      expect(exhausted.event_data).toMatchObject({
        webhook_id: failingId,
        event_type: 'thing.happened',
        attempts: 1,
        last_status_code: 500,
        last_error: 'HTTP 500',
      });
      expect(typesReceived(failing)).toEqual(Array(6).fill('thing.happened'));
      await until(
        () => deliveriesOf(watcherId),
        (list) => list.length === 2 && list.every((delivery) => delivery.status === 'succeeded'),
      );
    } finally {
      await Promise.all([failing.close(), watcher.close(), spent.close()]);
    }
  });

  it('reports failing when more than 10% of at least 10 attempts in the last hour failed', async () => {
    await freshApp();
    // 8 successes, then 2 failures: at the 10th attempt 20% failed, 2 in a row (under 3).
    const script: Reply[] = [...Array.from({ length: 8 }, () => ({ status: 200 })), { status: 500 }, { status: 503 }];
    const flaky = await startReceiver(script);
    try {
      const flakyId = await subscribe(flaky.url, ['thing.*'], { max_retries: 0 });
      await publishSettled(9, flakyId);
      expect((await eventsAbout(flakyId)).filter((event) => event.type === 'webhook.failing')).toEqual([]);
      await publishSettled(1, flakyId);
      const events = await until(
        () => eventsAbout(flakyId),
        (list) => list.some((event) => event.type === 'webhook.failing'),
      );
      expect(events.find((event) => event.type === 'webhook.failing')!.event_data).toMatchObject({
        reason: 'failure_rate',
        attempts: 10,
        failures: 2,
        failure_rate: 0.2,
        consecutive_failures: 2,
      });
    } finally {
      await flaky.close();
    }
  });

  it('tells the other endpoints when a disabled webhook is enabled again', async () => {
    await freshApp();
    const receiver = await startReceiver();
    const watcher = await startReceiver();
    try {
      const webhookId = await subscribe(receiver.url, ['*'], { is_active: false });
      await subscribe(watcher.url, ['webhook.*']);
      const enable = () =>
        server.request(`/api/v1/apps/${appId}/webhooks/${webhookId}`, {
          method: 'PATCH',
          token,
          json: { is_active: true },
        });
      expect((await enable()).status).toBe(200);
      expect((await enable()).status).toBe(200);
      await watcher.waitFor(1);
      const events = await eventsAbout(webhookId);
      expect(events.map((event) => event.type)).toEqual(['webhook.enabled']);
      expect(events[0]!.event_data).toEqual({ previous_disabled_reason: null, webhook_url: receiver.url });
      expect(typesReceived(watcher)).toEqual(['webhook.enabled']);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(receiver.received).toHaveLength(0);
    } finally {
      await Promise.all([receiver.close(), watcher.close()]);
    }
  });
});

describe('receiver signals (webhook-delivery)', () => {
  it('abort-message stops retrying that one message, which ends aborted', async () => {
    await freshApp();
    const receiver = await startReceiver([{ status: 500, headers: { 'webhook-delivery': 'abort-message' } }]);
    try {
      const webhookId = await subscribe(receiver.url, ['thing.*'], { max_retries: 3 });
      await publish('thing.happened');
      const [delivery] = await until(
        () => deliveriesOf(webhookId),
        (list) => list[0]?.status === 'aborted',
      );
      expect(delivery).toMatchObject({ status: 'aborted', attempts: 1 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(receiver.received).toHaveLength(1);
      // Not a spent delivery, and the webhook stays on for the next message.
      expect((await eventsAbout(webhookId)).map((event) => event.type)).toEqual([]);
      await publish('thing.happened');
      await receiver.waitFor(2);
    } finally {
      await receiver.close();
    }
  });

  it('disable turns the webhook off with a webhook.disabled event, even on a success', async () => {
    await freshApp();
    const receiver = await startReceiver([{ status: 200, headers: { 'webhook-delivery': 'Disable' } }]);
    try {
      const webhookId = await subscribe(receiver.url, ['thing.*']);
      await publish('thing.happened');
      const webhook = await until(
        async () =>
          (
            (await (await server.request(`/api/v1/apps/${appId}/webhooks/${webhookId}`, { token })).json()) as {
              webhook: { is_active: boolean; disabled_reason: string | null };
            }
          ).webhook,
        (value) => !value.is_active,
      );
      expect(webhook.disabled_reason).toBe('receiver_requested');
      const events = await eventsAbout(webhookId);
      expect(events.map((event) => event.type)).toEqual(['webhook.disabled']);
      expect(events[0]!.event_data).toMatchObject({ reason: 'receiver_requested' });
      expect((await deliveriesOf(webhookId))[0]).toMatchObject({ status: 'succeeded' });
    } finally {
      await receiver.close();
    }
  });
});

describe('POST /api/v1/apps/{app_id}/events/{event_id}/replay', () => {
  it('delivers a stored event again to one webhook, as a new delivery marked replay', async () => {
    await freshApp();
    const receiver = await startReceiver();
    try {
      const webhookId = await subscribe(receiver.url, ['thing.*']);
      const otherId = await subscribe(receiver.url, ['nothing.*']);
      const eventId = await publish('thing.happened');
      await receiver.waitFor(1);
      const replay = (event: string, body: object, key = token, app = appId) =>
        server.request(`/api/v1/apps/${app}/events/${event}/replay`, { method: 'POST', token: key, json: body });

      // To a webhook that does not subscribe to the type: a replay names its target.
      const response = await replay(eventId, { webhook_id: otherId });
      expect(response.status, await response.clone().text()).toBe(200);
      const { delivery } = (await response.json()) as { delivery: Delivery & { webhook_id: string } };
      expect(delivery).toMatchObject({
        webhook_id: otherId,
        event_id: eventId,
        status: 'pending',
        replay: true,
        attempts: 0,
      });
      const [original, replayed] = await receiver.waitFor(2);
      expect(replayed!.body).toBe(original!.body);
      expect(replayed!.headers['webhook-id']).toBe(delivery.id);
      expect(original!.headers['webhook-id']).not.toBe(delivery.id);
      await until(
        () => deliveriesOf(otherId),
        (list) => list[0]?.status === 'succeeded',
      );
      expect((await deliveriesOf(webhookId)).map((item) => item.replay)).toEqual([false]);

      const unknownEvent = await replay('evt_missing', { webhook_id: webhookId });
      expect(unknownEvent.status).toBe(404);
      expect(((await unknownEvent.json()) as { error: { code: string } }).error.code).toBe('event_not_found');
      const unknownWebhook = await replay(eventId, { webhook_id: 'wh_missing' });
      expect(unknownWebhook.status).toBe(404);
      expect(((await unknownWebhook.json()) as { error: { code: string } }).error.code).toBe('webhook_not_found');
      const invalid = await replay(eventId, {});
      expect(invalid.status).toBe(400);
      const { error } = (await invalid.json()) as { error: { fields: Array<{ path: string }> } };
      expect(error.fields.map((field) => field.path)).toEqual(['webhook_id']);

      // Only the app's own: another app can neither replay this event nor target this webhook.
      const ownerApp = appId;
      const ownerToken = token;
      await freshApp();
      const ownWebhook = await subscribe(receiver.url, ['thing.*']);
      expect((await replay(eventId, { webhook_id: ownWebhook })).status).toBe(404);
      expect((await replay(eventId, { webhook_id: webhookId }, token, ownerApp)).status).toBe(403);
      expect((await replay(eventId, { webhook_id: ownWebhook }, ownerToken, ownerApp)).status).toBe(404);
    } finally {
      await receiver.close();
    }
  });
});
