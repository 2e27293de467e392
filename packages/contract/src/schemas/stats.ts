import { z } from '@hono/zod-openapi';
import { AppId, dateTimeInput, SuccessFlag, Timestamp } from './common.js';

/** The bucket sizes a stats query may ask for. */
export const StatsInterval = z.enum(['minute', 'hour', 'day']).openapi('StatsInterval');

/** The most points one series may hold: a day of minutes, two months of hours, four years of days. */
export const MAX_STATS_POINTS = 1_500;

export const StatsQuery = z
  .strictObject({
    from: dateTimeInput()
      .optional()
      .openapi({ description: 'Start (ISO-8601), rounded down to the interval. Default: `to` minus 24 hours.' }),
    to: dateTimeInput()
      .optional()
      .openapi({ description: 'End, exclusive (ISO-8601), rounded up to the interval. Default: now.' }),
    interval: StatsInterval.default('hour').openapi({
      description: `Bucket size of the series. At most ${MAX_STATS_POINTS} buckets per query.`,
    }),
  })
  .openapi('StatsQuery');

const count = () => z.number().int().min(0);
/** A share in [0, 1], null when there is nothing to divide by. */
const Rate = z.number().min(0).max(1).nullable();

export const NotificationStats = z
  .object({
    created: count(),
    delivered: count().openapi({ description: 'First reached their user (`delivered_at` set): served or pushed.' }),
    seen: count().openapi({ description: 'First read, clicked or dismissed (each notification once).' }),
    read: count(),
    clicked: count(),
    dismissed: count(),
    acted: count().openapi({ description: 'First clicked or dismissed (each notification once).' }),
    expired: count(),
    expired_undelivered: count().openapi({
      description: 'Expired before they ever reached their user: failed deliveries.',
    }),
  })
  .openapi('NotificationStats');

export const LatencyPercentiles = z
  .object({
    p50: z.number().nullable(),
    p95: z.number().nullable(),
    p99: z.number().nullable(),
  })
  .openapi('LatencyPercentiles', {
    description:
      "Webhook delivery latency in milliseconds, from a log-scale histogram with four buckets per doubling: each figure is its bucket's upper bound, at most 19% above the true value. Null without attempts.",
  });

export const WebhookStats = z
  .object({
    attempts: count(),
    succeeded: count(),
    failed: count(),
    exhausted: count().openapi({ description: 'Deliveries that failed their last retry.' }),
    latency_ms: LatencyPercentiles,
  })
  .openapi('WebhookStats');

export const StreamStats = z
  .object({
    opened: count().openapi({ description: 'Stream connections opened.' }),
    peak: count().openapi({ description: 'The most open at once in a bucket (the largest over the range in totals).' }),
  })
  .openapi('StreamStats');

export const StatsRates = z
  .object({
    view_rate: Rate.openapi({ description: 'seen ÷ created (the design document: 80% of notifications viewed).' }),
    action_rate: Rate.openapi({
      description: 'acted ÷ created: clicked or dismissed (the design document: action rate above 30%).',
    }),
    delivery_failure_rate: Rate.openapi({
      description: 'expired_undelivered ÷ created (the design document: under 5% delivery failures).',
    }),
    webhook_success_rate: Rate.openapi({
      description: 'succeeded ÷ attempts (the design document: above 95% webhook delivery success).',
    }),
  })
  .openapi('StatsRates', { description: 'Ratios over the bucket or range, capped at 1; null when the divisor is 0.' });

export const StatsPoint = z
  .object({
    start: Timestamp,
    events: count(),
    notifications: NotificationStats,
    webhooks: WebhookStats,
    stream: StreamStats,
    rates: StatsRates,
  })
  .openapi('StatsPoint');

export const FailingEndpoint = z
  .object({
    webhook_id: z.string(),
    attempts: count(),
    failed: count(),
    failure_rate: z.number().min(0).max(1),
    alerting: z.boolean().openapi({
      description: "Past the design document's alert threshold: failure rate above 10% with at least 10 attempts.",
    }),
  })
  .openapi('FailingEndpoint');

export const StatsTotals = z
  .object({
    events: z.object({ total: count(), by_type: z.record(z.string(), count()) }),
    notifications: NotificationStats.extend({ by_type: z.record(z.string(), NotificationStats) }),
    webhooks: WebhookStats.extend({
      failing_endpoints: z.array(FailingEndpoint).openapi({
        description: 'Endpoints with failed attempts in the range, highest failure rate first (at most 20).',
      }),
    }),
    stream: StreamStats,
    rates: StatsRates,
  })
  .openapi('StatsTotals');

/**
 * The design document's success metrics ("Success Metrics": User Engagement and System Performance) that
 * the rollups can measure, with their targets: the server reports each against its figure, and a
 * console can draw them as lines on its charts.
 */
export const STATS_TARGETS = [
  { metric: 'view_rate', comparison: 'at_least', target: 0.8 },
  { metric: 'action_rate', comparison: 'at_least', target: 0.3 },
  { metric: 'delivery_failure_rate', comparison: 'at_most', target: 0.05 },
  { metric: 'webhook_success_rate', comparison: 'at_least', target: 0.95 },
  { metric: 'webhook_latency_p95_ms', comparison: 'at_most', target: 5_000 },
] as const;

/** The design document's alert threshold for a failing endpoint: above 10% failures, at least 10 attempts. */
export const FAILING_ENDPOINT_THRESHOLD = { failureRate: 0.1, minAttempts: 10 } as const;

type TargetMetric = (typeof STATS_TARGETS)[number]['metric'];

export const StatsTarget = z
  .object({
    metric: z.enum(STATS_TARGETS.map((target) => target.metric) as [TargetMetric, ...TargetMetric[]]),
    comparison: z.enum(['at_least', 'at_most']),
    target: z.number(),
    value: z.number().nullable().openapi({ description: 'The figure over the range (null: nothing to measure).' }),
    met: z.boolean().nullable(),
  })
  .openapi('StatsTarget', { description: "One of the design document's success metrics, against its target." });

const statsBody = {
  success: SuccessFlag,
  from: Timestamp,
  to: Timestamp,
  interval: StatsInterval,
  totals: StatsTotals,
  series: z.array(StatsPoint).openapi({ description: 'One point per bucket in [from, to), oldest first.' }),
  targets: z.array(StatsTarget),
};

export const AppStatsResponse = z.object({ app_id: AppId, ...statsBody }).openapi('AppStatsResponse');

export const AdminStatsResponse = z
  .object({
    ...statsBody,
    apps: z.array(z.object({ app_id: z.string(), totals: StatsTotals })).openapi({
      description: "Each app's totals, most events first (a user's streams across apps are in the total only).",
    }),
  })
  .openapi('AdminStatsResponse');
