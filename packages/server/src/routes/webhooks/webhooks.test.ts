import { WebhookPayload } from '@oriva/contract';
import { generateSecret, verify, verifyWebhookSignature } from '@oriva/webhook-verify';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness.js';
import { type Reply, startReceiver } from './receiver.test-support.js';

// Retries on the design document's schedule, a hundred times faster.
const FAST = { ORIVA_WEBHOOK_BACKOFF_SCALE: '0.01' };

let server: TestServer;
let workBuddy: string;
let hugo: string;

beforeAll(async () => {
  server = await startTestServer(FAST);
  workBuddy = await server.createApp('work-buddy', 'Work Buddy');
  hugo = await server.createApp('hugo', 'Hugo');
});
afterAll(() => server.close());

async function subscribe(
  url: string,
  events: string[],
  extra: object = {},
  app = 'work-buddy',
  token = workBuddy,
  target = server,
) {
  const response = await target.request(`/api/v1/apps/${app}/webhooks`, {
    method: 'POST',
    token,
    json: { webhook_url: url, subscribed_events: events, ...extra },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { webhook_id: string; webhook_secret: string; webhook: Record<string, unknown> };
}

const publish = (type: string, entity = `e_${Date.now()}`, app = 'work-buddy', token = workBuddy, target = server) => {
  const [category, eventType] = type.split('.');
  return target.request(`/api/v1/apps/${app}/events`, {
    method: 'POST',
    token,
    json: {
      event_category: category,
      event_type: eventType,
      entity_type: 'thing',
      entity_id: entity,
      user_id: 'user_456',
    },
  });
};

async function deliveriesOf(webhookId: string, target = server, token = workBuddy, app = 'work-buddy') {
  const response = await target.request(`/api/v1/apps/${app}/webhooks/${webhookId}/deliveries`, { token });
  return (
    (await response.json()) as {
      deliveries: Array<{
        id: string;
        status: string;
        attempts: number;
        event_type: string;
        attempt_log: Array<Record<string, unknown>>;
        request: { headers: Record<string, string>; payload: unknown };
      }>;
    }
  ).deliveries;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('subscriptions', () => {
  it('creates a webhook with a Standard Webhooks secret shown once, and reads, updates and deletes it', async () => {
    const created = await subscribe('https://workbuddy.example/api/oriva-events', [
      'notification.dismissed',
      'notification.*',
      '*',
    ]);
    expect(created.webhook_secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const keyBytes = Buffer.from(created.webhook_secret.slice(6), 'base64').length;
    expect(keyBytes).toBeGreaterThanOrEqual(24);
    expect(keyBytes).toBeLessThanOrEqual(64);
    expect(created.webhook).toMatchObject({
      is_active: true,
      max_retries: 5,
      retry_backoff_seconds: 1,
      consecutive_failures: 0,
    });
    const listed = await server.request('/api/v1/apps/work-buddy/webhooks', { token: workBuddy });
    const text = await listed.text();
    expect(text).toContain(created.webhook_id);
    expect(text).not.toContain(created.webhook_secret);
    expect(text).not.toContain('webhook_secret');

    const updated = await server.request(`/api/v1/apps/work-buddy/webhooks/${created.webhook_id}`, {
      method: 'PATCH',
      token: workBuddy,
      json: { subscribed_events: ['session.created'], max_retries: 2 },
    });
    expect(((await updated.json()) as { webhook: object }).webhook).toMatchObject({
      subscribed_events: ['session.created'],
      max_retries: 2,
    });
    expect(
      (
        await server.request(`/api/v1/apps/work-buddy/webhooks/${created.webhook_id}`, {
          method: 'DELETE',
          token: workBuddy,
        })
      ).status,
    ).toBe(204);
    expect(
      (await server.request(`/api/v1/apps/work-buddy/webhooks/${created.webhook_id}`, { token: workBuddy })).status,
    ).toBe(404);
    expect(
      (await server.request(`/api/v1/apps/work-buddy/webhooks/${created.webhook_id}`, { token: hugo })).status,
    ).toBe(403);
  });

  it('validates subscription patterns', async () => {
    const response = await server.request('/api/v1/apps/work-buddy/webhooks', {
      method: 'POST',
      token: workBuddy,
      json: {
        webhook_url: 'https://x.example/h',
        subscribed_events: ['notification.dismissed', 'Notification.*', '*.created', 'nodot', ''],
      },
    });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map(
      (f) => f.path,
    );
    expect(paths).toEqual(['subscribed_events.1', 'subscribed_events.2', 'subscribed_events.3', 'subscribed_events.4']);
  });
});

describe('delivery', () => {
  it("Example 2 end to end: a dismissal in Core reaches Work Buddy's receiver as notification.dismissed, verified", async () => {
    const receiver = await startReceiver();
    try {
      const { webhook_secret } = await subscribe(receiver.url, ['notification.dismissed', 'notification.clicked']);
      const external = `wb_notif_${Date.now()}`;
      await server.request('/api/v1/apps/work-buddy/notifications', {
        method: 'POST',
        token: workBuddy,
        json: {
          external_id: external,
          user_id: 'user_456',
          notification_type: 'session_reminder',
          title: 'Session soon',
        },
      });
      const user = await server.userToken('user_456');
      const patched = await server.request(`/api/v1/notifications/${external}`, {
        method: 'PATCH',
        token: user,
        json: { status: 'dismissed', dismissed_from: 'oriva_core' },
      });
      expect(patched.status).toBe(200);
      const [request] = await receiver.waitFor(1);
      expect(receiver.received).toHaveLength(1);
      // The Standard Webhooks headers, and the design document's single-header call.
      const event = verify(request!.body, request!.headers, webhook_secret) as Record<string, unknown>;
      // The design document's Step 4 reads event.event_type === 'notification.dismissed' and event.entity_id.
      expect(event).toMatchObject({
        type: 'notification.dismissed',
        event_category: 'notification',
        event_type: 'notification.dismissed',
        app_id: 'work-buddy',
        entity_type: 'notification',
        entity_id: external,
        user_id: 'user_456',
        event_data: {
          dismissed_from: 'oriva_core',
          status: 'dismissed',
          notification_id: expect.stringMatching(/^ntf_/),
        },
      });
      expect(WebhookPayload.strict().parse(event)).toEqual(event);
      expect(verifyWebhookSignature(request!.body, request!.headers['x-oriva-signature'], webhook_secret)).toBe(true);
      expect(verifyWebhookSignature(request!.body, request!.headers['x-oriva-signature'], generateSecret())).toBe(
        false,
      );
      expect(request!.headers['webhook-id']).toMatch(/^del_/);
      expect(request!.headers['content-type']).toBe('application/json');
    } finally {
      await receiver.close();
    }
  });

  it("delivers an app's own events only, matching its patterns", async () => {
    const receiver = await startReceiver();
    try {
      await subscribe(receiver.url, ['session.*'], {}, 'hugo', hugo);
      await publish('session.created', 'for-work-buddy');
      await publish('task.created', 'hugo-task', 'hugo', hugo);
      await publish('session.ended', 'hugo-session', 'hugo', hugo);
      await receiver.waitFor(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(receiver.received.map((request) => JSON.parse(request.body).type)).toEqual(['session.ended']);
    } finally {
      await receiver.close();
    }
  });

  it('retries a 500 with the same webhook-id, then succeeds; the log has every attempt', async () => {
    const receiver = await startReceiver([{ status: 500, body: 'boom' }, { status: 503 }]);
    try {
      const { webhook_id } = await subscribe(receiver.url, ['retry.*']);
      await publish('retry.me');
      const requests = await receiver.waitFor(3);
      expect(new Set(requests.map((request) => request.headers['webhook-id'])).size).toBe(1);
      // The design document's schedule (1 s, then 2 s) at a hundredth of the time, with ±20% jitter.
      expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(8);
      expect(requests[2]!.at - requests[1]!.at).toBeGreaterThanOrEqual(16);
      const [delivery] = await until(
        () => deliveriesOf(webhook_id),
        (list) => list[0]?.status === 'succeeded',
      );
      expect(delivery!.attempts).toBe(3);
      expect(delivery!.attempt_log.map((attempt) => [attempt.status_code, attempt.success])).toEqual([
        [500, false],
        [503, false],
        [200, true],
      ]);
      expect(delivery!.attempt_log[0]).toMatchObject({ response_body: 'boom', error_message: 'HTTP 500' });
      // The request as the receiver got it: the same body, the shared headers; never a secret.
      expect(delivery!.request.payload).toEqual(JSON.parse(requests[0]!.body));
      expect(delivery!.request.headers).toEqual({
        'content-type': requests[0]!.headers['content-type'],
        'user-agent': requests[0]!.headers['user-agent'],
        'webhook-id': requests[0]!.headers['webhook-id'],
      });
      expect(JSON.stringify(delivery)).not.toMatch(/whsec_|webhook-signature/);
      const webhook = await server.request(`/api/v1/apps/work-buddy/webhooks/${webhook_id}`, { token: workBuddy });
      expect(((await webhook.json()) as { webhook: object }).webhook).toMatchObject({
        total_deliveries: 3,
        total_failures: 2,
        consecutive_failures: 0,
        last_success_at: expect.any(String),
      });
    } finally {
      await receiver.close();
    }
  });

  it("honours a 429's Retry-After", async () => {
    const receiver = await startReceiver([{ status: 429, headers: { 'retry-after': '30' } }]);
    try {
      await subscribe(receiver.url, ['slow.*']);
      await publish('slow.down');
      const requests = await receiver.waitFor(2);
      // 30 s at the test scale (0.01) is 300 ms, far above the 1 s first backoff (10 ms).
      expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(290);
    } finally {
      await receiver.close();
    }
  });

  it('gives up after max_retries, and does not follow redirects', async () => {
    const target = await startReceiver();
    const receiver = await startReceiver([
      { status: 302, headers: { location: target.url } },
      { status: 302, headers: { location: target.url } },
    ]);
    try {
      const { webhook_id } = await subscribe(receiver.url, ['moved.*'], { max_retries: 1 });
      await publish('moved.away');
      const [delivery] = await until(
        () => deliveriesOf(webhook_id),
        (list) => list[0]?.status === 'failed',
      );
      expect(delivery!.attempts).toBe(2);
      expect(delivery!.attempt_log[0]!.error_message).toMatch(/redirects are not followed/);
      expect(target.received).toHaveLength(0);
    } finally {
      await receiver.close();
      await target.close();
    }
  });

  it('times out a slow receiver and keeps only the first 20 KB of a huge answer', async () => {
    const slowServer = await startTestServer({ ...FAST, ORIVA_WEBHOOK_TIMEOUT_MS: '300' });
    const receiver = await startReceiver([
      { status: 200, delayMs: 1_000 },
      { status: 500, body: 'x'.repeat(200_000) },
    ]);
    try {
      const key = await slowServer.createApp('slow-app');
      const { webhook_id } = await subscribe(receiver.url, ['*'], { max_retries: 1 }, 'slow-app', key, slowServer);
      await publish('any.thing', 'e1', 'slow-app', key, slowServer);
      const [delivery] = await until(
        () => deliveriesOf(webhook_id, slowServer, key, 'slow-app'),
        (list) => list[0]?.status === 'failed',
      );
      expect(delivery!.attempt_log[0]!.error_message).toMatch(/timed out after 300 ms/);
      expect((delivery!.attempt_log[1]!.response_body as string).length).toBe(20 * 1024);
    } finally {
      await receiver.close();
      await slowServer.close();
    }
  });

  it('410 Gone disables the webhook at once, with a webhook.disabled event', async () => {
    const receiver = await startReceiver([{ status: 410 }]);
    try {
      const { webhook_id } = await subscribe(receiver.url, ['gone.*']);
      await publish('gone.now');
      await receiver.waitFor(1);
      const webhook = await until(
        async () =>
          (
            (await (
              await server.request(`/api/v1/apps/work-buddy/webhooks/${webhook_id}`, { token: workBuddy })
            ).json()) as { webhook: { is_active: boolean; disabled_reason: string } }
          ).webhook,
        (value) => !value.is_active,
      );
      expect(webhook.disabled_reason).toBe('gone');
      const events = await server.request(
        `/api/v1/apps/work-buddy/events?event_category=webhook&entity_id=${webhook_id}`,
        { token: workBuddy },
      );
      const list = (await events.json()) as { events: Array<{ type: string; event_data: object }> };
      expect(list.events.map((event) => event.type)).toEqual(['webhook.disabled']);
      expect(list.events[0]!.event_data).toMatchObject({ reason: 'gone' });
      const metrics = await (await server.request('/metrics')).text();
      expect(metrics).toMatch(/oriva_webhooks\{state="disabled"\} [1-9]/);
      expect(metrics).toMatch(/oriva_webhook_deliveries_total\{outcome="failed"\} [1-9]/);
      expect(metrics).toContain('oriva_webhook_queue_depth');
      // Disabled: new events are not delivered.
      await publish('gone.again');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('disables after N consecutive failures; re-enabling resets the count and delivers again', async () => {
    const failing = await startTestServer({ ...FAST, ORIVA_WEBHOOK_DISABLE_AFTER: '3' });
    const replies: Reply[] = Array.from({ length: 3 }, () => ({ status: 500 }));
    const receiver = await startReceiver(replies);
    try {
      const key = await failing.createApp('flaky');
      const { webhook_id } = await subscribe(receiver.url, ['*'], { max_retries: 10 }, 'flaky', key, failing);
      await publish('a.b', 'x', 'flaky', key, failing);
      const read = async () =>
        (
          (await (await failing.request(`/api/v1/apps/flaky/webhooks/${webhook_id}`, { token: key })).json()) as {
            webhook: { is_active: boolean; consecutive_failures: number; disabled_reason: string | null };
          }
        ).webhook;
      const disabled = await until(read, (webhook) => !webhook.is_active);
      expect(disabled).toMatchObject({ consecutive_failures: 3, disabled_reason: 'too_many_failures' });
      expect(receiver.received).toHaveLength(3);

      await failing.request(`/api/v1/apps/flaky/webhooks/${webhook_id}`, {
        method: 'PATCH',
        token: key,
        json: { is_active: true },
      });
      expect(await read()).toMatchObject({ is_active: true, consecutive_failures: 0, disabled_reason: null });
      // The pending retry resumes once enabled, and succeeds.
      await receiver.waitFor(4);
      await until(
        () => deliveriesOf(webhook_id, failing, key, 'flaky'),
        (list) => list[0]?.status === 'succeeded',
      );
    } finally {
      await receiver.close();
      await failing.close();
    }
  });

  it('signs with both secrets during a rotation, each verifiable', async () => {
    const receiver = await startReceiver();
    try {
      const { webhook_id, webhook_secret: oldSecret } = await subscribe(receiver.url, ['rotate.*']);
      const rotated = await server.request(`/api/v1/apps/work-buddy/webhooks/${webhook_id}/rotate-secret`, {
        method: 'POST',
        token: workBuddy,
        json: { grace_period_seconds: 3600 },
      });
      const { webhook_secret: newSecret, previous_secret_expires_at } = (await rotated.json()) as {
        webhook_secret: string;
        previous_secret_expires_at: string;
      };
      expect(newSecret).not.toBe(oldSecret);
      expect(Date.parse(previous_secret_expires_at)).toBeGreaterThan(Date.now() + 3_500_000);
      await publish('rotate.now');
      const [request] = await receiver.waitFor(1);
      expect((request!.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
      expect(verify(request!.body, request!.headers, oldSecret)).toMatchObject({ type: 'rotate.now' });
      expect(verify(request!.body, request!.headers, newSecret)).toMatchObject({ type: 'rotate.now' });

      await server.request(`/api/v1/apps/work-buddy/webhooks/${webhook_id}/rotate-secret`, {
        method: 'POST',
        token: workBuddy,
        json: { grace_period_seconds: 0 },
      });
      await publish('rotate.again');
      const [, second] = await receiver.waitFor(2);
      expect((second!.headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
      expect(() => verify(second!.body, second!.headers, newSecret)).toThrow();
    } finally {
      await receiver.close();
    }
  });

  it('sends webhook.test now; retries one delivery and recovers failed ones by window, with a dry run', async () => {
    const receiver = await startReceiver([{ status: 500 }, { status: 500 }]);
    try {
      const { webhook_id } = await subscribe(receiver.url, ['recover.*'], { max_retries: 0 });
      const since = new Date(Date.now() - 1000).toISOString();
      await publish('recover.one', 'r1');
      await publish('recover.two', 'r2');
      await until(
        () => deliveriesOf(webhook_id),
        (list) => list.length === 2 && list.every((d) => d.status === 'failed'),
      );

      const dry = await server.request(`/api/v1/apps/work-buddy/webhooks/${webhook_id}/recover`, {
        method: 'POST',
        token: workBuddy,
        json: { since, dry_run: true },
      });
      expect(await dry.json()).toMatchObject({ count: 2, dry_run: true });
      expect(receiver.received).toHaveLength(2);
      const recovered = await server.request(`/api/v1/apps/work-buddy/webhooks/${webhook_id}/recover`, {
        method: 'POST',
        token: workBuddy,
        json: { since },
      });
      expect(await recovered.json()).toMatchObject({ count: 2, dry_run: false });
      await until(
        () => deliveriesOf(webhook_id),
        (list) => list.every((d) => d.status === 'succeeded'),
      );

      const [latest] = await deliveriesOf(webhook_id);
      const retried = await server.request(
        `/api/v1/apps/work-buddy/webhooks/${webhook_id}/deliveries/${latest!.id}/retry`,
        {
          method: 'POST',
          token: workBuddy,
        },
      );
      expect(retried.status).toBe(200);
      const again = await receiver.waitFor(5);
      expect(again[4]!.headers['webhook-id']).toBe(latest!.id);

      const test = await server.request(`/api/v1/apps/work-buddy/webhooks/${webhook_id}/test`, {
        method: 'POST',
        token: workBuddy,
      });
      const { delivery_id } = (await test.json()) as { delivery_id: string };
      const all = await receiver.waitFor(6);
      expect(JSON.parse(all[5]!.body)).toMatchObject({ type: 'webhook.test', event_type: 'webhook.test' });
      expect(all[5]!.headers['webhook-id']).toBe(delivery_id);

      const delivered = await until(
        async () => {
          const response = await server.request(
            `/api/v1/apps/work-buddy/webhooks/${webhook_id}/deliveries?success=true&event_type=webhook.test`,
            { token: workBuddy },
          );
          return ((await response.json()) as { deliveries: Array<{ id: string }> }).deliveries.map((d) => d.id);
        },
        (ids) => ids.length > 0,
      );
      expect(delivered).toEqual([delivery_id]);
    } finally {
      await receiver.close();
    }
  });
});

describe('POST …/webhooks/{id}/test', () => {
  let key: string;
  beforeAll(async () => {
    key = await server.createApp('tester');
  });
  const test = async (webhookId: string) => {
    const response = await server.request(`/api/v1/apps/tester/webhooks/${webhookId}/test`, {
      method: 'POST',
      token: key,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { delivery_id: string };
  };
  const webhookOf = async (webhookId: string) =>
    (
      (await (await server.request(`/api/v1/apps/tester/webhooks/${webhookId}`, { token: key })).json()) as {
        webhook: Record<string, unknown>;
      }
    ).webhook;

  it('delivers exactly once, to that webhook alone, though others subscribe to * and webhook.*', async () => {
    const [all, webhookEvents] = [await startReceiver(), await startReceiver()];
    try {
      const tested = await subscribe(all.url, ['*'], {}, 'tester', key);
      const other = await subscribe(webhookEvents.url, ['webhook.*'], {}, 'tester', key);
      const { delivery_id } = await test(tested.webhook_id);
      // The deliveries an event causes are written in its own transaction: what is listed now is all there is.
      expect(await deliveriesOf(other.webhook_id, server, key, 'tester')).toEqual([]);
      expect((await deliveriesOf(tested.webhook_id, server, key, 'tester')).map((d) => d.id)).toEqual([delivery_id]);
      const [request] = await all.waitFor(1);
      expect(request!.headers['webhook-id']).toBe(delivery_id);
      expect(JSON.parse(request!.body).type).toBe('webhook.test');
      await until(
        () => deliveriesOf(tested.webhook_id, server, key, 'tester'),
        (list) => list[0]?.status === 'succeeded',
      );
      expect(all.received).toHaveLength(1);
      expect(webhookEvents.received).toHaveLength(0);
    } finally {
      await all.close();
      await webhookEvents.close();
    }
  });

  it('reaches a disabled webhook, once per test, without enabling it or touching its stats', async () => {
    const receiver = await startReceiver([{ status: 500 }]);
    try {
      const { webhook_id } = await subscribe(receiver.url, ['*'], { max_retries: 5 }, 'tester', key);
      await server.request(`/api/v1/apps/tester/webhooks/${webhook_id}`, {
        method: 'PATCH',
        token: key,
        json: { is_active: false },
      });
      const before = await webhookOf(webhook_id);

      const failing = await test(webhook_id);
      await receiver.waitFor(1);
      const [failed] = await until(
        () => deliveriesOf(webhook_id, server, key, 'tester'),
        (list) => list[0]?.status !== 'pending',
      );
      // Tried once: a disabled webhook's test is not retried.
      expect(failed).toMatchObject({ id: failing.delivery_id, status: 'failed', attempts: 1 });

      const passing = await test(webhook_id);
      const [, second] = await receiver.waitFor(2);
      expect(second!.headers['webhook-id']).toBe(passing.delivery_id);
      await until(
        () => deliveriesOf(webhook_id, server, key, 'tester'),
        (list) => list[0]?.status === 'succeeded',
      );
      expect(receiver.received).toHaveLength(2);
      expect(await webhookOf(webhook_id)).toEqual(before);
    } finally {
      await receiver.close();
    }
  });
});

describe('deleting a webhook while its deliveries are in flight', () => {
  it('drops them quietly (no error logged) and goes on delivering to the other webhooks', async () => {
    const lines: Array<{ level: number; msg?: string; delivery_id?: string }> = [];
    const logged = await startTestServer(
      { ...FAST, ORIVA_LOG_LEVEL: 'debug' },
      { logDestination: { write: (line: string) => void lines.push(JSON.parse(line)) } },
    );
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = await startReceiver(Array.from({ length: 3 }, () => ({ status: 200, holdUntil: held })));
    const other = await startReceiver();
    try {
      const key = await logged.createApp('deleting');
      const doomed = await subscribe(slow.url, ['*'], {}, 'deleting', key, logged);
      await subscribe(other.url, ['*'], {}, 'deleting', key, logged);
      for (const entity of ['a', 'b', 'c']) await publish('thing.happened', entity, 'deleting', key, logged);
      // All three attempts are in flight, held by the receiver; the webhook goes now.
      await slow.waitFor(3);
      const deleted = await logged.request(`/api/v1/apps/deleting/webhooks/${doomed.webhook_id}`, {
        method: 'DELETE',
        token: key,
      });
      expect(deleted.status).toBe(204);
      release();
      // Each held attempt ends in one line about its delivery: an error (the bug) or a quiet drop.
      const dropped = () => lines.filter((line) => line.msg?.includes('delivery dropped'));
      const ended = () =>
        lines.filter((line) => line.delivery_id && (line.level >= 50 || line.msg?.includes('dropped')));
      await until(
        async () => ended().length,
        (count) => count === 3,
      );
      await publish('thing.happened', 'd', 'deleting', key, logged);
      await other.waitFor(4);
      expect(lines.filter((line) => line.level >= 50)).toEqual([]);
      expect(dropped()).toHaveLength(3);
      expect(dropped().every((line) => line.level <= 30)).toBe(true);
      expect(slow.received).toHaveLength(3);
    } finally {
      release();
      await slow.close();
      await other.close();
      await logged.close();
    }
  });
});

describe('URL policy (private targets allowed)', () => {
  it('still refuses cloud metadata addresses, when saved and when dialled', async () => {
    // The suite's server runs in dev mode: loopback and private receivers are fine, metadata is not.
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://[fd00:ec2::254]/latest/meta-data',
      'http://[::ffff:a9fe:a9fe]/',
      'http://[2002:a9fe:a9fe::]/',
      'http://[2001:0:4136:e378:8000:63bf:5601:5601]/',
    ]) {
      expect(await refusedField(server, workBuddy, 'work-buddy', url), url).toMatchObject({
        path: 'webhook_url',
        code: 'metadata_url',
      });
    }
    const dev = await startTestServer(FAST, {
      lookupHost: async (hostname) =>
        hostname === 'imds.test' ? [{ address: '169.254.169.254', family: 4 }] : [{ address: '127.0.0.1', family: 4 }],
    });
    try {
      const devKey = await dev.createApp('dev');
      // Names are not resolved on save where private targets are allowed: the dial refuses it.
      const { webhook_id } = await subscribe(
        'http://imds.test/latest/meta-data',
        ['*'],
        { max_retries: 0 },
        'dev',
        devKey,
        dev,
      );
      await publish('imds.attempt', 'x', 'dev', devKey, dev);
      const [delivery] = await until(
        () => deliveriesOf(webhook_id, dev, devKey, 'dev'),
        (list) => list[0]?.status === 'failed',
      );
      expect(delivery!.attempt_log[0]!.error_message).toMatch(
        /resolved only to blocked addresses \(169\.254\.169\.254\)/,
      );
    } finally {
      await dev.close();
    }
  });
});

describe('URL policy (production settings)', () => {
  let production: TestServer;
  let key: string;
  beforeAll(async () => {
    // A fake resolver: public when the webhook is saved, loopback afterwards (DNS rebinding).
    let rebindLookups = 0;
    production = await startTestServer(
      { ...FAST, ORIVA_DEV: '0', ORIVA_SECRET_KEY: 'a-secret-key-for-the-tests-0123456789' },
      {
        lookupHost: async (hostname) => {
          if (hostname === 'rebind.test')
            return [{ address: rebindLookups++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
          if (hostname === 'internal.test') return [{ address: '10.1.2.3', family: 4 }];
          if (hostname in EMBEDDING_NAMES) return [{ address: EMBEDDING_NAMES[hostname]!, family: 6 }];
          return [{ address: '93.184.216.34', family: 4 }];
        },
      },
    );
    key = await production.createApp('prod');
  });
  afterAll(() => production.close());

  it('refuses http and every private, loopback, link-local, CGNAT, multicast and metadata address', async () => {
    const refused = [
      'http://public.example/hook',
      'https://127.0.0.1/hook',
      'https://10.0.0.5/hook',
      'https://172.16.3.4/hook',
      'https://192.168.1.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/hook',
      'https://224.0.0.1/hook',
      'https://0.0.0.0/hook',
      'https://[::1]/hook',
      'https://[fe80::1]/hook',
      'https://[fd00::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://[::ffff:a9fe:a9fe]/hook',
      'https://[64:ff9b::a00:1]/hook',
      'https://[64:ff9b:1::5db8:d822]/hook',
      'https://[2002:a00:1::1]/hook',
      'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook',
      'https://internal.test/hook',
      ...Object.keys(EMBEDDING_NAMES).map((name) => `https://${name}/hook`),
      'https://user:pass@public.example/hook',
    ];
    for (const url of refused) {
      const response = await production.request('/api/v1/apps/prod/webhooks', {
        method: 'POST',
        token: key,
        json: { webhook_url: url, subscribed_events: ['*'] },
      });
      expect(response.status, url).toBe(400);
      const field = ((await response.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0];
      expect(field?.path, url).toBe('webhook_url');
    }
    const ok = await production.request('/api/v1/apps/prod/webhooks', {
      method: 'POST',
      token: key,
      json: { webhook_url: 'https://public.example/hook', subscribed_events: ['*'] },
    });
    expect(ok.status).toBe(201);
  });

  it('refuses metadata addresses, however embedded, with their own code', async () => {
    const metadata = [
      'https://169.254.169.254/latest/meta-data',
      'https://[fd00:ec2::254]/latest/meta-data',
      'https://[::ffff:169.254.169.254]/',
      'https://[64:ff9b::a9fe:a9fe]/',
      'https://[64:ff9b:1:a9fe:a9:fe00::]/',
      'https://[2002:a9fe:a9fe::1]/',
      'https://[2001:0:4136:e378:8000:63bf:5601:5601]/',
      'https://metadata-6to4.test/',
    ];
    for (const url of metadata) {
      const field = await refusedField(production, key, 'prod', url);
      expect(field, url).toMatchObject({ path: 'webhook_url', code: 'metadata_url' });
    }
    expect(await refusedField(production, key, 'prod', 'https://[2002:a00:1::1]/')).toMatchObject({
      path: 'webhook_url',
      code: 'forbidden_url',
    });
  });

  it('never connects to loopback when a saved host rebinds to it at delivery', async () => {
    const listener = await startReceiver();
    try {
      const { webhook_id } = await subscribe(
        `https://rebind.test:${listener.port}/hook`,
        ['*'],
        { max_retries: 0 },
        'prod',
        key,
        production,
      );
      await publish('rebind.attempt', 'x', 'prod', key, production);
      const [delivery] = await until(
        () => deliveriesOf(webhook_id, production, key, 'prod'),
        (list) => list[0]?.status === 'failed',
      );
      expect(delivery!.attempt_log[0]!.error_message).toMatch(/blocked addresses/);
      expect(listener.connections()).toBe(0);
    } finally {
      await listener.close();
    }
  });

  it('stores secrets encrypted when ORIVA_SECRET_KEY is set', async () => {
    const { webhook_secret } = await subscribe('https://public.example/encrypted', ['*'], {}, 'prod', key, production);
    const stored = await storedSecrets(production);
    expect(stored.every((value) => value.startsWith('enc:v1:'))).toBe(true);
    expect(stored.join()).not.toContain(webhook_secret.slice(6));
  });
});

/** Names the production tests' resolver maps to IPv6 addresses that embed an internal or metadata IPv4 one. */
const EMBEDDING_NAMES: Record<string, string> = {
  '6to4-private.test': '2002:a00:1::1',
  'teredo-loopback.test': '2001:0:4136:e378:8000:63bf:80ff:fffe',
  'nat64-local.test': '64:ff9b:1::5db8:d822',
  'metadata-6to4.test': '2002:a9fe:a9fe::1',
};

/** Creates a webhook that must be refused, and returns the field error that says why. */
async function refusedField(target: TestServer, token: string, app: string, url: string) {
  const response = await target.request(`/api/v1/apps/${app}/webhooks`, {
    method: 'POST',
    token,
    json: { webhook_url: url, subscribed_events: ['*'] },
  });
  expect(response.status, url).toBe(400);
  return ((await response.json()) as { error: { fields: Array<{ path: string; code: string }> } }).error.fields[0];
}

/** The webhook secrets exactly as the server stored them, read from its database (SQLite or PostgreSQL). */
async function storedSecrets(server: TestServer): Promise<string[]> {
  const { database } = server.config;
  if (!database) {
    const db = new Database(server.databaseFile!, { readonly: true });
    try {
      return db.prepare('SELECT webhook_secret FROM app_webhooks').pluck().all() as string[];
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ webhook_secret: string }>(
      `SELECT webhook_secret FROM "${database.schema}".app_webhooks`,
    );
    return rows.map((row) => row.webhook_secret);
  } finally {
    await client.end();
  }
}
