/**
 * A small valid value for a JSON Schema (2020-12), for event types declared without examples: what
 * `oriva trigger` and the MCP `trigger_event` tool publish when the catalogue has nothing better.
 *
 * The value is minimal: only required properties, each type's plainest value (`""`, `0`, `false`,
 * `[]`, `{}`) raised to the schema's lower bounds, `const` and the first `enum` value as they are, and
 * a fixed sample for the common formats. Local `$ref`s (`#/$defs/…`, `#anchor`) are followed; `allOf`
 * is merged, and of `anyOf`/`oneOf` the first branch that fits (a non-null one first). `if`/`then` is
 * met by meeting both. Where the schema asks for more than that can give (a `pattern` none of the
 * samples match, `not`, a `oneOf` whose branches overlap), the value is still returned and `gaps`
 * names the place, so the caller can say which field to `--set`; the server validates in any case.
 *
 * @example
 * ```ts
 * minimalExample({ type: 'object', required: ['duration'], properties: { duration: { type: 'integer', minimum: 1 } } });
 * // { value: { duration: 1 }, gaps: [] }
 * ```
 */

export type JsonSchema = Record<string, unknown>;

/** A place (JSON pointer into the value) where the value may not satisfy the schema, and why. */
export interface ExampleGap {
  path: string;
  reason: string;
}

export interface GeneratedExample {
  value: unknown;
  gaps: ExampleGap[];
}

export interface ExampleOptions {
  /** What `date-time`, `date` and `time` formats show. Default: now. */
  now?: Date;
}

/** How deep references and nesting are followed before giving up (a required property that refers to itself). */
const MAX_DEPTH = 32;

/** Tried in order against a `pattern` the generator cannot otherwise satisfy. */
const PATTERN_SAMPLES = ['', 'a', 'example', 'A', '0', '1', 'a1', 'abc', 'example-1', 'example_1', 'a-b', 'x_y'];

interface State {
  root: JsonSchema | boolean;
  gaps: ExampleGap[];
  now: Date;
}

export function minimalExample(schema: JsonSchema | boolean, options: ExampleOptions = {}): GeneratedExample {
  const state: State = { root: schema, gaps: [], now: options.now ?? new Date() };
  const value = generate(schema, '', state, 0, 0);
  return { value, gaps: state.gaps };
}

function generate(schema: unknown, path: string, state: State, depth: number, variant: number): unknown {
  if (depth > MAX_DEPTH) {
    state.gaps.push({ path, reason: 'nested or referred to itself too deeply to follow' });
    return null;
  }
  const flat = flatten(schema, path, state, 0);
  if (flat === false) {
    state.gaps.push({ path, reason: 'the schema accepts no value' });
    return null;
  }
  if ('const' in flat) {
    if (!meetsKeywords(flat, flat.const)) state.gaps.push({ path, reason: 'the const breaks other constraints' });
    return flat.const;
  }
  if (Array.isArray(flat.enum)) {
    // The first value the rest of the schema allows (`allOf: [{ enum }, { minLength }]`).
    const allowed = flat.enum.filter((value) => meetsKeywords(flat, value));
    if (allowed.length === 0) state.gaps.push({ path, reason: 'no enum value meets the other constraints' });
    const values = allowed.length > 0 ? allowed : flat.enum;
    return values[Math.min(variant, values.length - 1)] ?? null;
  }
  if (flat.not !== undefined) state.gaps.push({ path, reason: '"not" is not taken into account' });
  switch (typeOf(flat)) {
    case 'null':
      return null;
    case 'boolean':
      return variant % 2 === 1;
    case 'integer':
      return numberFor(flat, true, path, state, variant);
    case 'number':
      return numberFor(flat, false, path, state, variant);
    case 'string':
      return stringFor(flat, path, state, variant);
    case 'array':
      return arrayFor(flat, path, state, depth);
    default:
      return objectFor(flat, path, state, depth, variant);
  }
}

type Flat = JsonSchema & { patterns?: string[] };

/**
 * The schema as one object without `$ref`, `allOf`, `anyOf`, `oneOf` or `if`: those are resolved
 * and merged into it. Subschemas of properties and items stay as they are, flattened when reached.
 */
