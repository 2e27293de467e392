import { matchesAnyEventPattern, qualifiedEventType, toWebhookPayload } from '@oriva/contract/events';
import { newId } from '../ids.js';
import type { EventRecord, WebhookRecord } from './types.js';

/**
 * What an event writes to the webhook outbox, the same for every adapter: one delivery for each
 * active webhook of the event's own app whose subscriptions match the event's type.
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
