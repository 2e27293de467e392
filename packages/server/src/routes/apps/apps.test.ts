import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('apps', () => {
  it('registers an app with its first key, lists, reads and updates it', async () => {
    const created = await server.request('/api/v1/apps', {
      method: 'POST',
      token: server.adminToken,
      json: { app_id: 'work-buddy', name: 'Work Buddy', icon_url: 'https://workbuddy.example/icon.png' },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as {
      app: { app_id: string; name: string; icon_url: string };
      api_key: { key: string; id: string; prefix: string; revoked_at: null };
    };
    expect(body.app).toMatchObject({
      app_id: 'work-buddy',
      name: 'Work Buddy',
      icon_url: 'https://workbuddy.example/icon.png',
      undeclared_types: 'allow',
    });
    expect(body.api_key.key).toMatch(/^ok_live_[\w-]{43}$/);
    expect(body.api_key.id).toMatch(/^key_[0-9A-Z]{26}$/);

    const list = await server.request('/api/v1/apps', { token: server.adminToken });
    expect(((await list.json()) as { apps: Array<{ app_id: string }> }).apps.map((app) => app.app_id)).toEqual([
      'work-buddy',
    ]);

    const read = await server.request('/api/v1/apps/work-buddy', { token: body.api_key.key });
    expect(((await read.json()) as { app: { name: string } }).app.name).toBe('Work Buddy');

    const updated = await server.request('/api/v1/apps/work-buddy', {
      method: 'PATCH',
      token: body.api_key.key,
      json: { name: 'Work Buddy 2', icon_url: null },
    });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { app: object }).app).toMatchObject({ name: 'Work Buddy 2', icon_url: null });
  });

  it('keeps the undeclared-types policy set on create and on PATCH, and refuses an unknown one', async () => {
    const created = await server.request('/api/v1/apps', {
      method: 'POST',
      token: server.adminToken,
      json: { app_id: 'strict-app', name: 'Strict', undeclared_types: 'warn' },
    });
    expect(((await created.json()) as { app: object }).app).toMatchObject({ undeclared_types: 'warn' });
    const patched = await server.request('/api/v1/apps/strict-app', {
      method: 'PATCH',
      token: server.adminToken,
      json: { undeclared_types: 'reject' },
    });
    expect(((await patched.json()) as { app: object }).app).toMatchObject({
      name: 'Strict',
      undeclared_types: 'reject',
    });
    // A PATCH of something else leaves the policy as it was.
    await server.request('/api/v1/apps/strict-app', {
      method: 'PATCH',
      token: server.adminToken,
      json: { name: 'Strict 2' },
    });
    const read = await server.request('/api/v1/apps/strict-app', { token: server.adminToken });
    expect(((await read.json()) as { app: object }).app).toMatchObject({
      name: 'Strict 2',
      undeclared_types: 'reject',
    });

    const bad = await server.request('/api/v1/apps/strict-app', {
      method: 'PATCH',
      token: server.adminToken,
      json: { undeclared_types: 'ignore' },
    });
    expect(bad.status).toBe(400);
    const error = ((await bad.json()) as { error: { fields: Array<{ path: string }> } }).error;
    expect(error.fields.map((field) => field.path)).toEqual(['undeclared_types']);
  });

  it('409 for a duplicate app id, 400 for a bad one, 404 for an unknown one', async () => {
    const again = await server.request('/api/v1/apps', {
      method: 'POST',
      token: server.adminToken,
      json: { app_id: 'work-buddy', name: 'Again' },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('app_exists');

    const bad = await server.request('/api/v1/apps', {
      method: 'POST',
      token: server.adminToken,
      json: { app_id: 'Work Buddy!', name: 'x', icon_url: 'javascript:alert(1)' },
    });
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map(
      (f) => f.path,
    );
    expect(paths.sort()).toEqual(['app_id', 'icon_url']);

    const missing = await server.request('/api/v1/apps/nobody', { token: server.adminToken });
    expect(missing.status).toBe(404);
    const revokeMissing = await server.request('/api/v1/apps/work-buddy/keys/key_nope', {
      method: 'DELETE',
      token: server.adminToken,
    });
    expect(revokeMissing.status).toBe(404);
  });
});

describe('operations', () => {
  it('serves health, readiness, metrics and the OpenAPI document', async () => {
    expect(await (await server.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await server.request('/readyz')).json()).toEqual({ status: 'ready' });
    const metrics = await (await server.request('/metrics')).text();
    expect(metrics).toContain('oriva_http_requests_total{method="GET",route="/healthz",status="200"}');
    expect(metrics).toContain('oriva_http_request_duration_seconds_bucket');
    const openapi = (await (await server.request('/openapi.json')).json()) as { openapi: string; paths: object };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/api/v1/apps/{app_id}/events');
  });

  it('counts published events per app in /metrics', async () => {
    const key = await server.createApp('metered');
    await server.request('/api/v1/apps/metered/events/batch', {
      method: 'POST',
      token: key,
      json: {
        events: [1, 2, 3].map((n) => ({
          event_category: 'session',
          event_type: 'created',
          entity_type: 'session',
          entity_id: `s${n}`,
          user_id: 'u',
        })),
      },
    });
    const metrics = await (await server.request('/metrics')).text();
    expect(metrics).toContain('oriva_events_published_total{app_id="metered"} 3');
  });
});

describe('CORS', () => {
  it('answers preflight for the SDK headers and exposes the ones it reads (dev mode allows any origin)', async () => {
    const preflight = await server.request('/api/v1/apps/work-buddy/events', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const response = await server.request('/healthz', { headers: { origin: 'http://localhost:5173' } });
    expect(response.status).toBe(200);
    const api = await server.request('/api/v1/apps', {
      token: server.adminToken,
      headers: { origin: 'http://x.test' },
    });
    expect(api.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('x-should-retry');
  });

  it('allows only the configured origins in production', async () => {
    const production = await startTestServer({ ORIVA_DEV: '0', ORIVA_CORS_ORIGINS: 'https://core.oriva.example' });
    try {
      const ask = (origin: string) =>
        production.request('/api/v1/apps', { token: production.adminToken, headers: { origin } });
      expect((await ask('https://core.oriva.example')).headers.get('access-control-allow-origin')).toBe(
        'https://core.oriva.example',
      );
      expect((await ask('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await production.close();
    }
  });
});
