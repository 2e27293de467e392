/**
 * Compiles the catalogue's JSON Schemas into one TypeScript module: an interface per event type
 * (`session.ended` → `SessionEnded`) and `OrivaEventMap`, which maps each qualified name to it.
 *
 * All the types are compiled as one schema, each under `$defs/<Name>`, with `OrivaEventMap` the
 * root object whose properties refer to them: json-schema-to-typescript then writes the map itself
 * and gives clashing inner names (two types' `$defs/Tag`) distinct names. Each type's local `$ref`s
 * (`#/$defs/Tag`, `#`) are moved under its own `$defs/<Name>`. A `$ref` to anything else, which the
 * server refuses to store, becomes `unknown` here: the resolver is never allowed to fetch a URL or read a file.
 */
import { compile, type JSONSchema, type Options } from 'json-schema-to-typescript';

/** What compiling needs of a catalogued type (an `EventType` of the SDK has all of it). */
export interface CatalogueType {
  name: string;
  schema: Record<string, unknown>;
  description?: string | null | undefined;
  deprecated?: boolean | undefined;
  app_id?: string | null | undefined;
  version?: number | undefined;
}

/** The name of the map from qualified type to `event_data` type; the SDK and the verifier take it as is. */
export const EVENT_MAP_NAME = 'OrivaEventMap';

const OPTIONS: Partial<Options> = {
  bannerComment: '',
  declareExternallyReferenced: true,
  format: true,
  // No resolver may reach outside the document: no http(s), no files.
  $refOptions: { resolve: { external: false, file: false, http: false } },
};

/** The `.d.ts` source for these types, headed by `banner` (a comment's lines). */
export async function compileEventTypes(types: readonly CatalogueType[], banner: readonly string[]): Promise<string> {
  const names = interfaceNames(types.map((type) => type.name));
  const defs: Record<string, unknown> = {};
  const properties: Record<string, unknown> = {};
  for (const type of types) {
    const name = names.get(type.name) as string;
    defs[name] = typeSchema(type, name);
    properties[type.name] = { $ref: `#/$defs/${name}` };
  }
  const root: JSONSchema = {
    title: EVENT_MAP_NAME,
    description: 'Each event type of the catalogue, by its qualified name, and the type of its `event_data`.',
    type: 'object',
    properties: properties as JSONSchema['properties'],
    required: types.map((type) => type.name),
    additionalProperties: false,
    $defs: defs,
  } as JSONSchema;
  const source = await compile(root, EVENT_MAP_NAME, OPTIONS);
  const header = ['/* eslint-disable */', '/**', ...banner.map((line) => ` * ${line}`.trimEnd()), ' */', ''];
  return `${header.join('\n')}\n${source}`;
}

/**
 * `session.ended` → `SessionEnded`, `work_buddy.task-done` → `WorkBuddyTaskDone`; a name another
 * type (or the map) already has gets a number.
 */
export function interfaceNames(qualified: readonly string[]): Map<string, string> {
  const used = new Set([EVENT_MAP_NAME]);
  const names = new Map<string, string>();
  for (const name of qualified) {
    const base = name
      .split(/[._-]/)
      .filter((part) => part !== '')
      .map((part) => part[0]?.toUpperCase() + part.slice(1))
      .join('');
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}${n}`;
    used.add(candidate);
    names.set(name, candidate);
  }
  return names;
}

function typeSchema(type: CatalogueType, name: string): Record<string, unknown> {
  const {
    $id: _id,
    $schema: _schema,
    ...schema
  } = relocateRefs(type.schema, `#/$defs/${name}`) as Record<string, unknown>;
  const origin = type.app_id ? `declared by ${type.app_id}` : "one of the platform's own types";
  const about = [
    typeof schema.description === 'string' ? schema.description : (type.description ?? undefined),
    `\`${type.name}\`, ${origin}${type.version === undefined ? '' : `, version ${type.version}`}.`,
  ].filter((line) => line !== undefined && line !== '');
  return {
    ...schema,
    title: name,
    description: about.join('\n\n'),
    ...(type.deprecated ? { deprecated: true } : {}),
  };
}

/** A copy of `value` whose local `$ref`s point under `base`, and whose other `$ref`s are `unknown`. */
function relocateRefs(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((item) => relocateRefs(item, base));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$ref' && typeof inner === 'string') {
      if (inner.startsWith('#')) copy.$ref = `${base}${inner.slice(1)}`;
      else copy.tsType = 'unknown';
      continue;
    }
    copy[key] = relocateRefs(inner, base);
  }
  return copy;
}
