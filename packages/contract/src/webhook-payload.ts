/**
 * The one builder of a webhook delivery's body, shared by the server's outbox (real deliveries and the test event)
 * and `oriva listen` (local forwards), so a receiver sees the same bytes from both.
 */
import type { WebhookPayload } from './schemas/webhooks.js';

/** An event in the design document's Event Format: `event_type` is the bare name (`dismissed`). */
export interface WebhookPayloadSource {
  id: string;
  app_id: string;
  event_category: string;
  event_type: string;
  entity_type: string;
  entity_id: string;
  user_id: string | null;
  event_data: Record<string, unknown>;
  timestamp: string;
}

/**
 * The delivery body for one event: the event with `type` and `event_type` both set to `<category>.<type>`.
 * Keys come in a fixed order, so `JSON.stringify` of the result is the same for the same event everywhere.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(toWebhookPayload(event)); // sign and send exactly this string
 * ```
 */
export function toWebhookPayload(event: WebhookPayloadSource): WebhookPayload {
  const type = `${event.event_category}.${event.event_type}`;
  return {
    id: event.id,
    type,
    event_category: event.event_category,
    event_type: type,
    entity_type: event.entity_type,
    entity_id: event.entity_id,
    user_id: event.user_id,
    app_id: event.app_id,
    event_data: event.event_data,
    timestamp: event.timestamp,
  };
}