function flatten(schema: unknown, path: string, state: State, hops: number): Flat | false {
  if (schema === true || schema === undefined) return {};
  if (schema === false) return false;
  if (typeof schema !== 'object' || schema === null) return {};
  if (hops > MAX_DEPTH) {
    state.gaps.push({ path, reason: 'references loop' });
    return {};
  }
  const { $ref, $dynamicRef, allOf, anyOf, oneOf, if: condition, then, else: _else, ...own } = schema as JsonSchema;
  let flat: Flat | false = withPatterns(own);
  const reference = typeof $ref === 'string' ? $ref : typeof $dynamicRef === 'string' ? $dynamicRef : undefined;
  if (reference !== undefined) {
    const target = resolveRef(state.root, reference);
    if (target === undefined) {
      state.gaps.push({ path, reason: `cannot follow $ref ${reference}` });
    } else {
      flat = mergeFlat(flatten(target, path, state, hops + 1), flat, path, state);
    }
  }
  for (const part of Array.isArray(allOf) ? allOf : []) {
    flat = mergeFlat(flat, flatten(part, path, state, hops + 1), path, state);
  }
  for (const [keyword, branches] of [
    ['anyOf', anyOf],
    ['oneOf', oneOf],
  ] as const) {
    if (!Array.isArray(branches) || flat === false) continue;
    flat = pickBranch(flat, branches, keyword, path, state, hops);
  }
  // A value that meets both `if` and `then` is valid whatever `else` says.
  if (condition !== undefined && flat !== false) {
    const met = mergeFlat(flatten(condition, path, state, hops + 1), flatten(then, path, state, hops + 1), path, state);
    flat = mergeFlat(flat, met, path, state);
  }
  return flat;
}

/** The first branch that fits the rest of the schema, a non-null one before `null` (a richer example). */
function pickBranch(
  base: Flat,
  branches: unknown[],
  keyword: string,
  path: string,
  state: State,
  hops: number,
): Flat | false {
  const candidates = branches
    .map((branch) => flatten(branch, path, state, hops + 1))
    .filter((branch): branch is Flat => branch !== false)
    .map((branch) => ({ branch, merged: tryMerge(base, branch) }))
    .filter((candidate): candidate is { branch: Flat; merged: Flat } => candidate.merged !== undefined);
  const chosen = candidates.find(({ branch }) => typeOf(branch) !== 'null') ?? candidates[0];
  if (!chosen) {
    state.gaps.push({ path, reason: `no ${keyword} branch fits the rest of the schema` });
    return base;
  }
  const others = candidates.filter((candidate) => candidate !== chosen);
  if (keyword === 'oneOf' && others.some(({ branch }) => !plainlyDisjoint(chosen.merged, branch, path, state, hops))) {
    state.gaps.push({ path, reason: 'oneOf: the value was built for one branch and may match another too' });
  }
  return chosen.merged;
}

/**
 * Whether no value of `chosen` can match `other`: their types, consts or enums contradict, at the top
 * or in a property `chosen` requires (a discriminator such as `kind: 'circle'` against `'square'`).
 */
function plainlyDisjoint(chosen: Flat, other: Flat, path: string, state: State, hops: number): boolean {
  if (tryMerge(chosen, other) === undefined) return true;
  const mine = isObject(chosen.properties) ? chosen.properties : {};
  const theirs = isObject(other.properties) ? other.properties : {};
  return asList(chosen.required).some((name) => {
    if (!Object.hasOwn(mine, name) || !Object.hasOwn(theirs, name)) return false;
    const left = flatten(mine[name], path, state, hops + 1);
    const right = flatten(theirs[name], path, state, hops + 1);
    return left === false || right === false || tryMerge(left, right) === undefined;
  });
}

function withPatterns(schema: JsonSchema): Flat {
  const { pattern, ...rest } = schema;
  return typeof pattern === 'string' ? { ...rest, patterns: [pattern] } : rest;
}

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];
/** Keywords whose subschemas must all hold: merged as an `allOf`, flattened when reached. */
const SUBSCHEMAS = ['items', 'additionalProperties', 'contains', 'propertyNames', 'unevaluatedProperties'];

