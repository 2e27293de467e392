/**
 * The timestamp tolerance, in both directions, with messages that tell a replay from a wrong clock.
 *
 * @module
 */
import { WebhookVerificationError } from './errors.js';
import type { VerifyOptions } from './types.js';

/** Default accepted clock difference between the sender's timestamp and this server, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function checkTimestamp(timestamp: number, options: VerifyOptions | undefined): void {
  const tolerance = options?.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || Number.isNaN(tolerance) || tolerance < 0) {
    throw new TypeError(`toleranceSeconds must be a non-negative number of seconds, got ${String(tolerance)}.`);
  }
  if (tolerance === Number.POSITIVE_INFINITY) return;
  const nowOption = options?.now;
  const nowMs = nowOption === undefined ? Date.now() : typeof nowOption === 'number' ? nowOption : nowOption.getTime();
  if (!Number.isFinite(nowMs)) throw new TypeError(`options.now is not a valid time: ${String(nowOption)}.`);
  const now = Math.floor(nowMs / 1000);
  const age = now - timestamp;
  if (age <= tolerance && -age <= tolerance) return;
  const at = `webhook timestamp ${timestamp} = ${isoSeconds(timestamp)}, now ${now} = ${isoSeconds(now)}`;
  const nowHint =
    typeof nowOption === 'number' && nowOption < 1e11
      ? ' options.now looks like seconds; it must be milliseconds, like Date.now().'
      : '';
  if (age > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `Webhook timestamp is too old: ${formatDuration(age)} in the past, the tolerance is ${formatDuration(tolerance)} (${at}). This is a replayed or long-delayed delivery, or this server's clock is ahead; check that it is synchronised (NTP).${nowHint}`,
    );
  }
  throw new WebhookVerificationError(
    'timestamp_too_new',
    `Webhook timestamp is too new: ${formatDuration(-age)} in the future, the tolerance is ${formatDuration(tolerance)} (${at}). One of the clocks is wrong; check that this server's clock is synchronised (NTP).${nowHint}`,
  );
}

function formatDuration(seconds: number): string {
  if (seconds < 3600) return `${seconds} s`;
  if (seconds < 172800) return `${seconds} s = ${(seconds / 3600).toFixed(1)} h`;
  return `${seconds} s = ${Math.round(seconds / 86400)} days`;
}

function isoSeconds(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? 'invalid date' : date.toISOString().replace('.000Z', 'Z');
}
