import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESIGN_DOC_EVENT, startTestServer, TEST_JWT_SECRET, type TestServer } from '../testing/harness.js';

let server: TestServer;
let workBuddyKey: string;
let hugoKey: string;

beforeAll(async () => {
  server = await startTestServer();
  workBuddyKey = await server.createApp('work-buddy');
  hugoKey = await server.createApp('hugo');
});
afterAll(() => server.close());

const publishAs = (token: string | undefined, app = 'work-buddy', headers: Record<string, string> = {}) =>
  server.request(`/api/v1/apps/${app}/events`, {
    method: 'POST',
    json: DESIGN_DOC_EVENT,
    headers,
    ...(token ? { token } : {}),
  });

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string } };
  expect(body.error.code).toBe(code);
}

const hs256 = (claims: Record<string, unknown>, secret = TEST_JWT_SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));

describe('authentication', () => {
  it('401 without credentials or with a malformed header', async () => {
    await expectError(await publishAs(undefined), 401, 'unauthorized');
    await expectError(await publishAs(undefined, 'work-buddy', { authorization: 'Basic abc' }), 401, 'unauthorized');
  });

  it('401 for an unknown key and for a revoked key, from the next request on', async () => {
    await expectError(await publishAs('ok_live_not-a-real-key'), 401, 'invalid_credentials');

    const created = await server.request('/api/v1/apps/work-buddy/keys', {
      method: 'POST',
      token: workBuddyKey,
      json: { name: 'rotating' },
    });
    expect(created.status).toBe(201);
    const { api_key } = (await created.json()) as { api_key: { id: string; key: string; prefix: string } };
    expect(api_key.key.startsWith(api_key.prefix)).toBe(true);
    expect((await publishAs(api_key.key)).status).toBe(200);

    const revoked = await server.request(`/api/v1/apps/work-buddy/keys/${api_key.id}`, {
      method: 'DELETE',
      token: workBuddyKey,
    });
    expect(revoked.status).toBe(204);
    await expectError(await publishAs(api_key.key), 401, 'revoked_key');
    // The other key of the app keeps working: rotation without downtime.
    expect((await publishAs(workBuddyKey)).status).toBe(200);
  });

  it('never returns key hashes or secrets when listing keys', async () => {
    const response = await server.request('/api/v1/apps/work-buddy/keys', { token: server.adminToken });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain('key_hash');
    expect(text).not.toContain(workBuddyKey);
  });
});

describe('authorization', () => {
  it("403 for another app's path", async () => {
    await expectError(await publishAs(hugoKey, 'work-buddy'), 403, 'forbidden_app');
    const list = await server.request('/api/v1/apps/work-buddy/events', { token: hugoKey });
    await expectError(list, 403, 'forbidden_app');
    const keys = await server.request('/api/v1/apps/work-buddy/keys', { method: 'POST', token: hugoKey, json: {} });
    await expectError(keys, 403, 'forbidden_app');
  });

  it('403 for a user token on an app route, and for an app key on admin routes', async () => {
    const userToken = await server.userToken('user_456');
    await expectError(await publishAs(userToken), 403, 'insufficient_scope');
    await expectError(await server.request('/api/v1/apps', { token: workBuddyKey }), 403, 'insufficient_scope');
    const create = await server.request('/api/v1/apps', {
      method: 'POST',
      token: workBuddyKey,
      json: { app_id: 'sneaky', name: 'Sneaky' },
    });
    await expectError(create, 403, 'insufficient_scope');
  });

  it('lets the admin read any app and its events', async () => {
    const response = await server.request('/api/v1/apps/work-buddy/events', { token: server.adminToken });
    expect(response.status).toBe(200);
  });
});

describe('user tokens', () => {
  const verifyWith = (token: string) => server.request('/api/v1/apps', { token });

  it('401 token_expired for an expired JWT, beyond the 30 s leeway', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectError(await verifyWith(await hs256({ sub: 'u', exp: now - 120 })), 401, 'token_expired');
  });

  it('401 for a JWT without exp, without sub, not yet valid, or signed with another secret', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectError(await verifyWith(await hs256({ sub: 'u' })), 401, 'invalid_token');
    await expectError(await verifyWith(await hs256({ exp: now + 60 })), 401, 'invalid_token');
    await expectError(
      await verifyWith(await hs256({ sub: 'u', exp: now + 600, nbf: now + 300 })),
      401,
      'invalid_token',
    );
    const forged = await hs256({ sub: 'u', exp: now + 60 }, 'another-secret-another-secret-another-secret');
    await expectError(await verifyWith(forged), 401, 'invalid_token');
  });

  it('refuses alg none', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'user_456', exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    await expectError(await verifyWith(unsigned), 401, 'invalid_token');
  });

  it('refuses RS256 tokens when no JWKS is configured (no algorithm confusion)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ sub: 'user_456' })
      .setProtectedHeader({ alg: 'RS256' })
      .setExpirationTime('5m')
      .sign(privateKey);
    await expectError(await verifyWith(token), 401, 'invalid_token');
  });

  it('accepts a valid HS256 token: sub is the user id', async () => {
    const token = await server.userToken('user_456');
    // Admin-only route: a valid user is authenticated, then refused for scope (not for the token).
    await expectError(await verifyWith(token), 403, 'insufficient_scope');
  });
});

describe('JWKS (an external identity provider)', () => {
  it('accepts RS256 tokens from the JWKS, checks iss and aud, and refuses HS256 when no secret is set', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const { createServer } = await import('node:http');
    const jwksServer = createServer((_, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as { port: number };
    const idp = await startTestServer({
      ORIVA_JWT_SECRET: '',
      ORIVA_JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      ORIVA_JWT_ISSUER: 'https://idp.example',
      ORIVA_JWT_AUDIENCE: 'oriva',
    });
    try {
      const sign = (claims: { iss: string; aud: string }) =>
        new SignJWT({ sub: 'user_456' })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(claims.iss)
          .setAudience(claims.aud)
          .setExpirationTime('5m')
          .sign(privateKey);
      const good = await sign({ iss: 'https://idp.example', aud: 'oriva' });
      await expectError(await idp.request('/api/v1/apps', { token: good }), 403, 'insufficient_scope');
      const wrongAudience = await sign({ iss: 'https://idp.example', aud: 'someone-else' });
      await expectError(await idp.request('/api/v1/apps', { token: wrongAudience }), 401, 'invalid_token');
      const wrongIssuer = await sign({ iss: 'https://evil.example', aud: 'oriva' });
      await expectError(await idp.request('/api/v1/apps', { token: wrongIssuer }), 401, 'invalid_token');
      const hsToken = await hs256({ sub: 'u', exp: Math.floor(Date.now() / 1000) + 60 });
      await expectError(await idp.request('/api/v1/apps', { token: hsToken }), 401, 'invalid_token');
    } finally {
      await idp.close();
      jwksServer.close();
    }
  });
});