/** Both schemas' constraints in one, or undefined when they plainly contradict each other. */
function tryMerge(a: Flat, b: Flat): Flat | undefined {
  const merged: Flat = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const current = merged[key];
    if (current === undefined) {
      merged[key] = value;
      continue;
    }
    if (key === 'type') {
      const right = asList(value);
      // An integer is a number: `number` and `integer` leave `integer`.
      const both = asList(current).flatMap((type) => {
        if (right.includes(type)) return [type];
        return (type === 'integer' && right.includes('number')) || (type === 'number' && right.includes('integer'))
          ? ['integer']
          : [];
      });
      if (both.length === 0) return undefined;
      merged.type = [...new Set(both)];
    } else if (key === 'const') {
      if (!sameJson(current, value)) return undefined;
    } else if (key === 'enum') {
      const kept = (current as unknown[]).filter((item) => (value as unknown[]).some((other) => sameJson(item, other)));
      if (kept.length === 0) return undefined;
      merged.enum = kept;
    } else if (key === 'required') {
      merged.required = [...new Set([...(current as string[]), ...(value as string[])])];
    } else if (key === 'patterns') {
      merged.patterns = [...(current as string[]), ...(value as string[])];
    } else if (key === 'properties' || key === 'patternProperties' || key === '$defs') {
      const both: JsonSchema = { ...(current as JsonSchema) };
      for (const [name, schema] of Object.entries(value as JsonSchema)) {
        both[name] = both[name] === undefined ? schema : { allOf: [both[name], schema] };
      }
      merged[key] = both;
    } else if (key === 'prefixItems') {
      const left = current as unknown[];
      const right = value as unknown[];
      merged.prefixItems = Array.from({ length: Math.max(left.length, right.length) }, (_, index) =>
        left[index] === undefined
          ? right[index]
          : right[index] === undefined
            ? left[index]
            : { allOf: [left[index], right[index]] },
      );
    } else if (LOWER_BOUNDS.includes(key)) {
      merged[key] = Math.max(current as number, value as number);
    } else if (UPPER_BOUNDS.includes(key)) {
      merged[key] = Math.min(current as number, value as number);
    } else if (key === 'multipleOf') {
      merged.multipleOf = leastCommonMultiple(current as number, value as number);
    } else if (SUBSCHEMAS.includes(key)) {
      merged[key] = { allOf: [current, value] };
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

function mergeFlat(a: Flat | false, b: Flat | false, path: string, state: State): Flat | false {
  if (a === false || b === false) return false;
  const merged = tryMerge(a, b);
  if (merged === undefined) {
    state.gaps.push({ path, reason: 'parts of the schema contradict each other' });
    return a;
  }
  return merged;
}

/**
 * Whether a given value (a `const` or an `enum` value) meets the schema's own keywords for its type:
 * type, bounds, lengths, patterns, `multipleOf` and required names. Subschemas are not checked.
 */
function meetsKeywords(schema: Flat, value: unknown): boolean {
  const types = asList(schema.type);
  const kind = jsonType(value);
  if (types.length > 0 && !types.includes(kind) && !(kind === 'integer' && types.includes('number'))) return false;
  const bound = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  if (typeof value === 'string') {
    const length = [...value].length;
    if (length < (bound('minLength') ?? 0) || length > (bound('maxLength') ?? Number.POSITIVE_INFINITY)) return false;
    return (schema.patterns ?? []).every((pattern) => {
      try {
        return new RegExp(pattern, 'u').test(value);
      } catch {
        return true;
      }
    });
  }
  if (typeof value === 'number') {
    const [min, max, above, below, step] = [
      'minimum',
      'maximum',
      'exclusiveMinimum',
      'exclusiveMaximum',
      'multipleOf',
    ].map(bound);
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) return false;
    if ((above !== undefined && value <= above) || (below !== undefined && value >= below)) return false;
    return step === undefined || Number.isInteger(value / step);
  }
  if (Array.isArray(value)) {
    return value.length >= (bound('minItems') ?? 0) && value.length <= (bound('maxItems') ?? Number.POSITIVE_INFINITY);
  }
  if (isObject(value)) {
    const count = Object.keys(value).length;
    if (count < (bound('minProperties') ?? 0) || count > (bound('maxProperties') ?? Number.POSITIVE_INFINITY))
      return false;
    return asList(schema.required).every((name) => Object.hasOwn(value, name));
  }
  return true;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The one type to build: the schema's (the first that is not null when several), else what its keywords imply. */
function typeOf(schema: Flat): string {
  const types = asList(schema.type);
  if (types.length > 0) return types.find((type) => type !== 'null') ?? 'null';
  if ('properties' in schema || 'required' in schema || 'additionalProperties' in schema) return 'object';
  if ('items' in schema || 'prefixItems' in schema || 'minItems' in schema || 'contains' in schema) return 'array';
  if ('minLength' in schema || 'maxLength' in schema || 'patterns' in schema || 'format' in schema) return 'string';
  if ('minimum' in schema || 'maximum' in schema || 'exclusiveMinimum' in schema || 'multipleOf' in schema) {
    return 'number';
  }
  return 'object';
}

function numberFor(schema: Flat, integer: boolean, path: string, state: State, variant: number): number {
  const step = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : integer ? 1 : 0;
  const lowest = lowerBound(schema, integer, step);
  const highest = upperBound(schema, integer, step);
  let value = lowest ?? (highest !== undefined && highest < 0 ? highest : 0);
  if (step > 0) value = Math.ceil(value / step - 1e-9) * step;
  value += variant * (step || 1);
  if (integer) value = Math.ceil(value);
  if (highest !== undefined && value > highest) {
    state.gaps.push({ path, reason: 'no number meets all its bounds' });
  }
  return value;
}

function lowerBound(schema: Flat, integer: boolean, step: number): number | undefined {
  const bounds: number[] = [];
  if (typeof schema.minimum === 'number') bounds.push(schema.minimum);
  if (typeof schema.exclusiveMinimum === 'number') {
    // Just above the bound: one step (or one) for integers and multiples, a fraction of the room otherwise.
    const above =
      integer || step > 0 ? Math.floor(schema.exclusiveMinimum / (step || 1)) * (step || 1) + (step || 1) : undefined;
    bounds.push(above ?? exclusiveAbove(schema.exclusiveMinimum, upperLimit(schema)));
  }
  return bounds.length ? Math.max(...bounds) : undefined;
}

function upperBound(schema: Flat, integer: boolean, step: number): number | undefined {
  const bounds: number[] = [];
  if (typeof schema.maximum === 'number') bounds.push(schema.maximum);
  if (typeof schema.exclusiveMaximum === 'number') {
    const below =
      integer || step > 0
        ? Math.ceil(schema.exclusiveMaximum / (step || 1)) * (step || 1) - (step || 1)
        : schema.exclusiveMaximum - Math.min(1, Math.abs(schema.exclusiveMaximum) / 2 || 0.5);
    bounds.push(below);
  }
  return bounds.length ? Math.min(...bounds) : undefined;
}

function upperLimit(schema: Flat): number | undefined {
  const limits = [schema.maximum, schema.exclusiveMaximum].filter(
    (value): value is number => typeof value === 'number',
  );
  return limits.length ? Math.min(...limits) : undefined;
}

/** A number above `bound`: bound + 1, or halfway to the upper limit when that is closer. */
function exclusiveAbove(bound: number, limit: number | undefined): number {
  return limit !== undefined && limit - bound <= 1 ? bound + (limit - bound) / 2 : bound + 1;
}

const FORMAT_SAMPLES: Record<string, (now: Date) => string> = {
  'date-time': (now) => now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  date: (now) => now.toISOString().slice(0, 10),
  time: (now) => `${now.toISOString().slice(11, 19)}Z`,
  duration: () => 'PT1M',
  email: () => 'user@example.com',
  'idn-email': () => 'user@example.com',
  hostname: () => 'example.com',
  'idn-hostname': () => 'example.com',
  ipv4: () => '192.0.2.1',
  ipv6: () => '2001:db8::1',
  uri: () => 'https://example.com/',
  'uri-reference': () => 'https://example.com/',
  iri: () => 'https://example.com/',
  'iri-reference': () => 'https://example.com/',
  url: () => 'https://example.com/',
  'uri-template': () => 'https://example.com/{id}',
  uuid: () => '00000000-0000-4000-8000-000000000000',
  'json-pointer': () => '',
  'relative-json-pointer': () => '0',
  regex: () => '.*',
};

function stringFor(schema: Flat, path: string, state: State, variant: number): string {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  const patterns = (schema.patterns ?? []).flatMap((pattern) => {
    try {
      return [new RegExp(pattern, 'u')];
    } catch {
      return [];
    }
  });
  const fits = (candidate: string) =>
    [...candidate].length >= minLength &&
    [...candidate].length <= maxLength &&
    patterns.every((pattern) => pattern.test(candidate));
  const format = typeof schema.format === 'string' ? FORMAT_SAMPLES[schema.format] : undefined;
  const suffix = variant > 0 ? String(variant) : '';
  const plain = padded(suffix, minLength);
  const candidates = format
    ? [format(state.now)]
    : [plain, ...PATTERN_SAMPLES.map((sample) => padded(`${sample}${suffix}`, minLength))];
  const found = candidates.find(fits);
  if (found !== undefined) return found;
  if (format) state.gaps.push({ path, reason: `the ${schema.format} sample does not meet the other constraints` });
  else if (patterns.length)
    state.gaps.push({ path, reason: `no sample matches the pattern ${schema.patterns?.join(' and ')}` });
  else state.gaps.push({ path, reason: 'no string meets its length bounds' });
  return candidates[0] ?? '';
}

/** `text` lengthened with "x" to at least `length` characters. */
function padded(text: string, length: number): string {
  const missing = length - [...text].length;
  return missing > 0 ? text + 'x'.repeat(missing) : text;
}

function arrayFor(schema: Flat, path: string, state: State, depth: number): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const minContains =
    schema.contains === undefined ? 0 : typeof schema.minContains === 'number' ? schema.minContains : 1;
  const unique = schema.uniqueItems === true;
  const items: unknown[] = [];
  // Distinct values for `uniqueItems`: each item is built as the next variant (a suffix, one step more).
  const next = (itemSchema: unknown) =>
    generate(itemSchema, `${path}/${items.length}`, state, depth + 1, unique ? items.length : 0);
  for (let index = 0; index < minContains; index += 1) {
    const itemSchema =
      index < prefix.length ? { allOf: [prefix[index], schema.contains] } : { allOf: [schema.items, schema.contains] };
    items.push(next(itemSchema));
  }
  while (items.length < Math.max(minItems, prefix.length)) {
    const index = items.length;
    items.push(next(index < prefix.length ? prefix[index] : schema.items));
  }
  if (schema.items === false && items.length > prefix.length) {
    state.gaps.push({ path, reason: 'needs more items than prefixItems allows' });
  }
  if (unique && new Set(items.map((item) => JSON.stringify(item))).size < items.length) {
    state.gaps.push({ path, reason: 'could not make the items distinct (uniqueItems)' });
  }
  return items;
}

function objectFor(schema: Flat, path: string, state: State, depth: number, variant: number): Record<string, unknown> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const names = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const dependentRequired = isObject(schema.dependentRequired) ? schema.dependentRequired : {};
  const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
  // Optional properties in their declared order make up `minProperties`, then `dependentRequired` pulls in the rest.
  for (const name of Object.keys(properties)) {
    if (names.size >= minProperties) break;
    names.add(name);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of [...names]) {
      for (const needed of asList(dependentRequired[name])) {
        if (!names.has(needed)) {
          names.add(needed);
          grew = true;
        }
      }
    }
  }
  const object: Record<string, unknown> = {};
  for (const name of names) {
    object[name] = generate(
      propertySchema(schema, properties, name),
      `${path}/${escapePointer(name)}`,
      state,
      depth + 1,
      variant,
    );
  }
  for (let extra = 1; Object.keys(object).length < minProperties; extra += 1) {
    if (schema.additionalProperties === false) {
      state.gaps.push({ path, reason: 'needs more properties than it allows' });
      break;
    }
    object[`property_${extra}`] = generate(
      schema.additionalProperties,
      `${path}/property_${extra}`,
      state,
      depth + 1,
      0,
    );
  }
  return object;
}

