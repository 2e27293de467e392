/** Retry policy: which responses are retried, and how long to wait before the next attempt. */

/** The first backoff delay; it doubles on every retry. */
export const INITIAL_RETRY_DELAY_MS = 500;
/** The longest backoff delay, before jitter. */
export const MAX_RETRY_DELAY_MS = 8_000;
/**
 * The longest server-requested wait (`Retry-After`) the SDK sleeps through by default. A longer one
 * (a rate-limit window that frees up in minutes) fails the call at once instead of hanging.
 */
export const DEFAULT_MAX_RETRY_WAIT_MS = 5_000;
/** Backoff delays vary by ±25% so that many clients do not retry in lockstep. */
export const RETRY_JITTER = 0.25;

/**
 * Whether a failed response may be retried. The server decides with `x-should-retry: true|false`
 * (a 409 `idempotency_key_reused` carries `false`); otherwise 408, 409, 429 and 5xx are retried.
 */
export function shouldRetryResponse(status: number, headers: Headers): boolean {
  const verdict = headers.get('x-should-retry')?.trim().toLowerCase();
  if (verdict === 'true') return true;
  if (verdict === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The server's requested wait in ms, from `retry-after-ms`, else `Retry-After` (seconds or an
 * HTTP date), at least 0; `undefined` when absent or unparseable.
 */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  let wait: number | undefined;
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) wait = Number.parseFloat(ms);
  if (wait === undefined) {
    const value = headers.get('retry-after')?.trim();
    if (value && /^\d+(\.\d+)?$/.test(value)) {
      wait = Number.parseFloat(value) * 1000;
    } else if (value && /[a-z]/i.test(value)) {
      // An HTTP date (`Wed, 21 Oct 2025 07:28:00 GMT`); a bare `-5` is not one.
      const date = Date.parse(value);
      if (!Number.isNaN(date)) wait = date - now;
    }
  }
  if (wait === undefined || !Number.isFinite(wait)) return undefined;
  return Math.max(0, Math.round(wait));
}

/**
 * Whether the server asks for a longer wait than the caller accepts (`maxRetryWait`): then the call
 * fails at once with the server's answer, which says when to come back, instead of sleeping.
 */
export function exceedsRetryWait(headers: Headers, maxRetryWaitMs: number, now: number = Date.now()): boolean {
  const requested = retryAfterMs(headers, now);
  return requested !== undefined && requested > maxRetryWaitMs;
}

/**
 * How long to wait before retry number `retry` (0 for the first retry): the server's
 * `Retry-After` when given, else `min(500 ms × 2^retry, 8 s)` ± 25% jitter.
 * `random` returns a number in [0, 1), like `Math.random`.
 */
export function retryDelayMs(
  retry: number,
  headers: Headers | undefined,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const requested = retryAfterMs(headers, now);
  if (requested !== undefined) return requested;
  const base = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retry, MAX_RETRY_DELAY_MS);
  const jitter = 1 - RETRY_JITTER + 2 * RETRY_JITTER * random();
  return Math.round(base * jitter);
}
