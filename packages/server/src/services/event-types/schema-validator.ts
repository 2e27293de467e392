/**
 * Checks and compiles the JSON Schemas apps declare for their event types (draft 2020-12, with Ajv).
 *
 * A schema is refused (400, with a stable code and the field path) before Ajv sees it when it is too
 * large or deep, when a `$ref` points outside the schema (nothing is ever fetched: Ajv gets no
 * `loadSchema`), or when a regex could run away (safe-pattern.ts). Ajv then checks it against the
 * 2020-12 meta-schema and compiles it. Compiled functions are cached per (app, type, version), in a
 * bounded LRU, so each schema version is compiled once per process.
 */
import { createHash } from 'node:crypto';
import { MAX_JSON_DEPTH } from '@oriva/contract';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ApiError, type FieldError } from '../../core/errors.js';
import { unsafePatternReason } from './safe-pattern.js';

/** Serialized size limit of a schema. */
export const MAX_SCHEMA_BYTES = 64 * 1024;
/** How deep a schema may nest (the same as any JSON a request carries). */
export const MAX_SCHEMA_DEPTH = MAX_JSON_DEPTH;
/**
 * A `pattern` only matches strings of up to this many characters; a longer string fails it. This
 * bounds the time any pattern that passed the static rule can take. Use `maxLength` to say so in the
 * schema itself.
 */
export const MAX_PATTERN_SUBJECT_LENGTH = 1024;
/** At most this many errors are reported per value. */
const MAX_REPORTED_ERRORS = 20;
const CACHE_SIZE = 1000;

const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Patterns compiled with the `u` flag, tested only on strings up to the cap. */
const cappedRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const regExp = new RegExp(pattern, flags);
    return {
      test: (value: string) => value.length <= MAX_PATTERN_SUBJECT_LENGTH && regExp.test(value),
      // Ajv shares compiled patterns between schemas by this string: it must name the pattern.
      toString: () => regExp.toString(),
    };
  },
  { code: 'cappedRegExp' },
);

const ajv = new Ajv2020({
  allErrors: true,
  // Annotations apps add (`x-…`, `title`s of their own) are not errors; the meta-schema still is checked.
  strict: false,
  // A schema's own `$id` must not register it in the shared instance, where another app could `$ref` it.
  addUsedSchema: false,
  unicodeRegExp: true,
  code: { regExp: cappedRegExp },
});
addFormats.default(ajv);

export type EventDataValidator = ValidateFunction;

const schemaError = (code: string, path: string, message: string) =>
  new ApiError(400, code, `${path}: ${message}`, { fields: [{ path, code, message }] });

/**
 * The schema compiled, or a 400 naming what is wrong with it. `field` is where the schema sits in the
 * request (`schema`).
 */
export function compileSchema(schema: Record<string, unknown>, field = 'schema'): EventDataValidator {
  if (JSON.stringify(schema).length > MAX_SCHEMA_BYTES) {
    throw schemaError('schema_too_large', field, `must be at most ${MAX_SCHEMA_BYTES} bytes serialized`);
  }
  checkStatically(schema, field, 0);
  if (schema.$schema !== undefined && schema.$schema !== SCHEMA_DIALECT) {
    throw schemaError('schema_invalid', `${field}/$schema`, `must be "${SCHEMA_DIALECT}" or left out`);
  }
  if (!ajv.validateSchema(schema)) {
    const fields = (ajv.errors ?? []).slice(0, MAX_REPORTED_ERRORS).map((error) => ({
      path: `${field}${error.instancePath}`,
      code: 'schema_invalid',
      message: error.message ?? 'is not valid',
    }));
    throw new ApiError(400, 'schema_invalid', `${fields[0]?.path}: ${fields[0]?.message} (not a valid JSON Schema)`, {
      fields,
    });
  }
  let validate: EventDataValidator;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    throw schemaError('schema_invalid', field, (error as Error).message);
  } finally {
    // Ajv keeps what it compiled by schema; the LRU below keeps what is still used.
    ajv.removeSchema(schema);
  }
  // A reference cycle that consumes no data (`{"$dynamicRef": "#"}`, an anchor naming itself) recurses
  // on any value: try one of each kind, so such a schema is refused now rather than at each event.
  if (PROBES.some((probe) => recursesEndlessly(validate, probe))) {
    throw schemaError('schema_invalid', field, 'refers to itself without end');
  }
  return validate;
}

const PROBES: unknown[] = [{}, [], '', 0, null, true];

function recursesEndlessly(validate: EventDataValidator, value: unknown): boolean {
  try {
    validate(value);
    return false;
  } catch (error) {
    if (error instanceof RangeError) return true;
    throw error;
  }
}

/** Keywords whose values are data, not schemas: nothing in them is a `$ref` or a pattern. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'examples', 'default']);

function checkStatically(node: unknown, path: string, depth: number): void {
  if (depth > MAX_SCHEMA_DEPTH) {
    throw schemaError('schema_too_large', path, `must not nest deeper than ${MAX_SCHEMA_DEPTH} levels`);
  }
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) checkStatically(item, `${path}/${index}`, depth + 1);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    const at = `${path}/${escapePointer(key)}`;
    if ((key === '$ref' || key === '$dynamicRef') && typeof value === 'string' && !value.startsWith('#')) {
      throw schemaError('schema_remote_ref', at, 'must refer within this schema (start with "#"); nothing is fetched');
    }
    if (key === 'pattern' && typeof value === 'string') checkPattern(value, at);
    if (key === 'patternProperties' && typeof value === 'object' && value !== null) {
      for (const pattern of Object.keys(value)) checkPattern(pattern, `${at}/${escapePointer(pattern)}`);
    }
    if (!DATA_KEYWORDS.has(key)) checkStatically(value, at, depth + 1);
  }
}

function checkPattern(pattern: string, path: string): void {
  const reason = unsafePatternReason(pattern);
  if (reason) throw schemaError('schema_unsafe_pattern', path, reason);
}

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** A bounded map that forgets the least recently used entry first. */
class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

const compiled = new Lru<EventDataValidator>(CACHE_SIZE);

/**
 * The compiled validator of one stored schema version, compiled on first use. A version's schema never
 * changes once stored, so (app, type, version) names it; a digest of the schema is in the key too, so
 * a type deleted and declared again (back at version 1) is never checked with the old function.
 */
export function validatorFor(appId: string, name: string, version: number, schemaText: string): EventDataValidator {
  const digest = createHash('sha256').update(schemaText).digest('base64url');
  const key = `${appId}\u0000${name}\u0000${version}\u0000${digest}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = compileSchema(JSON.parse(schemaText) as Record<string, unknown>);
    compiled.set(key, validate);
  }
  return validate;
}

/** What failed when `value` was validated, as field errors under `field` (`event_data/duration`). */
export function validationErrors(validate: EventDataValidator, value: unknown, field: string): FieldError[] {
  // Past the probes of `compileSchema`, a cycle can still depend on the value (it recurses only where
  // the value has some property): the value is then refused, never answered with a 500.
  if (recursesEndlessly(validate, value)) {
    return [
      { path: field, code: 'schema_recursion', message: 'the schema refers to itself without end on this value' },
    ];
  }
  if (validate.errors === null || validate.errors === undefined) return [];
  return (validate.errors ?? []).slice(0, MAX_REPORTED_ERRORS).map((error: ErrorObject) => ({
    path: `${field}${error.instancePath}`,
    code: error.keyword,
    message: error.message ?? 'is not valid',
  }));
}
