import { platformEventTypes } from '@oriva/contract';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonSchema, minimalExample } from './example.js';

// The server's settings (services/event-types/schema-validator.ts): 2020-12, formats, unknown keywords kept.
const ajv = new Ajv2020({ allErrors: true, strict: false, addUsedSchema: false, unicodeRegExp: true });
addFormats.default(ajv);

const NOW = new Date('2026-03-04T05:06:07.890Z');

/** The generated value, after checking Ajv accepts it and that the generator claimed no gap. */
function validExample(schema: JsonSchema): unknown {
  const { value, gaps } = minimalExample(schema, { now: NOW });
  const validate = ajv.compile(schema);
  expect(validate.errors ?? [], JSON.stringify(value)).toEqual([]);
  expect({ valid: validate(value), errors: validate.errors ?? [] }).toEqual({ valid: true, errors: [] });
  expect(gaps).toEqual([]);
  return value;
}

describe('minimalExample', () => {
  it('fills only required properties, each with its plainest value', () => {
    expect(
      validExample({
        type: 'object',
        required: ['duration', 'label', 'done', 'tags', 'meta', 'ratio', 'none'],
        properties: {
          duration: { type: 'integer' },
          label: { type: 'string' },
          done: { type: 'boolean' },
          tags: { type: 'array', items: { type: 'string' } },
          meta: { type: 'object' },
          ratio: { type: 'number' },
          none: { type: 'null' },
          optional: { type: 'string' },
        },
      }),
    ).toEqual({ duration: 0, label: '', done: false, tags: [], meta: {}, ratio: 0, none: null });
  });

  it('honours const, the first enum value and lower bounds', () => {
    expect(
      validExample({
        type: 'object',
        required: ['kind', 'level', 'count', 'score', 'name', 'list', 'above', 'step', 'negative', 'between'],
        properties: {
          kind: { const: 'focus' },
          level: { enum: ['low', 'high'] },
          count: { type: 'integer', minimum: 3 },
          score: { type: 'number', exclusiveMinimum: 0.5 },
          name: { type: 'string', minLength: 4, maxLength: 8 },
          list: { type: 'array', minItems: 2, items: { type: 'integer', minimum: 1 } },
          above: { type: 'integer', exclusiveMinimum: 7 },
          step: { type: 'integer', minimum: 5, multipleOf: 4 },
          negative: { type: 'integer', maximum: -10 },
          between: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0.5 },
        },
      }),
    ).toEqual({
      kind: 'focus',
      level: 'low',
      count: 3,
      score: 1.5,
      name: 'xxxx',
      list: [1, 1],
      above: 8,
      step: 8,
      negative: -10,
      between: 0.25,
    });
  });

  it('takes the first enum value the rest of the schema allows, and says when none is', () => {
    expect(validExample({ allOf: [{ enum: ['', 'ab', 'c'] }, { minLength: 1 }] })).toBe('ab');
    expect(validExample({ type: 'integer', enum: ['one', 2.5, 4], minimum: 3 })).toBe(4);
    expect(minimalExample({ allOf: [{ const: 'a' }, { minLength: 2 }] }).gaps).toEqual([
      { path: '', reason: 'the const breaks other constraints' },
    ]);
  });

  it('gives a sample of each common format', () => {
    const formats = ['date-time', 'date', 'time', 'email', 'uri', 'uuid', 'ipv4', 'ipv6', 'hostname', 'duration'];
    const value = validExample({
      type: 'object',
      required: formats,
      properties: Object.fromEntries(formats.map((format) => [format, { type: 'string', format }])),
    }) as Record<string, string>;
    expect(value['date-time']).toBe('2026-03-04T05:06:07Z');
    expect(value.email).toBe('user@example.com');
    expect(value.uri).toBe('https://example.com/');
  });

  it('builds nested objects and arrays, prefixItems, contains and distinct items', () => {
    expect(
      validExample({
        type: 'object',
        required: ['session'],
        properties: {
          session: {
            type: 'object',
            required: ['participants', 'pair', 'marks', 'ids'],
            properties: {
              participants: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  required: ['user_id', 'joined_at'],
                  properties: { user_id: { type: 'string', minLength: 1 }, joined_at: { format: 'date-time' } },
                },
              },
              pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer', minimum: 2 }], items: false },
              marks: { type: 'array', contains: { const: 'x' }, minContains: 2 },
              ids: { type: 'array', minItems: 3, uniqueItems: true, items: { type: 'integer' } },
            },
          },
        },
      }),
    ).toEqual({
      session: {
        participants: [{ user_id: 'x', joined_at: '2026-03-04T05:06:07Z' }],
        pair: ['', 2],
        marks: ['x', 'x'],
        ids: [0, 1, 2],
      },
    });
  });

  it('follows local $refs, anchors and allOf', () => {
    expect(
      validExample({
        $defs: {
          user: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
          named: { $anchor: 'named', required: ['name'], properties: { name: { type: 'string', minLength: 2 } } },
        },
        type: 'object',
        required: ['owner', 'tagged'],
        properties: {
          owner: { allOf: [{ $ref: '#/$defs/user' }, { $ref: '#named' }] },
          tagged: { $ref: '#/$defs/user', required: ['tag'], properties: { tag: { enum: ['a'] } } },
        },
      }),
    ).toEqual({
      owner: { id: '00000000-0000-4000-8000-000000000000', name: 'xx' },
      tagged: { id: '00000000-0000-4000-8000-000000000000', tag: 'a' },
    });
  });

  it('follows a recursive $ref as far as the required properties go', () => {
    expect(
      validExample({
        $defs: {
          node: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } },
          },
        },
        type: 'object',
        required: ['tree'],
        properties: { tree: { $ref: '#/$defs/node' } },
      }),
    ).toEqual({ tree: { name: '' } });
  });

  it('picks an anyOf branch that is not null, and the oneOf branch that fits the rest', () => {
    expect(
      validExample({
        type: 'object',
        required: ['maybe', 'shape'],
        properties: {
          maybe: { anyOf: [{ type: 'null' }, { type: 'integer', minimum: 1 }] },
          shape: {
            type: 'object',
            properties: { kind: { type: 'string' } },
            required: ['kind'],
            oneOf: [
              {
                properties: { kind: { const: 'circle' }, radius: { type: 'number', exclusiveMinimum: 0 } },
                required: ['radius'],
              },
              { properties: { kind: { const: 'square' }, side: { type: 'number' } }, required: ['side'] },
            ],
          },
        },
      }),
    ).toMatchObject({ maybe: 1, shape: { kind: 'circle', radius: 1 } });
  });

  it('meets if and then together, dependentRequired and minProperties', () => {
    expect(
      validExample({
        type: 'object',
        required: ['mode'],
        properties: {
          mode: { enum: ['timer', 'free'] },
          minutes: { type: 'integer', minimum: 5 },
          note: { type: 'string' },
        },
        if: { properties: { mode: { const: 'timer' } } },
        // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, in a schema, not a promise.
        then: { required: ['minutes'] },
        dependentRequired: { minutes: ['note'] },
        minProperties: 1,
      }),
    ).toEqual({ mode: 'timer', minutes: 5, note: '' });
    expect(validExample({ type: 'object', minProperties: 2, properties: { a: { type: 'string' } } })).toEqual({
      a: '',
      property_1: {},
    });
  });

  it('matches simple patterns, and names the place when no sample matches or oneOf branches overlap', () => {
    expect(
      validExample({
        type: 'object',
        required: ['slug', 'code'],
        properties: {
          slug: { type: 'string', pattern: '^[a-z]+$' },
          code: { type: 'string', pattern: '^[a-z0-9_-]+$' },
        },
      }),
    ).toEqual({ slug: 'a', code: 'a' });

    const { value, gaps } = minimalExample({
      type: 'object',
      required: ['ticket'],
      properties: { ticket: { type: 'string', pattern: '^TCK-[0-9]{6}$' } },
    });
    expect(value).toEqual({ ticket: '' });
    expect(gaps).toEqual([{ path: '/ticket', reason: 'no sample matches the pattern ^TCK-[0-9]{6}$' }]);

    // 0 is an integer and a number: both branches match, which oneOf forbids.
    const overlapping = minimalExample({ oneOf: [{ type: 'integer' }, { type: 'number' }] });
    expect(overlapping.gaps).toEqual([
      { path: '', reason: 'oneOf: the value was built for one branch and may match another too' },
    ]);
  });

  it('says so when a required property refers to itself without end', () => {
    const { gaps } = minimalExample({
      $defs: { loop: { type: 'object', required: ['next'], properties: { next: { $ref: '#/$defs/loop' } } } },
      $ref: '#/$defs/loop',
    });
    expect(gaps[0]?.reason).toMatch(/too deeply/);
  });

  it("builds a valid event_data for every one of the platform's own types", () => {
    for (const type of platformEventTypes('draft-2020-12')) {
      expect(validExample(type.schema), type.name).toBeTypeOf('object');
    }
  });

  it('builds a valid value for any schema made of the keywords it handles (property test)', () => {
    const { schema } = fc.letrec<{ schema: JsonSchema }>((tie) => ({
      schema: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record(
          {
            type: fc.constant('string'),
            minLength: fc.nat(5),
            format: fc.constantFrom('date-time', 'email', 'uri', 'uuid', 'date'),
          },
          { requiredKeys: ['type'] },
        ),
        fc.record(
          {
            type: fc.constantFrom('integer', 'number'),
            minimum: fc.integer({ min: -50, max: 50 }),
            exclusiveMinimum: fc.integer({ min: -50, max: 50 }),
            multipleOf: fc.constantFrom(1, 2, 5),
          },
          { requiredKeys: ['type'] },
        ),
        fc.constant({ type: 'boolean' }),
        fc.constant({ type: ['null', 'string'] }),
        fc.record({ enum: fc.uniqueArray(fc.jsonValue(), { minLength: 1, maxLength: 3 }) }),
        fc.record({ const: fc.jsonValue() }),
        fc
          .tuple(fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), tie('schema'), { maxKeys: 4 }), fc.nat(4))
          .map(([properties, required]) => ({
            type: 'object',
            properties,
            required: Object.keys(properties).slice(0, required),
          })),
        fc.tuple(tie('schema'), fc.nat(3)).map(([items, minItems]) => ({ type: 'array', items, minItems })),
        fc.tuple(tie('schema'), tie('schema')).map(([a, b]) => ({ anyOf: [a, b] })),
        fc.tuple(tie('schema'), fc.record({ minLength: fc.nat(3) })).map(([a, b]) => ({ allOf: [a, b] })),
      ),
    }));
    fc.assert(
      fc.property(schema, (generatedSchema) => {
        const { value, gaps } = minimalExample(generatedSchema, { now: NOW });
        // Where the generator says it may have failed, it owes nothing; everywhere else Ajv must agree.
        if (gaps.length > 0) return;
        const validate = ajv.compile(generatedSchema);
        if (!validate(value)) {
          throw new Error(`${JSON.stringify(value)} fails ${JSON.stringify(validate.errors)}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
