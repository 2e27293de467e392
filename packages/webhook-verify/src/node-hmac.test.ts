import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmac, hmacKey, plainHmac } from './node-hmac.js';

const PREFIX = 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.';

// The fast path must be indistinguishable from createHmac, including where it hands over to it.
describe('the Node HMAC fast path', () => {
  it('gives createHmac’s bytes for text and binary bodies of every size, across the 64 KiB scratch limit', () => {
    const key = hmacKey(randomBytes(24));
    for (const length of [0, 1, 63, 64, 65, 1000, 4096, 21_800, 21_900, 65_000, 65_600, 200_000]) {
      const bytes = randomBytes(length);
      const text = 'é€😀a'.repeat(Math.ceil(length / 4)).slice(0, length);
      for (const body of [bytes, text]) {
        const reference = createHmac('sha256', key.key).update(PREFIX).update(body).digest();
        expect(Buffer.from(hmac(key, PREFIX, body, 'latin1'), 'latin1'), `${typeof body} ${length}`).toEqual(reference);
        expect(hmac(key, PREFIX, body, 'base64')).toBe(reference.toString('base64'));
        expect(plainHmac(key, PREFIX, body, 'base64')).toBe(reference.toString('base64'));
      }
    }
  });

  it('hashes keys longer than a block first, as createHmac does', () => {
    for (const length of [16, 32, 64, 65, 128]) {
      const secret = randomBytes(length);
      const expected = createHmac('sha256', secret).update(PREFIX).update('{}').digest('base64');
      expect(hmac(hmacKey(secret), PREFIX, '{}', 'base64'), `${length}-byte key`).toBe(expected);
    }
  });
});
