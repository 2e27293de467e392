import type { Webhook } from '@oriva/sdk';

/** An endpoint's state at a glance; the list shows failing ones first, where the eye lands. */
export type Health = 'disabled' | 'failing' | 'healthy' | 'idle';

export function healthOf(webhook: Webhook): Health {
  if (!webhook.is_active) return 'disabled';
  if (webhook.consecutive_failures > 0) return 'failing';
  return webhook.total_deliveries > 0 ? 'healthy' : 'idle';
}

const HEALTH_ORDER: Record<Health, number> = { failing: 0, disabled: 1, healthy: 2, idle: 3 };

/** Failing first (most consecutive failures first), then disabled, then the rest by URL: a stable order. */
export function failingFirst(webhooks: readonly Webhook[]): Webhook[] {
  return [...webhooks].sort(
    (a, b) =>
      HEALTH_ORDER[healthOf(a)] - HEALTH_ORDER[healthOf(b)] ||
      b.consecutive_failures - a.consecutive_failures ||
      a.webhook_url.localeCompare(b.webhook_url),
  );
}

/** Success rate over every attempt made, as "97.5%", or "–" before the first. */
export function successRate(webhook: Webhook): string {
  if (webhook.total_deliveries === 0) return '–';
  const rate = ((webhook.total_deliveries - webhook.total_failures) / webhook.total_deliveries) * 100;
  return `${rate.toFixed(rate === 100 || rate === 0 ? 0 : 1)}%`;
}

/** A timestamp in the reader's locale, or "never". */
export function when(timestamp: string | null | undefined): string {
  if (!timestamp) return 'never';
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : date.toLocaleString();
}

/** JSON for reading: indented; shown as text, never as markup. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** A `datetime-local` input's value (local time, no zone) as an ISO timestamp, or `null` when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A date as a `datetime-local` input's value, in local time to the minute. */
export function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** An error as one line for the page. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
