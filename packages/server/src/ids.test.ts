import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

describe('newId', () => {
  it('is prefixed and 26 Crockford base32 characters long', () => {
    expect(newId('evt')).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newId('wh')).toMatch(/^wh_/);
  });

  it('sorts by creation, even within one millisecond and when the clock steps back', () => {
    const now = Date.now();
    const ids = [newId('evt', now), newId('evt', now), newId('evt', now), newId('evt', now - 5), newId('evt', now + 1)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('encodes the time in the first 10 characters', () => {
    const a = newId('evt', Date.UTC(2030, 0, 1));
    const b = newId('evt', Date.UTC(2030, 0, 2));
    expect(a.slice(4, 14) < b.slice(4, 14)).toBe(true);
  });
});
