/**
 * Several server processes on one PostgreSQL schema and one Redis: events cross instances to stream
 * clients, each webhook delivery is attempted once, and a killed instance or a restarted Redis loses
 * nothing that was acknowledged.
 */
import { Oriva } from '@oriva/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  api,
  type Instance,
  sleep,
  startPrivateRedis,
  startProxy,
  startReceiver,
  startTwoInstancesWithApp,
  waitFor,
} from './cluster.test-support.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  env: Record<string, string>;
  a: Instance;
  b: Instance;
  key: string;
  receiver: Awaited<ReturnType<typeof startReceiver>>;
}

/** Two instances, an app, and a webhook subscribed to everything, pointing at a counting receiver. */
async function twoInstances(extraEnv: Record<string, string> = {}): Promise<Setup> {
  const { env, a, b, appKey: key } = await startTwoInstancesWithApp(cleanups, extraEnv);
  const receiver = await startReceiver();
  cleanups.push(() => receiver.close());
  const webhook = await api(b.url, key)<{ webhook_secret: string }>('POST', '/apps/work-buddy/webhooks', {
    webhook_url: receiver.url,
    subscribed_events: ['*'],
    max_retries: 10,
  });
  expect(webhook.status).toBe(201);
  receiver.secret.value = webhook.body.webhook_secret;
  return { env, a, b, key, receiver };
}

const taskEvent = (index: number) => ({
  event_category: 'task',
  event_type: 'created',
  entity_type: 'task',
  entity_id: `task_${index}`,
  user_id: `user_${index % 20}`,
  event_data: { index },
});

/** Collects a stream's events, checking order as they come. */
function collect(stream: ReturnType<Oriva['stream']>) {
  const positions: number[] = [];
  const ids: string[] = [];
  stream.on('event', (event) => {
    positions.push(event.position);
    ids.push(event.event_id);
  });
  return { positions, ids };
}

function expectStrictlyIncreasing(values: number[]) {
  for (let index = 1; index < values.length; index++) expect(values[index]!).toBeGreaterThan(values[index - 1]!);
}

