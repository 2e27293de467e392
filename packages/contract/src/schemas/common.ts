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

const QUERY_FLAG_VALUES: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

/**
 * A boolean query flag (`?group=true`). The document says `boolean`; the server also takes `1` and `0`,
 * which HTML forms and many HTTP clients send. Anything else is a 400 naming the parameter.
 */
export const queryFlag = () =>
  z.preprocess(
    (value) => (typeof value === 'string' && value in QUERY_FLAG_VALUES ? QUERY_FLAG_VALUES[value] : value),
    z.boolean({ error: 'must be true, false, 1 or 0' }),
  );

/**
 * An `Idempotency-Key` header: 1-255 printable ASCII characters, space included (U+0020-U+007E), so a
 * UUID, a ULID or "order 42 retry" all work. The server checks it with this schema and the document
 * declares it from it.
 */
export const IdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x20-\x7E]*$/, { message: 'must be printable ASCII (space to tilde)' })
  .openapi({
    description:
      'Repeat a POST safely: the same key with the same body answers the stored response (with `Idempotent-Replayed: true`); the same key with another body is a 409 `idempotency_key_reused`. 1-255 printable ASCII characters, space included; remembered for 24 hours per caller.',
    example: '6f1c1a51-8a6e-4b8e-9b55-3f0a4a7d2c10',
  });
