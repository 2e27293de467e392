/**
 * Endpoint health, told as events to the app's stream and its other webhooks (docs/webhooks.md,
 * "Endpoint health"):
 *
 *            failure: > 10% of the last hour's attempts failed (≥ 10 of them),
 *                     or failures in a row reach half the disable threshold
 *   healthy ─────────────────────────────────────────────────────────────────▶ failing   webhook.failing
 *      ▲                                                                          │
 *      └──────────────────────────── the first success ◀─────────────────────────┘   webhook.recovered
 *
 * 10% is the design document's alert threshold for webhook failures; the 10 attempts keep one failure
 * of a quiet endpoint from counting as an outage. Recovering starts the counts afresh, so a flapping
 * endpoint is reported again only after 10 new attempts, not at every failure. Disabling
 * (`webhook.disabled`), re-enabling (`webhook.enabled`) and a delivery that spent its retries
 * (`delivery.exhausted`) are told the same way.
 *
 * The last hour is estimated from two hourly windows of counters kept as attempts complete (the
 * sliding-window counter: all of the current window, and of the previous one the share the last hour
 * still covers), so judging costs one row, never a scan of deliveries.
 */
import type { EventDataOf, ServerEventName } from '@oriva/contract';
import { newId } from '../../ids.js';
import type { EndpointHealth, EventRecord, HealthUpdate, WebhookRecord } from '../../storage/types.js';

export const FAILING_RATE = 0.1;
export const FAILING_MIN_ATTEMPTS = 10;
const HOUR_MS = 3_600_000;

/** The events that report on endpoints: a delivery of one of these that spends its retries reports nothing more. */
export const HEALTH_EVENT_TYPES: ReadonlySet<string> = new Set<ServerEventName>([
  'webhook.disabled',
  'webhook.failing',
  'webhook.recovered',
  'webhook.enabled',
  'delivery.exhausted',
]);

/** The hourly window `at` falls in, and the one before it. */
export function healthWindows(at: Date): Pick<HealthUpdate, 'window_start' | 'previous_window_start'> {
  const start = Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;
  return {
    window_start: new Date(start).toISOString(),
    previous_window_start: new Date(start - HOUR_MS).toISOString(),
  };
}

/** The last hour's attempts and failures, estimated from the two windows. */
export function lastHour(health: EndpointHealth, at: Date): { attempts: number; failures: number } {
  const elapsed = (at.getTime() - Date.parse(health.window_start)) / HOUR_MS;
  const previousShare = Math.min(1, Math.max(0, 1 - elapsed));
  return {
    attempts: Math.round(health.attempts + health.previous_attempts * previousShare),
    failures: Math.round(health.failures + health.previous_failures * previousShare),
  };
}

/** Why the endpoint counts as failing now, or undefined. */
export function failingReason(
  health: EndpointHealth,
  at: Date,
  disableAfter: number,
): EventDataOf<'webhook.failing'>['reason'] | undefined {
  const { attempts, failures } = lastHour(health, at);
  if (attempts >= FAILING_MIN_ATTEMPTS && failures / attempts > FAILING_RATE) return 'failure_rate';
  if (health.consecutive_failures >= Math.ceil(disableAfter / 2)) return 'consecutive_failures';
  return undefined;
}

/** What an attempt's outcome does to its endpoint's health: the windows it counts in, and the rule. */
export function healthUpdate(
  webhook: WebhookRecord,
  at: Date,
  attempt: { success: boolean; status_code: number | null },
  disableAfter: number,
): HealthUpdate {
  return {
    ...healthWindows(at),
    judge: (health) => {
      if (attempt.success) {
        if (health.failing_since === null) return undefined;
        return {
          failing_since: null,
          event: endpointEvent('webhook.recovered', webhook, at.toISOString(), {
            failing_since: health.failing_since,
            status_code: attempt.status_code ?? 200,
            webhook_url: webhook.webhook_url,
          }),
        };
      }
      if (health.failing_since !== null) return undefined;
      const reason = failingReason(health, at, disableAfter);
      if (!reason) return undefined;
      const { attempts, failures } = lastHour(health, at);
      return {
        failing_since: at.toISOString(),
        event: endpointEvent('webhook.failing', webhook, at.toISOString(), {
          reason,
          failure_rate: attempts > 0 ? Math.round((failures / attempts) * 1000) / 1000 : 0,
          attempts,
          failures,
          consecutive_failures: health.consecutive_failures,
          webhook_url: webhook.webhook_url,
        }),
      };
    },
  };
}

/**
 * One of the server's events about an endpoint: the app's own, in its event list and stream, about the
 * webhook (`entity_type` `webhook`), so the outbox never sends it to that webhook.
 */
export function endpointEvent<Name extends ServerEventName>(
  name: Name,
  webhook: Pick<WebhookRecord, 'id' | 'app_id'>,
  at: string,
  data: EventDataOf<Name>,
): EventRecord {
  const [category, type] = name.split('.') as [string, string];
  return {
    id: newId('evt'),
    app_id: webhook.app_id,
    user_id: null,
    event_category: category,
    event_type: type,
    entity_type: 'webhook',
    entity_id: webhook.id,
    event_data: JSON.stringify(data),
    timestamp: at,
    ip_address: null,
    user_agent: null,
  };
}
