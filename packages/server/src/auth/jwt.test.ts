import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../testing/harness.js';
import { createUserTokenVerifier, InvalidTokenError } from './jwt.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const hs256 = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(TEST_JWT_SECRET));

/** A user route: the token's user reads their own unread count. */
const unreadCountWith = (token: string, user = 'user_456') =>
  server.request(`/api/v1/users/${user}/notifications/unread-count`, { token });

describe('user token claims', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses a token issued an hour in the future with 401 invalid_token naming iat', async () => {
    const response = await unreadCountWith(await hs256({ sub: 'user_456', iat: now() + 3600, exp: now() + 7200 }));
    expect(response.status).toBe(401);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/"iat".*future.*30 s/);
  });

  it('accepts iat within the 30 s leeway, in the past, or absent', async () => {
    for (const iat of [now() + 20, now() - 600, undefined]) {
      const response = await unreadCountWith(await hs256({ sub: 'user_456', iat, exp: now() + 600 }));
      expect(response.status, String(iat)).toBe(200);
    }
  });

  it('refuses a sub that no backend can store (NUL, lone surrogate) with 401, not 500', async () => {
    for (const sub of ['user\u0000456', 'user\ud800']) {
      // A user token resolves a notification among its user's own: the sub reaches the query.
      const token = await hs256({ sub, exp: now() + 600 });
      const response = await server.request('/api/v1/notifications/wb_notif_123', { token });
      expect(response.status, JSON.stringify(sub)).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
    }
  });
});

describe('verified tokens remembered between requests', () => {
  const verifierOptions = { secret: TEST_JWT_SECRET, jwksUrl: undefined, issuer: undefined, audience: undefined };
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('refuses a remembered token once it expires (past the 30 s leeway) as token_expired', async () => {
    const verify = createUserTokenVerifier(verifierOptions);
    const token = await hs256({ sub: 'user_456', exp: nowSeconds() + 5 });
    expect(await verify(token)).toEqual({ userId: 'user_456' });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 20_000);
      expect(await verify(token)).toEqual({ userId: 'user_456' });
      vi.setSystemTime(Date.now() + 20_000);
      const refusal = await verify(token).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(InvalidTokenError);
      expect((refusal as InvalidTokenError).code).toBe('token_expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('never lets a token with the same claims but another signature ride on a remembered one', async () => {
    const verify = createUserTokenVerifier(verifierOptions);
    const claims = { sub: 'user_456', exp: nowSeconds() + 600 };
    const genuine = await hs256(claims);
    await verify(genuine);
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another secret of the same length as the test one'));
    const refusal = await verify(forged).catch((error: unknown) => error);
    expect((refusal as InvalidTokenError).code).toBe('invalid_token');
    expect(await verify(genuine)).toEqual({ userId: 'user_456' });
  });
});
