import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalSessions } from '../../auth/portal-sessions.js';
import { startTestServer, type TestServer } from '../../testing/harness.js';

let server: TestServer;
let ownKey: string;
beforeAll(async () => {
  server = await startTestServer();
  ownKey = await server.createApp('work-buddy');
  await server.createApp('other-app');
});
afterAll(() => server.close());

interface Session {
  url: string;
  token: string;
  app_id: string;
  expires_at: string;
}

async function openSession(token: string, appId = 'work-buddy', json?: unknown): Promise<Session> {
  const response = await server.request(`/api/v1/apps/${appId}/portal-sessions`, { method: 'POST', token, json });
  expect(response.status).toBe(201);
  return (await response.json()) as Session;
}

async function errorOf(response: Response) {
  return { status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code };
}

describe('POST /api/v1/apps/{app_id}/portal-sessions', () => {
  it('returns a console link with the token in the fragment, valid for an hour by default', async () => {
    const before = Date.now();
    const session = await openSession(ownKey);
    expect(session.url).toBe(`${server.url}/console#token=${session.token}`);
    expect(session.token).toMatch(/^ops_[\w-]+\.[\w-]{43}$/);
    expect(session.app_id).toBe('work-buddy');
    const lifetime = Date.parse(session.expires_at) - before;
    expect(lifetime).toBeGreaterThan(3590_000);
    expect(lifetime).toBeLessThanOrEqual(3601_000);
  });

  it('lets the admin open any app, takes a shorter lifetime, and refuses unknown apps and bad lifetimes', async () => {
    const session = await openSession(server.adminToken, 'other-app', { expires_in_seconds: 120 });
    expect(session.app_id).toBe('other-app');
    expect(Date.parse(session.expires_at) - Date.now()).toBeLessThanOrEqual(121_000);
    const unknown = await server.request('/api/v1/apps/nobody/portal-sessions', {
      method: 'POST',
      token: server.adminToken,
    });
    expect(unknown.status).toBe(404);
    const tooLong = await server.request('/api/v1/apps/work-buddy/portal-sessions', {
      method: 'POST',
      token: ownKey,
      json: { expires_in_seconds: 7 * 24 * 3600 },
    });
    expect(tooLong.status).toBe(400);
    const { error } = (await tooLong.json()) as { error: { fields: Array<{ path: string }> } };
    expect(error.fields.map((field) => field.path)).toEqual(['expires_in_seconds']);
  });

  it("refuses one app's key for another app", async () => {
    const response = await server.request('/api/v1/apps/other-app/portal-sessions', { method: 'POST', token: ownKey });
    expect(await errorOf(response)).toEqual({ status: 403, code: 'forbidden_app' });
  });
});

describe('a portal session token', () => {
  it("acts as its app on the app's routes: webhooks, keys, events, deliveries", async () => {
    const { token } = await openSession(ownKey);
    for (const path of ['', '/webhooks', '/keys', '/events', '/event-types']) {
      const response = await server.request(`/api/v1/apps/work-buddy${path}`, { token });
      expect(response.status, path).toBe(200);
    }
    const created = await server.request('/api/v1/apps/work-buddy/webhooks', {
      method: 'POST',
      token,
      json: { webhook_url: 'https://receiver.example/hook', subscribed_events: ['*'] },
    });
    expect(created.status).toBe(201);
  });

  it('cannot touch another app', async () => {
    const { token } = await openSession(ownKey);
    for (const path of ['', '/webhooks', '/keys']) {
      const response = await server.request(`/api/v1/apps/other-app${path}`, { token });
      expect(await errorOf(response), path).toEqual({ status: 403, code: 'forbidden_app' });
    }
  });

  it('cannot do admin things, reach routes outside its app, or open further sessions', async () => {
    const { token } = await openSession(ownKey);
    expect(await errorOf(await server.request('/api/v1/apps', { token }))).toEqual({
      status: 403,
      code: 'insufficient_scope',
    });
    expect(
      await errorOf(await server.request('/api/v1/admin/prune', { method: 'POST', token, json: {} })),
    ).toMatchObject({ status: 403 });
    expect(await errorOf(await server.request('/api/v1/events/stream/tickets', { method: 'POST', token }))).toEqual({
      status: 403,
      code: 'portal_scope',
    });
    expect(
      await errorOf(await server.request('/api/v1/apps/work-buddy/portal-sessions', { method: 'POST', token })),
    ).toEqual({ status: 403, code: 'portal_scope' });
  });

  it('stops working once expired, and when forged or signed with another admin token', async () => {
    const sessions = createPortalSessions(server.adminToken);
    const expired = sessions.issue('work-buddy', new Date(Date.now() - 1000)).token;
    expect(await errorOf(await server.request('/api/v1/apps/work-buddy/webhooks', { token: expired }))).toEqual({
      status: 401,
      code: 'token_expired',
    });

    const foreign = createPortalSessions('another-admin-token-0123456789abcdef').issue(
      'work-buddy',
      new Date(Date.now() + 60_000),
    ).token;
    const { token } = await openSession(ownKey);
    const [payload, mac] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload.slice(4), 'base64url').toString()) as Record<string, unknown>;
    const widened = `ops_${Buffer.from(JSON.stringify({ ...claims, app: 'other-app' })).toString('base64url')}.${mac}`;
    for (const forged of [foreign, widened, `${payload}.`, 'ops_garbage']) {
      const response = await server.request('/api/v1/apps/work-buddy/webhooks', { token: forged });
      expect(await errorOf(response), forged).toEqual({ status: 401, code: 'invalid_token' });
    }
    const widenedOther = await server.request('/api/v1/apps/other-app/webhooks', { token: widened });
    expect(widenedOther.status).toBe(401);
  });
});
