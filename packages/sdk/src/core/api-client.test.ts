import { describe, expect, it } from 'vitest';
import { Oriva } from '../client.js';
import { apiError, hangingFetchAnswer, json, testClient } from '../fake-fetch.test-support.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  RateLimitError,
} from './errors.js';
import { retryAfterMs, retryDelayMs, shouldRetryResponse } from './retry.js';

const published = { success: true, event_id: 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T', timestamp: '2025-09-30T10:30:00.000Z' };
const event = {
  event_category: 'task',
  event_type: 'created',
  entity_type: 'task',
  entity_id: 't_1',
  user_id: 'user_456',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('retry policy', () => {
  it('retries 408, 409, 429 and 5xx, unless the server says otherwise', () => {
    const none = new Headers();
    expect(
      [400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503].filter((s) => shouldRetryResponse(s, none)),
    ).toEqual([408, 409, 429, 500, 502, 503]);
    expect(shouldRetryResponse(503, new Headers({ 'x-should-retry': 'false' }))).toBe(false);
    expect(shouldRetryResponse(400, new Headers({ 'x-should-retry': 'true' }))).toBe(true);
  });

  it('backs off 0.5 s × 2^n, capped at 8 s, with ±25% jitter', () => {
    expect(retryDelayMs(0, undefined, () => 0.5)).toBe(500);
    expect(retryDelayMs(1, undefined, () => 0.5)).toBe(1000);
    expect(retryDelayMs(2, undefined, () => 0.5)).toBe(2000);
    expect(retryDelayMs(4, undefined, () => 0.5)).toBe(8000);
    expect(retryDelayMs(9, undefined, () => 0.5)).toBe(8000);
    expect(retryDelayMs(0, undefined, () => 0)).toBe(375);
    expect(retryDelayMs(0, undefined, () => 0.999999)).toBe(625);
  });

  it('honours retry-after-ms, then Retry-After in seconds or as an HTTP date, however long', () => {
    const now = Date.parse('2025-09-30T10:30:00.000Z');
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '150', 'retry-after': '9' }), now)).toBe(150);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue, 30 Sep 2025 10:30:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue, 30 Sep 2025 10:29:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ 'retry-after': '3600' }), now)).toBe(3_600_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'retry-after': '-5' }), now)).toBeUndefined();
    expect(retryDelayMs(1, new Headers({ 'retry-after': 'soon' }), () => 0.5, now)).toBe(1000);
  });
});

