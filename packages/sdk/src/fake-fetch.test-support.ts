/**
 * Test doubles: a `fetch` that records every call and answers from a script, and an `Oriva`
 * whose waits between retries are recorded instead of slept. No network, no timers.
 */

import type { ClientOptions } from './client.js';
import { Oriva } from './client.js';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  /** The parsed JSON body, or `undefined` when none was sent. */
  body: unknown;
  signal: AbortSignal | undefined;
}

/** A scripted answer: a response, an error to throw (a connection failure), or a function of the call. */
export type Answer = Response | Error | ((call: RecordedCall) => Response | Promise<Response>);

export interface FakeFetch {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  calls: RecordedCall[];
}

/** A fetch that answers the n-th call with the n-th answer, and fails the test on an unexpected extra call. */
export function fakeFetch(...answers: Answer[]): FakeFetch {
  const calls: RecordedCall[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const text = typeof init.body === 'string' ? init.body : undefined;
    const call: RecordedCall = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: text === undefined ? undefined : JSON.parse(text),
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const answer = answers[calls.length - 1];
    if (answer === undefined) throw new Error(`fakeFetch: unexpected call #${calls.length} to ${call.method} ${url}`);
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(call);
    return answer;
  };
  return { fetch, calls };
}

/** A JWT-shaped token with these claims and a dummy signature: the SDK only decodes it, the server verifies it. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

/** A JSON response with an `X-Request-Id`. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req_test', ...headers },
  });
}

/** An Oriva error response. */
export function apiError(
  status: number,
  code: string,
  message: string,
  extra: { headers?: Record<string, string>; requestId?: string; fields?: unknown[] } = {},
): Response {
  const requestId = extra.requestId ?? `req_${status}`;
  const error: Record<string, unknown> = { code, message, status, request_id: requestId };
  if (extra.fields) error.fields = extra.fields;
  return json(status, { success: false, error }, { 'x-request-id': requestId, ...extra.headers });
}

/** A fetch that never answers until its signal aborts, then rejects like the real one. */
export function hangingFetchAnswer(call: RecordedCall): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const signal = call.signal;
    if (!signal) return;
    const fail = () => reject(signal.reason ?? new DOMException('This operation was aborted', 'AbortError'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** An `Oriva` that records each wait between retries (in ms) instead of sleeping, with jitter fixed at its midpoint. */
export class TestOriva extends Oriva {
  readonly sleeps: number[] = [];

  protected override sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return signal?.aborted ? super.sleep(0, signal) : Promise.resolve();
  }

  protected override random(): number {
    return 0.5;
  }
}

/** A test client: an app key for `work-buddy` on `http://oriva.test`, answering from `answers`. */
export function testClient(
  answers: Answer[],
  options: ClientOptions = {},
): { client: TestOriva; calls: RecordedCall[] } {
  const { fetch, calls } = fakeFetch(...answers);
  const client = new TestOriva({
    apiKey: 'ok_test_key',
    appId: 'work-buddy',
    baseUrl: 'http://oriva.test',
    fetch,
    ...options,
  });
  return { client, calls };
}
