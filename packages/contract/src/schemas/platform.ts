import { z } from '@hono/zod-openapi';
import { SuccessFlag, Timestamp } from './common.js';
import { MAX_BATCH_EVENTS, PublishEventRequest } from './events.js';
import { PLATFORM_CATEGORIES } from './webhook-events.js';

/** A platform event: an app event's shape, in one of the platform's own categories. */
export const PublishPlatformEventRequest = PublishEventRequest.extend({
  event_category: z.enum(PLATFORM_CATEGORIES).openapi({ example: 'user' }),
}).openapi('PublishPlatformEventRequest', {
  example: {
    event_category: 'user',
    event_type: 'profile_updated',
    entity_type: 'user',
    entity_id: 'user_456',
    user_id: 'user_456',
    event_data: { changed_fields: ['display_name'] },
  },
});

/** The copy of a platform event that one app received: its own event id, in its own event log. */
const Recipient = z.object({
  app_id: z.string().openapi({ example: 'work-buddy' }),
  event_id: z.string().openapi({ example: 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T' }),
});

const PlatformEventResult = z.object({
  timestamp: Timestamp,
  recipients: z.array(Recipient).openapi({
    description:
      'The apps that know the user and so received the event, each as an event of its own log (empty: no app knows the user).',
  }),
});

export const PublishPlatformEventResponse = PlatformEventResult.extend({ success: SuccessFlag }).openapi(
  'PublishPlatformEventResponse',
);

export const PublishPlatformBatchRequest = z
  .strictObject({ events: z.array(PublishPlatformEventRequest).min(1).max(MAX_BATCH_EVENTS) })
  .openapi('PublishPlatformBatchRequest');

export const PublishPlatformBatchResponse = z
  .object({ success: SuccessFlag, count: z.number().int(), events: z.array(PlatformEventResult) })
  .openapi('PublishPlatformBatchResponse');

export const UserAppResponse = z
  .object({
    success: SuccessFlag,
    user_id: z.string(),
    app_id: z.string(),
    connected: z.boolean().openapi({ description: 'Whether the app now has a relationship with the user.' }),
  })
  .openapi('UserAppResponse');

export const EraseUserResponse = z
  .object({
    success: SuccessFlag,
    user_id: z.string(),
    erased_at: Timestamp,
    notified_apps: z
      .array(z.string())
      .openapi({ description: 'The apps that knew the user and were sent `user.deleted`.' }),
    notifications_deleted: z.number().int(),
    events_deleted: z.number().int(),
    deliveries_deleted: z.number().int(),
    preferences_deleted: z.boolean(),
    stream_connections_closed: z.number().int(),
  })
  .openapi('EraseUserResponse');
