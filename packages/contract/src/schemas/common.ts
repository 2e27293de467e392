import { z } from '@hono/zod-openapi';

/** ISO-8601 UTC timestamp with milliseconds, as every response carries it. */
export const Timestamp = z.iso.datetime().openapi({ example: '2025-09-30T10:30:00.000Z' });

/** Control characters other than tab, newline and carriage return never belong in stored text. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A string that refuses control characters (they break logs, terminals and renderers). */
export const cleanString = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !CONTROL_CHARACTERS.test(value), {
      message: 'must not contain control characters',
    });

/** The identity provider's user id (`sub`), kept as an opaque string: `user_456`, a UUID, an Auth0 id. */
export const UserId = cleanString(255).openapi({ example: 'user_456' });

/** An app's slug, chosen by the admin at registration and used in every app path. */
export const AppId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, {
    message: 'must be 2-63 characters: lowercase letters, digits and dashes, not starting with a dash',
  })
  .openapi({ example: 'work-buddy' });

export const Pagination = z
  .object({
    total: z.number().int().openapi({ description: 'Items matching the filters, across all pages.' }),
    limit: z.number().int(),
    offset: z.number().int(),
    has_more: z.boolean(),
    next_cursor: z.string().nullable().openapi({
      description: 'Pass as `after` to read the next page; stable while new items arrive.',
    }),
  })
  .openapi('Pagination');

export const FieldError = z
  .object({
    path: z.string().openapi({ example: 'events.3.user_id' }),
    code: z.string().openapi({ example: 'invalid_type' }),
    message: z.string(),
  })
  .openapi('FieldError');

export const ErrorBody = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: z.string().openapi({
        description: 'Stable machine-readable code, such as `validation_failed` or `rate_limited`.',
        example: 'validation_failed',
      }),
      message: z.string(),
      status: z.number().int(),
      request_id: z.string(),
      fields: z.array(FieldError).optional(),
    }),
  })
  .openapi('Error');

export const SuccessFlag = z.literal(true);
