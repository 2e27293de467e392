import { describe, expect, it } from 'vitest';
import { unsafePatternReason } from './safe-pattern.js';
import { compileSchema, MAX_PATTERN_SUBJECT_LENGTH, validationErrors } from './schema-validator.js';

describe('unsafePatternReason', () => {
  it.each([
    '^[a-z]+$',
    '^\\d{4}-\\d{2}-\\d{2}$',
    '^(foo|bar)$',
    '^(?:ab)+$',
    '^[a-z]+@[a-z]+\\.[a-z]{2,}$',
    '^(a+)?$',
    '^(a+){2}$',
    '[(+*)]+',
    '\\(a+\\)+',
  ])('lets %s run', (pattern) => {
    expect(unsafePatternReason(pattern)).toBeUndefined();
  });

  it.each([
    ['(a+)+', /nest quantifiers/],
    ['^(a*)*$', /nest quantifiers/],
    ['(a?b+){2,}', /nest quantifiers/],
    ['((ab)*c)*', /nest quantifiers/],
    ['(?:\\w+\\s?)*$', /nest quantifiers/],
    ['(a|aa)+', /alternatives/],
    ['(x)\\1', /backreferences/],
    ['(?<x>a)\\k<x>', /backreferences/],
    ['[', /not a valid/],
    ['a'.repeat(600), /at most/],
  ])('refuses %s', (pattern, reason) => {
    expect(unsafePatternReason(pattern)).toMatch(reason);
  });
});

describe('pattern subjects are capped', () => {
  it('a string past the cap fails a pattern it would otherwise match, and no check takes long', () => {
    const validate = compileSchema({ type: 'string', pattern: '^a*b*a*$' });
    expect(validationErrors(validate, 'a'.repeat(MAX_PATTERN_SUBJECT_LENGTH), 'value')).toEqual([]);
    const started = Date.now();
    expect(validationErrors(validate, 'a'.repeat(MAX_PATTERN_SUBJECT_LENGTH + 1), 'value')[0]?.code).toBe('pattern');
    expect(validationErrors(validate, `${'a'.repeat(MAX_PATTERN_SUBJECT_LENGTH - 1)}c`, 'value')[0]?.code).toBe(
      'pattern',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('reference cycles', () => {
  it.each([[{ $ref: '#' }], [{ $dynamicRef: '#' }], [{ $defs: { a: { $anchor: 'x', $ref: '#x' } }, $ref: '#x' }]])(
    'refuses %j when it is compiled',
    (schema) => {
      expect(() => compileSchema(schema)).toThrow(expect.objectContaining({ status: 400, code: 'schema_invalid' }));
    },
  );

  it('refuses a value that leads into a cycle, without throwing', () => {
    const validate = compileSchema({ properties: { a: { $ref: '#x' } }, $defs: { x: { $anchor: 'x', $ref: '#x' } } });
    expect(validationErrors(validate, { b: 1 }, 'event_data')).toEqual([]);
    expect(validationErrors(validate, { a: 1 }, 'event_data')).toEqual([
      { path: 'event_data', code: 'schema_recursion', message: expect.any(String) },
    ]);
  });
});
