import { describe, expect, it } from 'vitest';
import { applyOverrides, parseOverride, parseValue } from './overrides.js';

describe('--set overrides', () => {
  it('read values as JSON when they parse, else as strings', () => {
    expect(parseValue('3')).toBe(3);
    expect(parseValue('true')).toBe(true);
    expect(parseValue('null')).toBeNull();
    expect(parseValue('{"a":[1]}')).toEqual({ a: [1] });
    expect(parseValue('"3"')).toBe('3');
    expect(parseValue('calm')).toBe('calm');
    expect(parseValue('')).toBe('');
    expect(parseOverride('note=a=b')).toEqual({ path: 'note', keys: ['note'], value: 'a=b' });
  });

  it('set nested paths, creating objects on the way and indexing arrays, without touching the input', () => {
    const data = { duration: 1, tags: ['a'], mood: null };
    const result = applyOverrides(data, [
      parseOverride('duration=1500'),
      parseOverride('a.b=3'),
      parseOverride('tags.1=b'),
      parseOverride('mood.label=calm'),
    ]);
    expect(result).toEqual({ duration: 1500, a: { b: 3 }, tags: ['a', 'b'], mood: { label: 'calm' } });
    expect(data).toEqual({ duration: 1, tags: ['a'], mood: null });
  });

  it('refuse what they cannot set, naming the path', () => {
    expect(() => parseOverride('duration')).toThrow(/not path=value/);
    expect(() => parseOverride('=3')).toThrow(/not path=value/);
    expect(() => parseOverride('a..b=1')).toThrow(/empty part/);
    expect(() => parseOverride('__proto__.polluted=1')).toThrow(/cannot be set/);
    expect(() => applyOverrides({ duration: 1 }, [parseOverride('duration.unit=s')])).toThrow(
      'duration.unit: duration is 1, not an object',
    );
    expect(() => applyOverrides({ tags: [] }, [parseOverride('tags.x=1')])).toThrow(/not an index/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