describe('retries', () => {
  it('retries a 429 after its Retry-After', async () => {
    const { client, calls } = testClient([
      apiError(429, 'rate_limited', 'Slow down', { headers: { 'retry-after': '2' } }),
      json(200, published),
    ]);
    await expect(client.events.publish(event)).resolves.toEqual(published);
    expect(calls).toHaveLength(2);
    expect(client.sleeps).toEqual([2000]);
  });

  it('throws RateLimitError at once when Retry-After is longer than maxRetryWait, per client and per call', async () => {
    const limited = () =>
      apiError(429, 'rate_limited', 'Slow down', {
        headers: {
          'retry-after': '687',
          'ratelimit-policy': '50;w=900',
          ratelimit: 'limit=50, remaining=0, reset=687',
        },
      });
    const { client, calls } = testClient([limited()]);
    const error = (await client.webhooks.list().catch((caught: unknown) => caught)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfter: 687, limit: 50, window: 900, remaining: 0 });
    expect(calls).toHaveLength(1);
    expect(client.sleeps).toEqual([]);

    const patient = testClient([limited(), json(200, { success: true, webhooks: [] })], { maxRetryWait: 700_000 });
    await patient.client.webhooks.list();
    expect(patient.client.sleeps).toEqual([687_000]);

    const hurried = testClient([apiError(429, 'rate_limited', 'Slow down', { headers: { 'retry-after': '2' } })]);
    await expect(hurried.client.events.publish(event, { maxRetryWait: 1_000 })).rejects.toBeInstanceOf(RateLimitError);
    expect(hurried.client.sleeps).toEqual([]);
  });

  it('throws RateLimitError when 429 persists past maxRetries', async () => {
    const limited = () => apiError(429, 'rate_limited', 'Slow down', { headers: { 'retry-after-ms': '10' } });
    const { client, calls } = testClient([limited(), limited(), limited()]);
    const error = await client.events.publish(event).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get('retry-after-ms')).toBe('10');
    expect(calls).toHaveLength(3);
    expect(client.sleeps).toEqual([10, 10]);
  });

  it('retries 500s with exponential backoff', async () => {
    const { client, calls } = testClient([
      apiError(500, 'internal', 'Boom'),
      apiError(503, 'unavailable', 'Down'),
      json(200, published),
    ]);
    await expect(client.events.publish(event)).resolves.toEqual(published);
    expect(calls).toHaveLength(3);
    expect(client.sleeps).toEqual([500, 1000]);
  });

  it('gives up after maxRetries, per client and per call', async () => {
    const boom = () => apiError(500, 'internal', 'Boom');
    const three = testClient([boom(), boom(), boom(), boom()]);
    await expect(three.client.events.publish(event)).rejects.toBeInstanceOf(InternalServerError);
    expect(three.calls).toHaveLength(3);

    const once = testClient([boom(), boom()], { maxRetries: 1 });
    await expect(once.client.events.publish(event)).rejects.toBeInstanceOf(InternalServerError);
    expect(once.calls).toHaveLength(2);

    const never = testClient([boom()]);
    await expect(never.client.events.publish(event, { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(never.calls).toHaveLength(1);
    expect(never.client.sleeps).toEqual([]);
  });

  it('retries connection errors (fetch throwing TypeError)', async () => {
    const { client, calls } = testClient([new TypeError('fetch failed'), json(200, published)]);
    await expect(client.events.publish(event)).resolves.toEqual(published);
    expect(calls).toHaveLength(2);
    expect(client.sleeps).toEqual([500]);
  });

  it('throws APIConnectionError with the cause once connection retries run out', async () => {
    const cause = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:8787') });
    const { client, calls } = testClient([cause, cause, cause]);
    const error = (await client.events.publish(event).catch((caught: unknown) => caught)) as APIConnectionError;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('Connection error: fetch failed: connect ECONNREFUSED 127.0.0.1:8787');
    expect(calls).toHaveLength(3);
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
  ] as const)('does not retry %i', async (status, ErrorClass) => {
    const { client, calls } = testClient([apiError(status, 'nope', 'No')]);
    await expect(client.events.publish(event)).rejects.toBeInstanceOf(ErrorClass);
    expect(calls).toHaveLength(1);
    expect(client.sleeps).toEqual([]);
  });

  it('respects x-should-retry: false on a retryable status', async () => {
    const { client, calls } = testClient([
      apiError(409, 'idempotency_key_reused', 'Key used with another body', { headers: { 'x-should-retry': 'false' } }),
    ]);
    const error = (await client.events.publish(event).catch((caught: unknown) => caught)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('idempotency_key_reused');
    expect(calls).toHaveLength(1);
  });

  it('retries when x-should-retry: true, even on a 400', async () => {
    const { client, calls } = testClient([
      apiError(400, 'transient', 'Try again', { headers: { 'x-should-retry': 'true' } }),
      json(200, published),
    ]);
    await expect(client.events.publish(event)).resolves.toEqual(published);
    expect(calls).toHaveLength(2);
  });

  it('retries a 409 idempotency_request_in_progress', async () => {
    const { client, calls } = testClient([
      apiError(409, 'idempotency_request_in_progress', 'In flight', { headers: { 'retry-after': '1' } }),
      json(200, published),
    ]);
    await expect(client.events.publish(event)).resolves.toEqual(published);
    expect(calls).toHaveLength(2);
    expect(client.sleeps).toEqual([1000]);
  });
});

describe('idempotency keys', () => {
  it('sends one key on every retry of a POST, and a new key for the next call', async () => {
    const { client, calls } = testClient([
      apiError(500, 'internal', 'Boom'),
      new TypeError('fetch failed'),
      json(200, published),
      json(200, published),
    ]);
    await client.events.publish(event);
    await client.events.publish(event);
    const keys = calls.map((call) => call.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    expect(keys[3]).toMatch(UUID);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it('uses the caller idempotencyKey on every attempt', async () => {
    const { client, calls } = testClient([apiError(502, 'bad_gateway', 'Oops'), json(200, published)]);
    await client.events.publish(event, { idempotencyKey: 'order-42-shipped' });
    expect(calls.map((call) => call.headers.get('idempotency-key'))).toEqual(['order-42-shipped', 'order-42-shipped']);
  });

  it('sends no key on GET, PATCH or DELETE', async () => {
    const app = { success: true, app: { app_id: 'work-buddy' } };
    const { client, calls } = testClient([json(200, app), json(200, app), new Response(null, { status: 204 })]);
    await client.apps.retrieve('work-buddy');
    await client.apps.update('work-buddy', { name: 'WB' });
    await expect(client.apps.keys.revoke('work-buddy', 'key_1')).resolves.toBeUndefined();
    expect(calls.map((call) => [call.method, call.headers.get('idempotency-key')])).toEqual([
      ['GET', null],
      ['PATCH', null],
      ['DELETE', null],
    ]);
  });
});

describe('timeouts and aborts', () => {
  it('abandons a slow attempt after timeout, retries it, then throws APIConnectionTimeoutError', async () => {
    const { client, calls } = testClient([hangingFetchAnswer, hangingFetchAnswer], { timeout: 20, maxRetries: 1 });
    const error = await client.events.publish(event).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe('Request timed out after 20 ms.');
    expect(calls).toHaveLength(2);
    expect(calls[0]?.signal?.aborted).toBe(true);
  });

  it('takes a per-call timeout', async () => {
    const { client, calls } = testClient([hangingFetchAnswer]);
    const error = await client.events.publish(event, { timeout: 15, maxRetries: 0 }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('Request timed out after 15 ms.');
    expect(calls).toHaveLength(1);
  });

  it('rejects with APIUserAbortError when the caller aborts, and does not retry', async () => {
    const controller = new AbortController();
    const { client, calls } = testClient([
      (call) => {
        setTimeout(() => controller.abort(), 5);
        return hangingFetchAnswer(call);
      },
    ]);
    const error = await client.events.publish(event, { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(calls).toHaveLength(1);
    expect(client.sleeps).toEqual([]);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { client, calls } = testClient([]);
    await expect(client.events.publish(event, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(calls).toHaveLength(0);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    const controller = new AbortController();
    const { client, calls } = testClient([
      () => {
        controller.abort();
        return apiError(503, 'unavailable', 'Down');
      },
    ]);
    await expect(client.events.publish(event, { signal: controller.signal })).rejects.toBeInstanceOf(APIUserAbortError);
    expect(calls).toHaveLength(1);
  });

  it('really sleeps between retries, and an abort cuts the sleep short', async () => {
    class Exposed extends Oriva {
      wait(ms: number, signal?: AbortSignal) {
        return this.sleep(ms, signal);
      }
    }
    const client = new Exposed({ apiKey: 'ok_a', fetch: async () => json(200, {}) });
    const started = Date.now();
    await client.wait(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const waiting = client.wait(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError);
  });
});
