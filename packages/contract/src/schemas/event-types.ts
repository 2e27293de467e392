import { z } from '@hono/zod-openapi';
import { AppId, jsonObject, plainText, queryFlag, SuccessFlag, Timestamp } from './common.js';
import { EventCategory, EventData, listLimit } from './events.js';

/** How many examples one event type may keep: enough to show its shapes, few enough to check on every change. */
export const MAX_EVENT_TYPE_EXAMPLES = 20;

/**
 * A qualified event type, `<event_category>.<event_type>`, each part as `EventCategory` and
 * `EventTypeName` allow (1-64 lowercase letters, digits, `_` or `-`, starting with a letter).
 */
export const QualifiedEventType = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}\.[a-z][a-z0-9_-]{0,63}$/, {
    message: 'must be <event_category>.<event_type>, each 1-64 lowercase letters, digits, "_" or "-"',
  })
  .openapi({ example: 'session.ended' });

export const EventTypeParams = z.object({
  app_id: AppId.openapi({ param: { name: 'app_id', in: 'path' } }),
  event_type: QualifiedEventType.openapi({ param: { name: 'event_type', in: 'path' } }),
});

export const PutEventTypeQuery = z.strictObject({
  breaking: queryFlag()
    .optional()
    .openapi({
      param: { name: 'breaking', in: 'query' },
      description:
        'Accept a schema that rejects examples of the previous version. Without it such a change is a 409 `breaking_change` naming the examples that broke.',
    }),
});

export const GetEventTypeQuery = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .openapi({
      param: { name: 'version', in: 'query' },
      description: 'Read this version of the schema and its examples; the latest when left out.',
    }),
});

export const PutEventTypeRequest = z
  .strictObject({
    description: plainText(1000).nullable().optional(),
    schema: jsonObject().openapi({
      description:
        'A JSON Schema (draft 2020-12) for `event_data`. Only local `$ref`s (`#…`) are followed; at most 64 KiB serialized; `pattern` regexes may not nest quantifiers (`(a+)+`) and only match strings of up to 4,096 characters.',
      example: {
        type: 'object',
        required: ['duration'],
        properties: { duration: { type: 'integer', minimum: 0 } },
      },
    }),
    examples: z
      .array(EventData)
      .max(MAX_EVENT_TYPE_EXAMPLES)
      .optional()
      .openapi({
        description: 'Values of `event_data` that must validate against `schema`.',
        example: [{ duration: 1500 }],
      }),
    deprecated: z.boolean().optional(),
  })
  .openapi('PutEventTypeRequest');

export const EventType = z
  .object({
    name: QualifiedEventType,
    event_category: z.string(),
    event_type: z.string(),
    app_id: AppId.nullable().openapi({ description: "The app that declared it; `null` for the platform's own types." }),
    description: z.string().nullable(),
    schema: z.record(z.string(), z.unknown()),
    examples: z.array(z.record(z.string(), z.unknown())),
    deprecated: z.boolean(),
    version: z.number().int().openapi({ description: 'Starts at 1; each change of `schema` adds one.' }),
    versions: z.array(z.number().int()).openapi({ description: 'Every version kept, oldest first.' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('EventType');

export const EventTypeResponse = z.object({ success: SuccessFlag, event_type: EventType }).openapi('EventTypeResponse');

export const ListEventTypesResponse = z
  .object({ success: SuccessFlag, event_types: z.array(EventType) })
  .openapi('ListEventTypesResponse');

export const CatalogueResponse = z
  .object({
    success: SuccessFlag,
    event_types: z.array(EventType),
    pagination: z.object({
      limit: z.number().int(),
      has_more: z.boolean(),
      next_cursor: z
        .string()
        .nullable()
        .openapi({ description: 'Pass as `after` for the next page: the last name on this page.' }),
    }),
  })
  .openapi('CatalogueResponse');

export const CatalogueQuery = z.strictObject({
  app_id: AppId.optional().openapi({
    param: { name: 'app_id', in: 'query' },
    description: "Only this app's types (the platform's own are left out).",
  }),
  category: EventCategory.optional().openapi({ param: { name: 'category', in: 'query' } }),
  limit: listLimit(500, 100),
  after: QualifiedEventType.optional().openapi({
    param: { name: 'after', in: 'query' },
    description: "The previous page's `pagination.next_cursor`: types are listed by name, this one excluded.",
  }),
});
