import { describe, expect, it } from 'vitest';
import { fakeJwt as jwt } from '../fake-fetch.test-support.js';
import { jwtSubject } from './jwt.js';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('jwtSubject', () => {
  it('decodes the sub of a JWT without verifying it, UTF-8 included', () => {
    expect(jwtSubject(jwt({ sub: 'user_456' }))).toBe('user_456');
    expect(jwtSubject(jwt({ sub: 'auth0|café-∂' }))).toBe('auth0|café-∂');
  });

  it('gives undefined for anything else', () => {
    for (const token of ['', 'opaque', 'a..b', `${base64url({})}.!!!.x`, jwt({}), jwt({ sub: 42 }), jwt({ sub: '' })]) {
      expect(jwtSubject(token)).toBeUndefined();
    }
    expect(jwtSubject(`x.${Buffer.from('[1]').toString('base64url')}.y`)).toBeUndefined();
    expect(jwtSubject(`x.${Buffer.from('null').toString('base64url')}.y`)).toBeUndefined();
  });
});
