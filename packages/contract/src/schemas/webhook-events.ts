import { z } from '@hono/zod-openapi';
import { Notification, NotificationStatus } from './notifications.js';
import { WebhookPayload } from './webhooks.js';

/**
 * The `event_data` of every event the server itself records, by event name. The server builds each
 * event with the matching type (`EventDataOf<'notification.read'>`), and the document's `webhooks:`
 * section is generated from these schemas, so the two cannot drift apart.
 *
 * Apps may publish events under the same names (the design document's sync call); those carry the
 * app's own `event_data`.
 */

const Actor = z.enum(['app', 'user', 'admin', 'system']).openapi('EventActor', {
  description: 'Who caused the change: the owning app, the user, the admin, or the server itself (`system`).',
});

const PlatformId = z
  .string()
  .openapi({ description: 'The platform id of the notification.', example: 'ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T' });

const StateChange = (status: z.ZodType<string>) =>
  z.object({
    notification_id: PlatformId,
    previous_status: NotificationStatus,
    status,
    changed_by: Actor,
    dismissed_from: z.string().optional().openapi({ description: 'Where it was dismissed, when the caller said.' }),
    click_action: z.string().optional().openapi({ description: 'What the click did, when the caller said.' }),
  });

const notificationEvents = {
  'notification.created': z
    .object({
      notification_id: PlatformId,
      notification: Notification.openapi({ description: 'The whole notification, so a feed can show it at once.' }),
    })
    .openapi('NotificationCreatedData'),
  'notification.read': StateChange(z.literal('read')).openapi('NotificationReadData'),
  'notification.clicked': StateChange(z.literal('clicked')).openapi('NotificationClickedData'),
  'notification.dismissed': StateChange(z.literal('dismissed')).openapi('NotificationDismissedData'),
  'notification.unread': StateChange(z.literal('unread')).openapi('NotificationUnreadData'),
  'notification.expired': z
    .object({
      notification_id: PlatformId,
      previous_status: NotificationStatus,
      status: z.literal('expired'),
      changed_by: z.literal('system'),
    })
    .openapi('NotificationExpiredData'),
  'notification.updated': z
    .object({
      notification_id: PlatformId,
      changed_fields: z.array(z.string()).openapi({ example: ['title', 'body'] }),
      changed_by: Actor,
    })
    .openapi('NotificationUpdatedData'),
  'notification.deleted': z
    .object({ notification_id: PlatformId, deleted_by: Actor })
    .openapi('NotificationDeletedData'),
  'notification.read_all': z
    .object({
      count: z.number().int().openapi({ description: "How many of this app's notifications were marked read." }),
      external_ids: z.array(z.string()).openapi({ description: 'Their external ids (the first 100).' }),
      notification_ids: z.array(z.string()).openapi({ description: 'Their platform ids (the first 100).' }),
      truncated: z.boolean().openapi({ description: 'More were marked than listed.' }),
      changed_by: Actor,
    })
    .openapi('NotificationReadAllData'),
};

const WebhookUrl = z.string().openapi({ description: 'The endpoint the event is about.' });

/**
 * Endpoint health (docs/webhooks.md, "Endpoint health"). Each is about one endpoint (`entity_type`
 * `webhook`, `entity_id` its id) and goes to the app's stream and its other webhooks, never to the
 * endpoint it is about.
 */
