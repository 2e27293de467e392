import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../testing/harness.js';

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
