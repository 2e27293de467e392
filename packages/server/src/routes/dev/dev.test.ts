import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createUserTokenVerifier } from '../../auth/jwt.js';
import { startTestServer, TEST_JWT_SECRET } from '../../testing/harness.js';
import { isLoopbackAddress } from './index.js';

const PATH = '/api/v1/dev/users/user_456/token';

function statusWithHost(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: PATH, method: 'POST', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('POST /api/v1/dev/users/{user_id}/token', () => {
  it('mints a token the server accepts for that user, in dev mode', async () => {
    const server = await startTestServer();
    try {
      const response = await server.request(PATH, { method: 'POST' });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as { token: string; expires_at: string; user_id: string };
      expect(body.user_id).toBe('user_456');
      expect(new Date(body.expires_at).getTime()).toBeGreaterThan(Date.now() + 11 * 3600 * 1000);
      const verify = createUserTokenVerifier({
        secret: TEST_JWT_SECRET,
        jwksUrl: undefined,
        issuer: undefined,
        audience: undefined,
      });
      expect(await verify(body.token)).toEqual({ userId: 'user_456' });
      const feed = await server.request('/api/v1/users/user_456/notifications', { token: body.token });
      expect(feed.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('refuses other origins, proxied requests and non-loopback host names', async () => {
    const server = await startTestServer();
    try {
      const post = (headers: Record<string, string>) => server.request(PATH, { method: 'POST', headers });
      const otherOrigin = await post({ origin: 'http://evil.example' });
      expect(otherOrigin.status).toBe(403);
      expect(((await otherOrigin.json()) as { error: { code: string } }).error.code).toBe('forbidden_origin');
      expect((await post({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
      // fetch may not set Host; a DNS-rebinding page's requests carry its own host name.
      expect(await statusWithHost(server.port, 'rebound.example:80')).toBe(403);
      expect(await statusWithHost(server.port, `localhost:${server.port}`)).toBe(200);
      const sameOrigin = await post({ origin: server.url });
      expect(sameOrigin.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('does not exist outside dev mode', async () => {
    const server = await startTestServer({ ORIVA_DEV: '0', ORIVA_INBOX: '0' });
    try {
      expect((await server.request(PATH, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.0.0.53', '::1', '::ffff:127.0.0.1'].map(isLoopbackAddress)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '192.168.1.2', '::'].map(isLoopbackAddress)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
