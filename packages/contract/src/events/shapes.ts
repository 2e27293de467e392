/**
 * The one place an event's public shape is written, for each channel that carries it: the REST API
 * (`toPublicEvent`), the stream (`toStreamEvent`) and webhook deliveries (`toWebhookPayload`, shared by
 * the server's outbox and `oriva listen`, so a receiver sees the same bytes from both). Keys come in a
 * fixed order, so `JSON.stringify` of a shape is the same for the same event everywhere.
 */
import type { z } from '@hono/zod-openapi';
import type { Event } from '../schemas/events.js';
import type { WebhookPayload } from '../schemas/webhooks.js';

/** An event in the design document's Event Format: `event_type` is the bare name (`dismissed`). */
export interface EventSource {
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

/** @deprecated Use `EventSource`: the same shape, named for every channel rather than one. */
export type WebhookPayloadSource = EventSource;

/** The event as the REST API lists it. */
export type PublicEvent = z.infer<typeof Event>;

/** The event as a stream frame carries it: `event_id` rather than `id`, and its position on the stream. */
export interface StreamEventFrame extends Omit<PublicEvent, 'id'> {
  event_id: string;
  position: number;
}

/** `<event_category>.<event_type>`: the name subscriptions, filters and the catalogue use. */
export function qualifiedEventType(event: Pick<EventSource, 'event_category' | 'event_type'>): string {
  return `${event.event_category}.${event.event_type}`;
}

/** The event as `GET /api/v1/apps/{app_id}/events` returns it. */
export function toPublicEvent(event: EventSource): PublicEvent {
  return {
    id: event.id,
    type: qualifiedEventType(event),
    app_id: event.app_id,
    event_category: event.event_category,
    event_type: event.event_type,
    entity_type: event.entity_type,
    entity_id: event.entity_id,
    user_id: event.user_id,
    event_data: event.event_data,
    timestamp: event.timestamp,
  };
}

/** The event as one stream frame: the REST shape with `event_id` and the stream position. */
export function toStreamEvent(event: EventSource & { position: number }): StreamEventFrame {
  const { id, ...shown } = toPublicEvent(event);
  return { event_id: id, ...shown, position: event.position };
}

/**
 * The delivery body for one event: the event with `type` and `event_type` both set to `<category>.<type>`.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(toWebhookPayload(event)); // sign and send exactly this string
 * ```
 */
export function toWebhookPayload(event: EventSource): WebhookPayload {
  const type = qualifiedEventType(event);
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
