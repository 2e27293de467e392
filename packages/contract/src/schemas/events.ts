import { z } from '@hono/zod-openapi';
import { DESIGN_DOC_EVENT } from '../examples.js';
import {
  AppId,
  cleanString,
  dateTimeInput,
  jsonObject,
  MAX_JSON_DEPTH,
  Pagination,
  SuccessFlag,
  Timestamp,
  UserId,
} from './common.js';

export const MAX_BATCH_EVENTS = 500;
/** Serialized size limit of one event's `event_data`: large blobs belong in the app's own storage. */
export const MAX_EVENT_DATA_BYTES = 64 * 1024;

const NAME_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
const nameMessage = 'must be 1-64 characters: lowercase letters, digits, "_" or "-", starting with a letter';

/** `event_category` and `event_type` join as `<category>.<type>`, so neither may contain a dot. */
export const EventCategory = z
  .string()
  .regex(NAME_PATTERN, { message: nameMessage })
  .openapi({ example: 'notification' });
export const EventTypeName = z.string().regex(NAME_PATTERN, { message: nameMessage }).openapi({ example: 'dismissed' });

export const EventData = jsonObject().openapi({
  description: `Free-form JSON object, at most ${MAX_EVENT_DATA_BYTES} bytes serialized and ${MAX_JSON_DEPTH} levels deep.`,
});

export const PublishEventRequest = z
  .strictObject({
    event_category: EventCategory,
    event_type: EventTypeName,
    entity_type: cleanString(64).openapi({ example: 'notification' }),
    entity_id: cleanString(255).openapi({ example: 'wb_notif_123' }),
    user_id: UserId,
    event_data: EventData.optional(),
  })
  .openapi('PublishEventRequest', { example: DESIGN_DOC_EVENT });

export const PublishEventResponse = z
  .object({
    success: SuccessFlag,
    event_id: z.string().openapi({ example: 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T' }),
    timestamp: Timestamp,
  })
  .openapi('PublishEventResponse');

export const PublishBatchRequest = z
  .strictObject({
    events: z.array(PublishEventRequest).min(1).max(MAX_BATCH_EVENTS),
  })
  .openapi('PublishBatchRequest');

export const PublishBatchResponse = z
  .object({
    success: SuccessFlag,
    count: z.number().int(),
    events: z.array(z.object({ event_id: z.string(), timestamp: Timestamp })),
  })
  .openapi('PublishBatchResponse');

/** What publishing would check for one event: its type, and the schema version it was held to. */
export const EventCheck = z
  .object({
    event_type: z
      .string()
      .openapi({ description: 'The qualified type, `<event_category>.<event_type>`.', example: 'session.ended' }),
    declared: z.boolean().openapi({ description: "Whether the app's catalogue declares the type." }),
    schema_version: z.number().int().nullable().openapi({
      description: 'The version of the schema `event_data` was validated against; `null` when the type is undeclared.',
    }),
  })
  .openapi('EventCheck');

export const ValidateEventResponse = z
  .object({ success: SuccessFlag, valid: z.literal(true), check: EventCheck })
  .openapi('ValidateEventResponse');

export const ValidateBatchResponse = z
  .object({ success: SuccessFlag, valid: z.literal(true), count: z.number().int(), checks: z.array(EventCheck) })
  .openapi('ValidateBatchResponse');

export const Event = z
  .object({
    id: z.string().openapi({ example: 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T' }),
    type: z.string().openapi({ description: '`<event_category>.<event_type>`', example: 'notification.dismissed' }),
    app_id: AppId,
    event_category: z.string(),
    event_type: z.string(),
    entity_type: z.string(),
    entity_id: z.string(),
    user_id: z.string().nullable(),
    event_data: z.record(z.string(), z.unknown()),
    timestamp: Timestamp,
  })
  .openapi('Event');

const limitParam = (max: number, fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .openapi({ param: { name: 'limit', in: 'query' }, example: fallback });

export const offsetParam = z.coerce
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .default(0)
  .openapi({ param: { name: 'offset', in: 'query' }, example: 0 });

export const ListEventsQuery = z.strictObject({
  event_category: EventCategory.optional(),
  event_type: EventTypeName.optional(),
  user_id: UserId.optional(),
  entity_id: cleanString(255).optional(),
  start_date: dateTimeInput().optional().openapi({ description: 'Inclusive lower bound (ISO-8601).' }),
  end_date: dateTimeInput().optional().openapi({ description: 'Exclusive upper bound (ISO-8601).' }),
  limit: limitParam(500, 100),
  offset: offsetParam,
  after: z
    .string()
    .regex(/^cur_[0-9a-z]{1,13}$/, { message: 'must be pagination.next_cursor from a previous page' })
    .optional()
    .openapi({
      description: "Cursor: the previous page's `pagination.next_cursor`. Use instead of offset for deep pages.",
    }),
});

export const ListEventsResponse = z
  .object({
    success: SuccessFlag,
    events: z.array(Event),
    pagination: Pagination,
  })
  .openapi('ListEventsResponse');

export const listLimit = limitParam;
