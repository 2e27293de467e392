import type { AppStatsResponse } from '@oriva/sdk';

export type StatsTarget = AppStatsResponse['targets'][number];
export type StatsTotals = AppStatsResponse['totals'];

/** The ranges the console offers, each with the bucket that keeps it under the API's 1,500 points. */
export const RANGES = {
  hour: { label: 'Last hour, by minute', minutes: 60, interval: 'minute' },
  day: { label: 'Last 24 hours, by hour', minutes: 24 * 60, interval: 'hour' },
  month: { label: 'Last 30 days, by day', minutes: 30 * 24 * 60, interval: 'day' },
} as const;
export type RangeId = keyof typeof RANGES;

/** The stats query for a range ending now. */
export function rangeQuery(range: RangeId, now = new Date()) {
  const { minutes, interval } = RANGES[range];
  return { from: new Date(now.getTime() - minutes * 60_000).toISOString(), interval };
}

/** A share in [0, 1] as "97.5%" (whole when it is whole), "–" when there is nothing to measure. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '–';
  const value = rate * 100;
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

/** Milliseconds as "840 ms" or "1.2 s", "–" without attempts. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** A count in the reader's locale, with at most one decimal (averages per minute). */
export function count(value: number): string {
  return value.toLocaleString(undefined, { maximumFractionDigits: 1 });
}

/** A bucket's start as the axis and the table show it: the time for minutes and hours, the date for days. */
export function bucketLabel(start: string, interval: 'minute' | 'hour' | 'day'): string {
  const date = new Date(start);
  return interval === 'day'
    ? date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
    : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** A rate per minute: two decimals below one a minute, so a quiet app's trickle does not read as 0. */
export function rateFigure(value: number): string {
  return value.toLocaleString(undefined, { maximumFractionDigits: value < 1 ? 2 : 1 });
}

/** Events per minute over the answer's range: what an operator compares apps by. */
export function perMinute(total: number, from: string, to: string): number {
  const minutes = (new Date(to).getTime() - new Date(from).getTime()) / 60_000;
  return minutes > 0 ? total / minutes : 0;
}

/** The design document's wording for each success metric the stats measure. */
export const METRIC_LABELS: Record<StatsTarget['metric'], string> = {
  view_rate: 'Notifications viewed',
  action_rate: 'Action rate',
  delivery_failure_rate: 'Notification delivery failures',
  webhook_success_rate: 'Webhook delivery success',
  webhook_latency_p95_ms: 'Webhook delivery p95',
};

/** A target's figure in its own unit: a duration for latency, a share for the rest. */
export function targetFigure(metric: StatsTarget['metric'], value: number | null): string {
  return metric === 'webhook_latency_p95_ms' ? duration(value) : percent(value);
}
