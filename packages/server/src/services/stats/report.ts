import { FAILING_ENDPOINT_THRESHOLD, STATS_TARGETS } from '@oriva/contract';
import {
  LATENCY_SLOTS,
  type LatencyIncrement,
  latencySlotUpperMs,
  type StatsIncrement,
  type StatsMetric,
  type StatsRows,
} from '../../storage/types.js';
import type { StatsRange } from './range.js';

const NOTIFICATION_FIELDS = [
  'created',
  'delivered',
  'seen',
  'read',
  'clicked',
  'dismissed',
  'acted',
  'expired',
  'expired_undelivered',
] as const;
type NotificationField = (typeof NOTIFICATION_FIELDS)[number];
type NotificationCounts = Record<NotificationField, number>;

const WEBHOOK_FIELDS = ['attempts', 'succeeded', 'failed', 'exhausted'] as const;
type WebhookField = (typeof WEBHOOK_FIELDS)[number];

/** At most this many endpoints are listed as failing. */
const MAX_FAILING_ENDPOINTS = 20;

const notificationsZero = (): NotificationCounts =>
  Object.fromEntries(NOTIFICATION_FIELDS.map((field) => [field, 0])) as NotificationCounts;

/** The rollups of a range, added up into one bucket's or the whole range's figures. */
class Figures {
  events = 0;
  readonly notifications = notificationsZero();
  readonly webhooks: Record<WebhookField, number> = { attempts: 0, succeeded: 0, failed: 0, exhausted: 0 };
  readonly latency = new Array<number>(LATENCY_SLOTS).fill(0);
  opened = 0;
  /** Per app, the bucket's peak; summed over apps (their connections are open side by side). */
  readonly peaks = new Map<string, number>();

  add(row: StatsIncrement): void {
    const value = Number(row.value);
    const [group, field] = splitMetric(row.metric);
    if (group === 'events') this.events += value;
    else if (group === 'notifications') this.notifications[field as NotificationField] += value;
    else if (group === 'webhooks') this.webhooks[field as WebhookField] += value;
    else if (row.metric === 'stream.opened') this.opened += value;
    else if (row.metric === 'stream.peak') this.peaks.set(row.app_id, Math.max(this.peaks.get(row.app_id) ?? 0, value));
  }

  addLatency(row: LatencyIncrement): void {
    this.latency[Number(row.slot)]! += Number(row.count);
  }

  get peak(): number {
    let sum = 0;
    for (const value of this.peaks.values()) sum += value;
    return sum;
  }

  percentiles() {
    const total = this.latency.reduce((sum, count) => sum + count, 0);
    const at = (share: number) => {
      if (total === 0) return null;
      const rank = Math.max(1, Math.ceil(share * total));
      let seen = 0;
      for (let slot = 0; slot < LATENCY_SLOTS; slot++) {
        seen += this.latency[slot]!;
        if (seen >= rank) return latencySlotUpperMs(slot);
      }
      return latencySlotUpperMs(LATENCY_SLOTS - 1);
    };
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
  }

  rates() {
    const { created, seen, acted, expired_undelivered } = this.notifications;
    return {
      view_rate: ratio(seen, created),
      action_rate: ratio(acted, created),
      delivery_failure_rate: ratio(expired_undelivered, created),
      webhook_success_rate: ratio(this.webhooks.succeeded, this.webhooks.attempts),
    };
  }

  point(peak = this.peak) {
    return {
      events: this.events,
      notifications: { ...this.notifications },
      webhooks: { ...this.webhooks, latency_ms: this.percentiles() },
      stream: { opened: this.opened, peak },
      rates: this.rates(),
    };
  }
}

const splitMetric = (metric: StatsMetric) => {
  const dot = metric.indexOf('.');
  return [metric.slice(0, dot), metric.slice(dot + 1)] as const;
};

/** A share capped at 1 (a window can hold the views of notifications created before it); null over 0. */
const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.min(1, part / whole));

