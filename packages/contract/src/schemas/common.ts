import { z } from '@hono/zod-openapi';

/** ISO-8601 UTC timestamp with milliseconds, as every response carries it. */
export const Timestamp = z.iso.datetime().openapi({ example: '2025-09-30T10:30:00.000Z' });

/**
 * NUL and UTF-16 surrogates without their pair. PostgreSQL stores neither (NUL is refused in text and
 * jsonb, a lone surrogate has no UTF-8 form), so both backends refuse them at validation, alike.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Every string of every request passes here: the engine's own `isWellFormed` (ES2024; Node 20,
// current browsers) costs a third of the regular expression on a 500-event batch.
const isWellFormed: (value: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (value) => (value as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (value) => !LONE_SURROGATE.test(value);

/** Whether a string can be stored as given by every backend: no NUL, no unpaired surrogate. */
export const isStorableText = (value: string): boolean => !value.includes('\u0000') && isWellFormed(value);

/** The stable field-error code for a string holding characters it must not (`fields[].code`). */
export const INVALID_STRING = 'invalid_string';
const UNSTORABLE_MESSAGE = 'must not contain NUL (\\u0000) or an unpaired UTF-16 surrogate';

/** Refuses what a backend cannot store; every string a request sends (body, path or query) passes through it. */
export const storable = <T extends z.ZodType<string>>(schema: T): T =>
  // A fresh options object each time: zod rewrites the one it is given (`message` becomes `error`).
  schema.refine(isStorableText, { message: UNSTORABLE_MESSAGE, params: { code: INVALID_STRING } });

/** A string of any content a backend can store. */
export const storableString = () => storable(z.string());

/** Control characters other than tab, newline and carriage return never belong in stored text (NUL: above). */
const CONTROL_CHARACTERS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Text without control characters (they break logs, terminals and renderers), possibly empty. */
export const plainText = (max: number, min = 0) =>
  // One check for both rules: each zod refinement costs on every string of a 500-event batch.
  (min > 0 ? z.string().min(min) : z.string()).max(max).check((ctx) => {
    const message = !isStorableText(ctx.value)
      ? UNSTORABLE_MESSAGE
      : CONTROL_CHARACTERS.test(ctx.value)
        ? 'must not contain control characters'
        : undefined;
    if (message) ctx.issues.push({ code: 'custom', input: ctx.value, message, params: { code: INVALID_STRING } });
  });

/** A non-empty `plainText`: names, ids, labels. */
export const cleanString = (max: number) => plainText(max, 1);

/**
 * How deep free-form JSON (`event_data`, `context_data`) may nest: `{"a":{"b":1}}` is 2 deep. Far
 * above what app data needs, far below where recursive code gives out (`JSON.stringify` overflows
 * near 4,000 levels on Node's default stack).
 */
export const MAX_JSON_DEPTH = 32;

interface JsonProblem {
  code: 'too_deep' | typeof INVALID_STRING;
  /** Where, below the field; built on the way back out, so a clean value allocates none. */
  path: PropertyKey[];
}

/**
 * The first thing in a parsed JSON value that may not be stored: nesting past `MAX_JSON_DEPTH`, or
 * an unstorable key or string. Recurses at most `MAX_JSON_DEPTH + 1` frames, whatever the input.
 */
export function findJsonProblem(value: unknown, depth = 0): JsonProblem | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : { code: INVALID_STRING, path: [] };
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth === MAX_JSON_DEPTH) return { code: 'too_deep', path: [] };
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const problem = findJsonProblem(value[index], depth + 1);
      if (problem) return within(index, problem);
    }
    return undefined;
  }
  for (const key in value) {
    if (!isStorableText(key)) return { code: INVALID_STRING, path: [key] };
    const problem = findJsonProblem((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return within(key, problem);
  }
  return undefined;
}

function within(key: PropertyKey, problem: JsonProblem): JsonProblem {
  problem.path.unshift(key);
  return problem;
}

/** A free-form JSON object, checked by `findJsonProblem`; the one schema for every such field. */
export const jsonObject = () =>
  z.record(z.string(), z.unknown()).check((ctx) => {
    const problem = findJsonProblem(ctx.value);
    if (!problem) return;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      // Depth is the field's fault as a whole; a bad string is named where it sits.
      path: problem.code === 'too_deep' ? [] : problem.path,
      params: { code: problem.code },
      message: problem.code === 'too_deep' ? `must not nest deeper than ${MAX_JSON_DEPTH} levels` : UNSTORABLE_MESSAGE,
    });
  });

/** Every instant storage can hold: years 0001-9999 in UTC (PostgreSQL refuses year 0; past 9999 ISO text stops sorting). */
const EARLIEST_INSTANT = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * An ISO-8601 date-time a request sends, with any offset, naming an instant in years 0001-9999 UTC
 * (`0000-01-01T00:00:00Z` or `9999-12-31T23:59:59-14:00` pass the format but no backend stores them alike).
 */
export const dateTimeInput = () =>
  z.iso.datetime({ offset: true }).refine(
    (value) => {
      const instant = Date.parse(value);
      // Not a date at all: the format check has said so already.
      return Number.isNaN(instant) || (instant >= EARLIEST_INSTANT && instant <= LATEST_INSTANT);
    },
    { message: 'must name an instant between the years 0001 and 9999 (UTC)', params: { code: 'out_of_range' } },
  );

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
