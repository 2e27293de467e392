import { z } from '@hono/zod-openapi';
import { AppId, SuccessFlag, Timestamp, UserId } from './common.js';
import { Event } from './events.js';
import { StreamFilterQuery } from './stream.js';

/**
 * A consumer's name, chosen by the app (`billing-sync`, `agent.inbox`): short and safe in a URL and a
 * log line. The first poll creates it.
 */
export const ConsumerId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
    message: 'must be 1 to 64 letters, digits, "_", "." or "-", starting with a letter or digit',
  })
  .openapi({ example: 'billing-sync' });

export const ConsumerParams = z.object({
  app_id: AppId.openapi({ param: { name: 'app_id', in: 'path' } }),
  consumer_id: ConsumerId.openapi({ param: { name: 'consumer_id', in: 'path' } }),
});

/** A stream position, as the stream's `ready` and event frames carry it. */
export const StreamPosition = z.number().int().min(0).max(999_999_999_999_999);

/** The longest a poll may wait for an event: under common proxy and serverless timeouts (60 s). */
export const MAX_POLL_WAIT_SECONDS = 30;
export const MAX_POLL_LIMIT = 1000;

export const Consumer = z
  .object({
    consumer_id: ConsumerId,
    app_id: AppId,
    position: StreamPosition.openapi({
      description: 'The committed position: the next poll returns events after it. 0 for a new consumer.',
    }),
    created_at: Timestamp,
    updated_at: Timestamp.openapi({ description: 'When the position last moved.' }),
  })
  .openapi('Consumer');

const { id: eventId, ...eventFields } = Event.shape;

/** An event as a poll returns it: the stream's event frame, so a consumer handles both alike. */
export const StreamEvent = z
  .object({ event_id: eventId, ...eventFields, position: StreamPosition })
  .openapi('StreamEvent');

export const PollConsumerQuery = z.strictObject({
  events: StreamFilterQuery.shape.events,
  user_id: UserId.optional().openapi({ description: "Only this user's events." }),
  limit: z.coerce.number().int().min(1).max(MAX_POLL_LIMIT).default(100).openapi({ example: 100 }),
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_POLL_WAIT_SECONDS)
    .default(0)
    .openapi({
      description: `Seconds to wait for an event when there is none yet (long polling, at most ${MAX_POLL_WAIT_SECONDS}); answered as soon as one commits.`,
      example: 20,
    }),
});

export const PollConsumerResponse = z
  .object({
    success: SuccessFlag,
    events: z.array(StreamEvent),
    position: StreamPosition.openapi({
      description:
        'Commit this once the events are handled. It may be past the last event returned: events the filter skipped count as read.',
    }),
    has_more: z.boolean().openapi({ description: 'More events wait after `position`: poll again at once.' }),
    consumer: Consumer.openapi({ description: 'The consumer as it is stored: its committed position is unchanged.' }),
  })
  .openapi('PollConsumerResponse');

export const CommitConsumerRequest = z
  .strictObject({
    position: StreamPosition.openapi({ description: 'The `position` of a poll, or of a stream frame.' }),
  })
  .openapi('CommitConsumerRequest');

export const ConsumerResponse = z.object({ success: SuccessFlag, consumer: Consumer }).openapi('ConsumerResponse');

export const CommitConsumerResponse = z
  .object({
    success: SuccessFlag,
    consumer: Consumer,
    moved: z.boolean().openapi({
      description: 'false when the position sent was not past the committed one: a commit never moves backwards.',
    }),
  })
  .openapi('CommitConsumerResponse');

export const ListConsumersResponse = z
  .object({ success: SuccessFlag, consumers: z.array(Consumer) })
  .openapi('ListConsumersResponse');