/** A property's schema: declared, else the first matching `patternProperties`, else `additionalProperties`. */
function propertySchema(schema: Flat, properties: JsonSchema, name: string): unknown {
  if (Object.hasOwn(properties, name)) return properties[name];
  const patterns = isObject(schema.patternProperties) ? schema.patternProperties : {};
  for (const [pattern, sub] of Object.entries(patterns)) {
    try {
      if (new RegExp(pattern, 'u').test(name)) return sub;
    } catch {
      // An invalid pattern names nothing.
    }
  }
  return schema.additionalProperties;
}

/** The subschema a local reference names: `#`, `#/json/pointer` or `#anchor`; undefined for anything else. */
export function resolveRef(root: JsonSchema | boolean, reference: string): unknown {
  if (!reference.startsWith('#')) return undefined;
  const fragment = decodeURIComponent(reference.slice(1));
  if (fragment === '') return root;
  if (!fragment.startsWith('/')) return findAnchor(root, fragment);
  let node: unknown = root;
  for (const token of fragment.slice(1).split('/')) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

function findAnchor(node: unknown, anchor: string): unknown {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findAnchor(item, anchor);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isObject(node)) return undefined;
  if (node.$anchor === anchor || node.$dynamicAnchor === anchor) return node;
  for (const value of Object.values(node)) {
    const found = findAnchor(value, anchor);
    if (found !== undefined) return found;
  }
  return undefined;
}

function escapePointer(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function leastCommonMultiple(a: number, b: number): number {
  if (!Number.isInteger(a) || !Number.isInteger(b)) return Math.max(a, b);
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  return (a * b) / gcd(a, b);
}