/** Totals of a range: the figures, by type, the failing endpoints, and the largest bucket peak. */
function totalsOf(counts: StatsIncrement[], latency: LatencyIncrement[], peak: number) {
  const all = new Figures();
  const eventsByType: Record<string, number> = {};
  const notificationsByType: Record<string, NotificationCounts> = {};
  const endpoints = new Map<string, { attempts: number; failed: number }>();
  for (const row of counts) {
    all.add(row);
    const value = Number(row.value);
    if (row.metric === 'events.published') eventsByType[row.dim] = (eventsByType[row.dim] ?? 0) + value;
    else if (row.metric.startsWith('notifications.')) {
      const byType = notificationsByType[row.dim] ?? notificationsZero();
      notificationsByType[row.dim] = byType;
      byType[splitMetric(row.metric)[1] as NotificationField] += value;
    } else if (row.metric === 'webhooks.attempts' || row.metric === 'webhooks.failed') {
      const endpoint = endpoints.get(row.dim) ?? { attempts: 0, failed: 0 };
      endpoint[row.metric === 'webhooks.attempts' ? 'attempts' : 'failed'] += value;
      endpoints.set(row.dim, endpoint);
    }
  }
  for (const row of latency) all.addLatency(row);
  const failing = [...endpoints]
    .filter(([, endpoint]) => endpoint.failed > 0)
    .map(([webhook_id, { attempts, failed }]) => {
      const failure_rate = Math.min(1, failed / Math.max(attempts, 1));
      return {
        webhook_id,
        attempts,
        failed,
        failure_rate,
        alerting:
          failure_rate > FAILING_ENDPOINT_THRESHOLD.failureRate && attempts >= FAILING_ENDPOINT_THRESHOLD.minAttempts,
      };
    })
    .sort((a, b) => b.failure_rate - a.failure_rate || b.failed - a.failed || (a.webhook_id < b.webhook_id ? -1 : 1))
    .slice(0, MAX_FAILING_ENDPOINTS);
  const point = all.point(peak);
  return {
    events: { total: point.events, by_type: eventsByType },
    notifications: { ...point.notifications, by_type: notificationsByType },
    webhooks: { ...point.webhooks, failing_endpoints: failing },
    stream: point.stream,
    rates: point.rates,
  };
}

type Totals = ReturnType<typeof totalsOf>;

function targetsOf(totals: Totals) {
  const figures: Record<(typeof STATS_TARGETS)[number]['metric'], number | null> = {
    ...totals.rates,
    webhook_latency_p95_ms: totals.webhooks.latency_ms.p95,
  };
  return STATS_TARGETS.map(({ metric, comparison, target }) => {
    const value = figures[metric];
    const met = value === null ? null : comparison === 'at_least' ? value >= target : value <= target;
    return { metric, comparison, target, value, met };
  });
}

/** The series (one point per bucket of the range, empty ones included) and the range's totals. */
export function statsReport(range: StatsRange, rows: StatsRows) {
  const buckets = new Map<number, Figures>();
  const figuresAt = (bucket: number) => {
    let figures = buckets.get(bucket);
    if (!figures) {
      figures = new Figures();
      buckets.set(bucket, figures);
    }
    return figures;
  };
  for (const row of rows.counts) figuresAt(Number(row.bucket)).add(row);
  for (const row of rows.latency) figuresAt(Number(row.bucket)).addLatency(row);
  const series = [];
  let peak = 0;
  for (let bucket = range.from; bucket < range.to; bucket += range.grain) {
    const point = (buckets.get(bucket) ?? new Figures()).point();
    peak = Math.max(peak, point.stream.peak);
    series.push({ start: new Date(bucket * 1000).toISOString(), ...point });
  }
  const totals = totalsOf(rows.counts, rows.latency, peak);
  return {
    from: new Date(range.from * 1000).toISOString(),
    to: new Date(range.to * 1000).toISOString(),
    interval: range.interval,
    totals,
    series,
    targets: targetsOf(totals),
  };
}

/** The operator's report: the whole, and each app's totals (most events first). */
export function adminStatsReport(range: StatsRange, rows: StatsRows) {
  const report = statsReport(range, rows);
  const byApp = new Map<string, StatsRows>();
  const of = (appId: string) => {
    let appRows = byApp.get(appId);
    if (!appRows) {
      appRows = { counts: [], latency: [] };
      byApp.set(appId, appRows);
    }
    return appRows;
  };
  for (const row of rows.counts) if (row.app_id !== '') of(row.app_id).counts.push(row);
  for (const row of rows.latency) if (row.app_id !== '') of(row.app_id).latency.push(row);
  const apps = [...byApp]
    .map(([app_id, appRows]) => ({ app_id, totals: statsReport(range, appRows).totals }))
    .sort((a, b) => b.totals.events.total - a.totals.events.total || (a.app_id < b.app_id ? -1 : 1));
  return { ...report, apps };
}