const webhookEvents = {
  'webhook.disabled': z
    .object({
      reason: z.enum(['gone', 'too_many_failures', 'receiver_requested']).openapi({
        description:
          '`gone`: the endpoint answered 410 Gone; `too_many_failures`: too many deliveries failed in a row; `receiver_requested`: the endpoint answered with the header `webhook-delivery: disable`.',
      }),
      consecutive_failures: z.number().int(),
      webhook_url: WebhookUrl,
    })
    .openapi('WebhookDisabledData'),
  'webhook.failing': z
    .object({
      reason: z.enum(['failure_rate', 'consecutive_failures']).openapi({
        description:
          "`failure_rate`: more than 10% of the last hour's attempts failed, over at least 10 attempts; `consecutive_failures`: half the failures in a row that disable an endpoint.",
      }),
      failure_rate: z
        .number()
        .openapi({ description: "The last hour's failed share of attempts, 0 to 1.", example: 0.25 }),
      attempts: z
        .number()
        .int()
        .openapi({ description: 'Attempts in the last hour (an estimate across two hourly windows).' }),
      failures: z.number().int().openapi({ description: 'Failed attempts in the last hour (the same estimate).' }),
      consecutive_failures: z.number().int(),
      webhook_url: WebhookUrl,
    })
    .openapi('WebhookFailingData'),
  'webhook.recovered': z
    .object({
      failing_since: z.string().openapi({ description: 'When the endpoint was reported failing.' }),
      status_code: z.number().int().openapi({ description: 'The status of the attempt that succeeded.' }),
      webhook_url: WebhookUrl,
    })
    .openapi('WebhookRecoveredData'),
  'webhook.enabled': z
    .object({
      previous_disabled_reason: z.string().nullable().openapi({ description: 'Why it had been disabled.' }),
      webhook_url: WebhookUrl,
    })
    .openapi('WebhookEnabledData'),
  'webhook.test': z.object({ message: z.string(), webhook_url: z.string() }).openapi('WebhookTestData'),
};

const deliveryEvents = {
  'delivery.exhausted': z
    .object({
      delivery_id: z.string(),
      webhook_id: z.string(),
      event_id: z.string().openapi({ description: 'The event whose delivery gave up.' }),
      event_type: z.string().openapi({ example: 'notification.dismissed' }),
      attempts: z.number().int(),
      last_status_code: z.number().int().nullable(),
      last_error: z.string().nullable(),
      webhook_url: WebhookUrl,
    })
    .openapi('DeliveryExhaustedData'),
};

/**
 * What Oriva Core says about its users (`POST /api/v1/platform/events`): delivered only to the apps
 * that already deal with the user. Apps may not publish into these categories.
 */
const userEvents = {
  'user.profile_updated': z
    .object({
      changed_fields: z
        .array(z.string())
        .openapi({ description: 'Which profile fields changed.', example: ['display_name', 'avatar_url'] }),
    })
    .catchall(z.unknown())
    .openapi('UserProfileUpdatedData'),
  'user.deleted': z
    .object({
      erased_at: z.string().openapi({ description: 'When Oriva erased the user (ISO-8601 UTC).' }),
    })
    .catchall(z.unknown())
    .openapi('UserDeletedData', {
      description: "The user was erased from Oriva: erase what your app keeps about them (the event's `user_id`).",
    }),
};

/** The categories only the platform publishes into (`POST /api/v1/platform/events`). */
export const PLATFORM_CATEGORIES = ['user', 'platform'] as const;

/** Every event the server records on its own, by `<category>.<type>`. */
export const SERVER_EVENT_DATA = { ...notificationEvents, ...webhookEvents, ...deliveryEvents, ...userEvents };

export type ServerEventName = keyof typeof SERVER_EVENT_DATA;
/** What the server puts in `event_data` for one of its own events. */
export type EventDataOf<Name extends ServerEventName> = z.input<(typeof SERVER_EVENT_DATA)[Name]>;

const pinned = (name: string) =>
  // Pin the `type` field to the event's name where the payload carries one, so receivers can switch on it.
  'type' in WebhookPayload.shape ? { type: z.literal(name) } : {};

/** `notification.read_all` → `NotificationReadAllEvent`. */
const componentName = (name: string) =>
  `${name
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}Event`;

/** The delivery body of each of the server's own events: the webhook payload with its `event_data`. */
export const serverEventPayloads = Object.entries(SERVER_EVENT_DATA).map(([name, data]) => ({
  name: name as ServerEventName,
  payload: WebhookPayload.extend({ ...pinned(name), event_data: data }).openapi(componentName(name)),
}));
