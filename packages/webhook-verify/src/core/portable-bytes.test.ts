import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, constantTimeEqual } from './portable-bytes.js';
import { KeyCache } from './secrets.js';

// The portable helpers the web entry relies on (the node entry uses Buffer and timingSafeEqual).
describe('portable helpers', () => {
  it('base64 encodes and decodes like Buffer, standard and URL-safe, padded or not', () => {
    for (let length = 0; length <= 100; length++) {
      const bytes = randomBytes(length);
      const encoded = base64Encode(bytes);
      expect(encoded).toBe(bytes.toString('base64'));
      expect(Buffer.from(base64Decode(encoded))).toEqual(bytes);
      expect(Buffer.from(base64Decode(bytes.toString('base64url')))).toEqual(bytes);
    }
  });

  it('compares bytes', () => {
    const a = randomBytes(32);
    expect(constantTimeEqual(a, Buffer.from(a))).toBe(true);
    for (let i = 0; i < 32; i++) {
      const b = Buffer.from(a);
      b[i]! ^= 1;
      expect(constantTimeEqual(a, b)).toBe(false);
    }
    expect(constantTimeEqual(a, a.subarray(0, 31))).toBe(false);
  });

  it('keeps at most `limit` keys, dropping the oldest', () => {
    const cache = new KeyCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });
});
