/**
 * The SDK against the real server's rate limits: a limit that frees up in minutes fails at once with
 * what was reached and when it frees up; one that frees up in a second is waited out and retried.
 */
import { type Fetch, Oriva, RateLimitError } from '@oriva/sdk';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '@oriva/server/testing';
import { afterEach, describe, expect, it } from 'vitest';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function limitedApp(limits: string) {
  const server = await startTestServer({ ORIVA_RATE_LIMITS: limits });
  servers.push(server);
  const apiKey = await server.createApp('limited');
  const statuses: number[] = [];
  // The transport is the SDK's injection point: it only records what the server answered.
  const fetch: Fetch = async (url, init) => {
    const response = await globalThis.fetch(url, init);
    statuses.push(response.status);
    return response;
  };
  const client = new Oriva({ apiKey, appId: 'limited', baseUrl: server.url, fetch });
  return { client, statuses };
}

describe('@oriva/sdk and the rate limits of the real server', () => {
  it('throws RateLimitError at once, with retryAfter, limit and window, when the limit frees up in minutes', async () => {
    const { client, statuses } = await limitedApp('webhooks=2/15m');
    await client.webhooks.list();
    await client.webhooks.list();

    const started = Date.now();
    const error = await client.webhooks.list().catch((caught: unknown) => caught);
    const elapsed = Date.now() - started;

    expect(error).toBeInstanceOf(RateLimitError);
    const limited = error as RateLimitError;
    expect(limited.code).toBe('rate_limited');
    expect(limited.limit).toBe(2);
    expect(limited.window).toBe(900);
    expect(limited.remaining).toBe(0);
    expect(limited.retryAfter).toBeGreaterThan(60);
    expect(limited.retryAfter).toBeLessThanOrEqual(900);
    expect(limited.resetsAt!.getTime()).toBeGreaterThan(Date.now() + 60_000);
    expect(limited.message).toContain('Rate limit reached for webhook management: 2 requests per 15 min');
    // Not retried: the server asked for minutes and the default maxRetryWait is seconds.
    expect(statuses).toEqual([200, 200, 429]);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('waits out a short Retry-After and retries, unless maxRetryWait for the call is shorter', async () => {
    // A window of a few seconds: its Retry-After is under the default maxRetryWait (5 s).
    const { client, statuses } = await limitedApp('events=1/3s');
    await client.events.publish(DESIGN_DOC_EVENT);

    const impatient = await client.events
      .publish({ ...DESIGN_DOC_EVENT, entity_id: 'impatient' }, { maxRetryWait: 0 })
      .catch((caught: unknown) => caught);
    expect(impatient).toBeInstanceOf(RateLimitError);
    expect((impatient as RateLimitError).retryAfter).toBeGreaterThan(0);
    expect((impatient as RateLimitError).retryAfter).toBeLessThanOrEqual(3);

    const retried = await client.events.publish({ ...DESIGN_DOC_EVENT, entity_id: 'after-the-wait' });
    expect(retried.event_id).toMatch(/^evt_/);
    expect(statuses).toEqual([200, 429, 429, 200]);
  });
});
