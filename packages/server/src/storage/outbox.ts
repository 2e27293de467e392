import { matchesAnyEventPattern, qualifiedEventType, toWebhookPayload } from '@oriva/contract/events';
import { newId } from '../ids.js';
import { type EventRecord, TEST_DELIVERY_TYPE, type WebhookRecord } from './types.js';

/**
 * What an event writes to the webhook outbox, the same for every adapter: one delivery for each
 * active webhook of the event's own app whose subscriptions match the event's type, except the
 * webhook the event is about (`entity_type` `webhook`): an endpoint that is failing would not hear of
 * it, and telling it would feed its own failures.
 */

/** The delivery body, as the contract builds it (`toWebhookPayload`), for real deliveries and the test event alike. */
export function deliveryPayload(event: EventRecord): string {
  return JSON.stringify(toWebhookPayload({ ...event, event_data: JSON.parse(event.event_data) }));
}

export interface OutboxRow {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  next_attempt_at: string;
  created_at: string;
}

export function outboxRows(event: EventRecord, webhooks: readonly WebhookRecord[]): OutboxRow[] {
  const type = qualifiedEventType(event);
  const rows: OutboxRow[] = [];
  let payload: string | undefined;
  for (const webhook of webhooks) {
    if (!webhook.is_active || !matchesAnyEventPattern(webhook.subscribed_events, type)) continue;
    // The test event is about its webhook too, and is meant for it alone.
    if (type !== TEST_DELIVERY_TYPE && event.entity_type === 'webhook' && event.entity_id === webhook.id) continue;
    payload ??= deliveryPayload(event);
    rows.push({
      id: newId('del'),
      webhook_id: webhook.id,
      event_id: event.id,
      event_type: type,
      payload,
      next_attempt_at: event.timestamp,
      created_at: event.timestamp,
    });
  }
  return rows;
}