describe('two instances on one PostgreSQL and one Redis', () => {
  it('streams an event published on A to a client on B, and delivers it once', async () => {
    const { a, b, key, receiver } = await twoInstances();
    const onB = new Oriva({ apiKey: key, appId: 'work-buddy', baseUrl: b.url }).stream();
    cleanups.push(() => onB.close());
    const seen = collect(onB);
    await onB.ready();

    const published = await api(a.url, key)<{ event_id: string }>('POST', '/apps/work-buddy/events', taskEvent(1));
    expect(published.status).toBe(200);
    await waitFor(() => seen.ids.includes(published.body.event_id), 10_000, 'the event on B');
    await waitFor(() => receiver.eventIds.has(published.body.event_id), 10_000, 'the delivery');
    await sleep(1_000);
    expect([...receiver.attempts.values()]).toEqual([1]);
  }, 60_000);

  it('attempts each of 5,000 deliveries exactly once across both instances', async () => {
    const { a, b, key, receiver } = await twoInstances();
    const batches = Array.from({ length: 20 }, (_, batch) =>
      Array.from({ length: 250 }, (_, item) => taskEvent(batch * 250 + item)),
    );
    const results = await Promise.all(
      batches.map((events, index) =>
        api(index % 2 === 0 ? a.url : b.url, key)('POST', '/apps/work-buddy/events/batch', { events }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(batches.map(() => 200));
    await waitFor(
      () => receiver.eventIds.size >= 5_000,
      60_000,
      () => `5,000 deliveries (${receiver.eventIds.size} so far)`,
    );
    await sleep(1_500);
    expect(receiver.eventIds.size).toBe(5_000);
    expect(receiver.attempts.size).toBe(5_000);
    const repeated = [...receiver.attempts.entries()].filter(([, count]) => count > 1);
    expect(repeated).toEqual([]);
  }, 120_000);

  it('loses nothing acknowledged when one instance is killed during load', async () => {
    // A short webhook timeout keeps the killed instance's delivery leases short.
    const { a, b, key, receiver } = await twoInstances({ ORIVA_WEBHOOK_TIMEOUT_MS: '1000' });
    let alive = [a.port, b.port];
    const proxy = await startProxy(() => alive);
    cleanups.push(() => proxy.close());
    // The proxy sends the first connection to A: the stream client starts on the instance that dies.
    const stream = new Oriva({ apiKey: key, appId: 'work-buddy', baseUrl: proxy.url }).stream({
      events: 'task.*',
      initialBackoffMs: 100,
      maxBackoffMs: 500,
    });
    cleanups.push(() => stream.close());
    const seen = collect(stream);
    await stream.ready();

    const acknowledged: string[] = [];
    let killed = false;
    const publisher = (async () => {
      for (let index = 0; index < 600; index++) {
        const target = killed || index % 2 === 1 ? b : a;
        try {
          const result = await api(target.url, key)<{ event_id: string }>(
            'POST',
            '/apps/work-buddy/events',
            taskEvent(index),
          );
          if (result.status === 200) acknowledged.push(result.body.event_id);
        } catch {
          // A died mid-request: not acknowledged, so the client would retry; nothing to check.
        }
      }
    })();
    await waitFor(() => acknowledged.length >= 200, 30_000, '200 acknowledged events');
    await a.kill('SIGKILL');
    killed = true;
    alive = [b.port];
    await publisher;

    // Every acknowledged event is stored.
    const reader = new Oriva({ apiKey: key, appId: 'work-buddy', baseUrl: b.url });
    const stored = new Set<string>();
    for await (const event of reader.events.list({ limit: 500 })) stored.add(event.id);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    // The stream client moved to B and resumed: every acknowledged event, in order, none twice.
    await waitFor(() => acknowledged.every((id) => seen.ids.includes(id)), 20_000, 'the stream to catch up');
    expectStrictlyIncreasing(seen.positions);
    expect(new Set(seen.ids).size).toBe(seen.ids.length);

    // B completes every delivery, including those A had claimed when it died (after their lease).
    await waitFor(() => acknowledged.every((id) => receiver.eventIds.has(id)), 40_000, 'every delivery');
  }, 120_000);

  it('recovers streams and rate limits when Redis restarts, losing nothing stored', async () => {
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.stop());
    const { a, b, key } = await twoInstances({
      ORIVA_REDIS_URL: redis.url,
      ORIVA_RATE_LIMITS: 'events=100000/15m',
    });
    const stream = new Oriva({ apiKey: key, appId: 'work-buddy', baseUrl: b.url }).stream({ events: 'task.*' });
    cleanups.push(() => stream.close());
    const seen = collect(stream);
    await stream.ready();

    const acknowledged: string[] = [];
    const remaining: number[] = [];
    const publish = async (target: Instance, index: number) => {
      const response = await fetch(`${target.url}/api/v1/apps/work-buddy/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(taskEvent(index)),
      });
      expect(response.status).toBe(200);
      acknowledged.push(((await response.json()) as { event_id: string }).event_id);
      const header = response.headers.get('ratelimit') ?? '';
      remaining.push(Number(/remaining=(\d+)/.exec(header)?.[1] ?? Number.NaN));
    };

    for (let index = 0; index < 20; index++) await publish(index % 2 ? b : a, index);
    await waitFor(() => seen.ids.length >= 20, 10_000, 'the first events on B');
    // The limit is shared: each request, on either instance, takes one from the same window.
    expect(remaining.slice(1).every((value, index) => value === remaining[index]! - 1)).toBe(true);

    await redis.stop();
    // Without Redis the API keeps working (the limiter fails open) and events are still stored.
    for (let index = 20; index < 40; index++) await publish(index % 2 ? b : a, index);
    const restarted = await startPrivateRedis(redis.port);
    cleanups.push(() => restarted.stop());
    for (let index = 40; index < 60; index++) await publish(index % 2 ? b : a, index);

    // The stream on B catches up with what was published while Redis was away, in order.
    await waitFor(() => acknowledged.every((id) => seen.ids.includes(id)), 20_000, 'the stream to catch up');
    expectStrictlyIncreasing(seen.positions);
    // Rate limits are counted in Redis again once the instances have reconnected, shared by both.
    let index = 60;
    await waitFor(
      async () => {
        remaining.length = 0;
        await publish(a, index++);
        await publish(b, index++);
        return Number.isInteger(remaining[0]) && Number.isInteger(remaining[1]);
      },
      15_000,
      'the rate limiter to count in Redis again',
    );
    expect(remaining[1]).toBe(remaining[0]! - 1);
  }, 120_000);
});
