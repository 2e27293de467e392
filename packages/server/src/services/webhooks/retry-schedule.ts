/** The longest any retry waits, Retry-After included (before the test scale). */
export const MAX_RETRY_DELAY_SECONDS = 60 * 60;

/**
 * The design document's schedule (its Error Handling section; the column defaults of its SQL table,
 * 3 retries from 60 s, say otherwise): the webhook's `retry_backoff_seconds` (1 s by default) doubling
 * per attempt (1, 2, 4, 8, 16 s), ±20% jitter so a burst of failures does not retry in lockstep. A
 * receiver's `Retry-After` (on 429 and 503) is honoured when longer, capped at an hour.
 */
export function retryDelayMs(
  failedAttempts: number,
  backoffSeconds: number,
  retryAfterSeconds: number | undefined,
  scale: number,
  random: () => number = Math.random,
): number {
  const exponential = backoffSeconds * 2 ** Math.max(0, failedAttempts - 1);
  const jittered = exponential * (0.8 + 0.4 * random());
  const seconds = Math.min(MAX_RETRY_DELAY_SECONDS, Math.max(jittered, retryAfterSeconds ?? 0));
  return Math.round(seconds * 1000 * scale);
}
