import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../core/errors.js';
import { apiError, json, testClient } from '../fake-fetch.test-support.js';
import type { ApiKeyWithSecret, App } from '../types.js';

const app: App = {
  app_id: 'work-buddy',
  name: 'Work Buddy',
  icon_url: null,
  undeclared_types: 'allow',
  created_at: '2025-09-30T10:30:00.000Z',
  updated_at: '2025-09-30T10:30:00.000Z',
};
const key: ApiKeyWithSecret = {
  id: 'key_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
  app_id: 'work-buddy',
  name: 'production',
  prefix: 'ok_live_4f9a',
  created_at: '2025-09-30T10:30:00.000Z',
  revoked_at: null,
  key: 'ok_live_4f9a_secret',
};

const admin = (answers: Response[]) => testClient(answers, { apiKey: undefined, adminToken: 'admin-secret' });

describe('apps', () => {
  it('create posts to /apps and returns the app with its first key', async () => {
    const body = { success: true, app, api_key: key };
    const { client, calls } = admin([json(201, body)]);
    await expect(client.apps.create({ app_id: 'work-buddy', name: 'Work Buddy' })).resolves.toEqual(body);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps');
    expect(calls[0]?.body).toEqual({ app_id: 'work-buddy', name: 'Work Buddy' });
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer admin-secret');
    expect(calls[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('list gets /apps', async () => {
    const { client, calls } = admin([json(200, { success: true, apps: [app] })]);
    const { apps } = await client.apps.list();
    expect(apps).toEqual([app]);
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps');
  });

  it('retrieve gets /apps/{appId}', async () => {
    const { client, calls } = testClient([json(200, { success: true, app })]);
    await expect(client.apps.retrieve('work-buddy')).resolves.toEqual({ success: true, app });
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/work-buddy');
  });

  it('retrieve of an unknown app throws NotFoundError', async () => {
    const { client } = testClient([apiError(404, 'not_found', 'No app nope')]);
    await expect(client.apps.retrieve('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('update patches /apps/{appId}', async () => {
    const updated = { ...app, icon_url: 'https://workbuddy.example/icon.png' };
    const { client, calls } = testClient([json(200, { success: true, app: updated })]);
    const result = await client.apps.update('work-buddy', { icon_url: 'https://workbuddy.example/icon.png' });
    expect(result.app.icon_url).toBe('https://workbuddy.example/icon.png');
    expect(calls[0]?.method).toBe('PATCH');
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/work-buddy');
    expect(calls[0]?.body).toEqual({ icon_url: 'https://workbuddy.example/icon.png' });
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
  });
});

describe('apps.keys', () => {
  it('create posts to /apps/{appId}/keys, with an empty body by default', async () => {
    const { client, calls } = testClient([
      json(201, { success: true, api_key: key }),
      json(201, { success: true, api_key: key }),
    ]);
    await expect(client.apps.keys.create('work-buddy', { name: 'production' })).resolves.toEqual({
      success: true,
      api_key: key,
    });
    await client.apps.keys.create('work-buddy');
    expect(calls.map((call) => [call.method, call.url, call.body])).toEqual([
      ['POST', 'http://oriva.test/api/v1/apps/work-buddy/keys', { name: 'production' }],
      ['POST', 'http://oriva.test/api/v1/apps/work-buddy/keys', {}],
    ]);
  });

  it('list gets /apps/{appId}/keys', async () => {
    const { key: _secret, ...listed } = key;
    const { client, calls } = testClient([json(200, { success: true, api_keys: [listed] })]);
    const { api_keys } = await client.apps.keys.list('work-buddy');
    expect(api_keys).toEqual([listed]);
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/work-buddy/keys');
  });

  it('revoke deletes /apps/{appId}/keys/{keyId} and resolves to undefined on 204', async () => {
    const { client, calls } = testClient([new Response(null, { status: 204, headers: { 'x-request-id': 'req_del' } })]);
    await expect(client.apps.keys.revoke('work-buddy', key.id)).resolves.toBeUndefined();
    expect(calls[0]?.method).toBe('DELETE');
    expect(calls[0]?.url).toBe(`http://oriva.test/api/v1/apps/work-buddy/keys/${key.id}`);
  });
});
