import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dropSchema, startTestServer } from '@oriva/server/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startPrivateRedis } from '../scale-out/cluster.test-support.js';
import { countingReceiver, percentile, sleep, steadyLoad } from './load.test-support.js';

const database = process.env.ORIVA_TEST_DATABASE_URL;
const redisInstalled = existsSync('/usr/bin/redis-server');
if (!redisInstalled) console.warn('skipping the Redis outage test: redis-server is not installed');

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.skipIf(!redisInstalled || !database)('Redis restarted under load', () => {
  it('keeps answering without queueing, and delivers every acknowledged event', async () => {
    // The shared PostgreSQL keeps running (its own schema); only this test's Redis goes away.
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.stop());
    const schema = `oriva_outage_${randomBytes(6).toString('hex')}`;
    const receiver = await countingReceiver();
    cleanups.push(() => receiver.close());
    const server = await startTestServer({
      ORIVA_DATABASE_URL: database as string,
      ORIVA_DATABASE_SCHEMA: schema,
      ORIVA_REDIS_URL: redis.url,
      ORIVA_RATE_LIMITS: 'events=1000000/15m',
    });
    cleanups.push(async () => {
      await server.close();
      await dropSchema(database as string, schema);
    });
    const apiKey = await server.createApp('outage');
    const hook = await server.request('/api/v1/apps/outage/webhooks', {
      method: 'POST',
      token: apiKey,
      json: { webhook_url: receiver.url, subscribed_events: ['*'], max_retries: 10, retry_backoff_seconds: 1 },
    });
    expect(hook.status).toBe(201);
    receiver.setSecret(((await hook.json()) as { webhook_secret: string }).webhook_secret);

    const load = steadyLoad({ url: server.url, appId: 'outage', apiKey, publishers: 4, readers: 2 });
    // Time-boxed phases that also wait for enough answers, however slow the machine.
    const answersSince = (since: number, kind?: 'publish') =>
      load.answers.filter((answer) => answer.at >= since && (kind === undefined || answer.kind === kind)).length;
    const phase = async (since: number, atLeastMs: number, enough: () => boolean) => {
      const deadline = since + 15_000;
      while ((Date.now() < since + atLeastMs || !enough()) && Date.now() < deadline) await sleep(50);
    };
    await phase(Date.now(), 1_000, () => answersSince(0, 'publish') >= 10);
    await redis.stop();
    const down = Date.now();
    await phase(down, 3_000, () => answersSince(down) > 20);
    const restarted = await startPrivateRedis(redis.port);
    cleanups.push(() => restarted.stop());
    const up = Date.now();
    await phase(up, 1_500, () => answersSince(up, 'publish') > 5);
    await load.stop();

    const { answers } = load;
    // Redis holds nothing the API needs to answer: rate limits fail open, the stream bus catches up
    // from the database. So every answer is a 2xx, and none waits on a reconnect.
    expect(answers.filter(({ status }) => status < 200 || status >= 300).slice(0, 5)).toEqual([]);
    const whileDown = answers.filter(({ at }) => at >= down && at < up);
    expect(whileDown.length).toBeGreaterThan(20);
    expect(
      percentile(
        whileDown.map(({ ms }) => ms),
        99,
      ),
    ).toBeLessThan(1_000);
    expect(answers.filter(({ at, kind }) => at >= up && kind === 'publish').length).toBeGreaterThan(5);

    const ids = answers.filter(({ kind }) => kind === 'publish').map(({ eventId }) => eventId as string);
    const deadline = Date.now() + 30_000;
    while (ids.some((id) => !receiver.received.has(id)) && Date.now() < deadline) await sleep(100);
    expect(ids.filter((id) => !receiver.received.has(id))).toEqual([]);
    console.info(
      `redis outage: ${answers.length} answers, p99 ${percentile(
        whileDown.map(({ ms }) => ms),
        99,
      ).toFixed(1)} ms while Redis was down (${percentile(
        answers.filter(({ at }) => at < down).map(({ ms }) => ms),
        99,
      ).toFixed(1)} ms before), ${ids.length} acknowledged and delivered`,
    );
  }, 60_000);
});
