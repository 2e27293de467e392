import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Oriva } from './client.js';
import { OrivaError } from './core/errors.js';
import { normalizeBaseUrl, path } from './core/url.js';
import { fakeFetch, json, testClient } from './fake-fetch.test-support.js';
import { VERSION } from './version.js';

const published = { success: true, event_id: 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T', timestamp: '2025-09-30T10:30:00.000Z' };
const event = {
  event_category: 'notification',
  event_type: 'dismissed',
  entity_type: 'notification',
  entity_id: 'wb_notif_123',
  user_id: 'user_456',
};

const ENV = ['ORIVA_API_KEY', 'ORIVA_ADMIN_TOKEN', 'ORIVA_APP_ID', 'ORIVA_API_BASE'];

beforeEach(() => {
  // Whatever the developer's shell exports, these tests start from an empty Oriva environment.
  for (const name of ENV) vi.stubEnv(name, '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('base URL', () => {
  it.each([
    ['http://localhost:8787', 'http://localhost:8787/api/v1'],
    ['http://localhost:8787/', 'http://localhost:8787/api/v1'],
    ['http://localhost:8787/api/v1', 'http://localhost:8787/api/v1'],
    ['https://api.oriva.io/api/v1/', 'https://api.oriva.io/api/v1'],
    ['https://api.oriva.io//', 'https://api.oriva.io/api/v1'],
    ['https://example.com/oriva', 'https://example.com/oriva/api/v1'],
    ['  https://api.oriva.io  ', 'https://api.oriva.io/api/v1'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each(['localhost:8787/api', 'not a url', 'ftp://api.oriva.io', 'https://api.oriva.io/?x=1'])(
    'rejects %j',
    (input) => {
      expect(() => normalizeBaseUrl(input)).toThrow(OrivaError);
    },
  );

  it('sends requests below the normalised base', async () => {
    const { client, calls } = testClient([json(200, published)], { baseUrl: 'http://localhost:8787/' });
    await client.events.publish(event);
    expect(client.baseUrl).toBe('http://localhost:8787/api/v1');
    expect(calls[0]?.url).toBe('http://localhost:8787/api/v1/apps/work-buddy/events');
  });

  it('defaults to ORIVA_API_BASE, then the local server', () => {
    expect(new Oriva({ apiKey: 'ok_a', fetch: fakeFetch().fetch }).baseUrl).toBe('http://localhost:8787/api/v1');
    vi.stubEnv('ORIVA_API_BASE', 'https://api.oriva.io/api/v1');
    expect(new Oriva({ apiKey: 'ok_a', fetch: fakeFetch().fetch }).baseUrl).toBe('https://api.oriva.io/api/v1');
  });

  it('encodes path parameters and refuses ones that would address another route', () => {
    expect(path`/apps/${'a b/c'}/keys/${'k?1'}`).toBe('/apps/a%20b%2Fc/keys/k%3F1');
    expect(() => path`/apps/${''}`).toThrow(OrivaError);
    expect(() => path`/apps/${'..'}`).toThrow(OrivaError);
  });
});

describe('credentials and headers', () => {
  it('sends the app key as a bearer token, with the SDK headers', async () => {
    const { client, calls } = testClient([json(200, published)]);
    await client.events.publish(event);
    const headers = calls[0]?.headers;
    expect(calls[0]?.method).toBe('POST');
    expect(headers?.get('authorization')).toBe('Bearer ok_test_key');
    expect(headers?.get('accept')).toBe('application/json');
    expect(headers?.get('content-type')).toBe('application/json');
    expect(headers?.get('x-oriva-sdk')).toBe(`js/${VERSION}`);
    expect(headers?.get('user-agent')).toBe(`oriva-sdk-js/${VERSION} node/${process.versions.node}`);
    expect(calls[0]?.body).toEqual(event);
  });

  it('sends a user token or the admin token the same way', async () => {
    const user = fakeFetch(json(200, { success: true, apps: [] }));
    await new Oriva({ userToken: 'eyJ.user', fetch: user.fetch }).apps.list();
    expect(user.calls[0]?.headers.get('authorization')).toBe('Bearer eyJ.user');

    const admin = fakeFetch(json(200, { success: true, apps: [] }));
    const client = new Oriva({ adminToken: 'admin-secret', fetch: admin.fetch });
    await client.apps.list();
    expect(admin.calls[0]?.headers.get('authorization')).toBe('Bearer admin-secret');
    expect(client.credentialKind).toBe('adminToken');
  });

  it('reads ORIVA_API_KEY, else ORIVA_ADMIN_TOKEN, when no credential is passed', () => {
    vi.stubEnv('ORIVA_ADMIN_TOKEN', 'admin-from-env');
    expect(new Oriva({ fetch: fakeFetch().fetch }).credentialKind).toBe('adminToken');
    vi.stubEnv('ORIVA_API_KEY', 'ok_from_env');
    expect(new Oriva({ fetch: fakeFetch().fetch }).credentialKind).toBe('apiKey');
    // An explicit credential wins over the environment.
    expect(new Oriva({ userToken: 'jwt', fetch: fakeFetch().fetch }).credentialKind).toBe('userToken');
  });

  it('uses the environment key in the Authorization header', async () => {
    vi.stubEnv('ORIVA_API_KEY', 'ok_from_env');
    vi.stubEnv('ORIVA_APP_ID', 'env-app');
    const { fetch, calls } = fakeFetch(json(200, published));
    await new Oriva({ fetch }).events.publish(event);
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer ok_from_env');
    expect(calls[0]?.url).toBe('http://localhost:8787/api/v1/apps/env-app/events');
  });

  it('refuses a missing, empty or doubled credential with a message saying what to do', () => {
    expect(() => new Oriva({ fetch: fakeFetch().fetch })).toThrow(
      /^Missing credentials: pass `apiKey` .*ORIVA_API_KEY/,
    );
    expect(() => new Oriva({ apiKey: '  ', fetch: fakeFetch().fetch })).toThrow('`apiKey` is empty');
    expect(() => new Oriva({ apiKey: 'ok_a', adminToken: 'b', fetch: fakeFetch().fetch })).toThrow(
      'Pass one credential, not `apiKey` and `adminToken`: create one client per credential.',
    );
  });

  it('merges default and per-call headers; null removes a header', async () => {
    const { client, calls } = testClient([json(200, published), json(200, published)], {
      defaultHeaders: { 'x-team': 'growth', 'x-oriva-sdk': null },
    });
    await client.events.publish(event);
    await client.events.publish(event, { headers: { 'X-Team': 'platform', 'x-trace': 't1' } });
    expect(calls[0]?.headers.get('x-team')).toBe('growth');
    expect(calls[0]?.headers.has('x-oriva-sdk')).toBe(false);
    expect(calls[1]?.headers.get('x-team')).toBe('platform');
    expect(calls[1]?.headers.get('x-trace')).toBe('t1');
  });

  it('sends no body and no content-type on GET', async () => {
    const { client, calls } = testClient([json(200, { success: true, app: {} })]);
    await client.apps.retrieve('work-buddy');
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.body).toBeUndefined();
    expect(calls[0]?.headers.has('content-type')).toBe(false);
    expect(calls[0]?.headers.has('idempotency-key')).toBe(false);
  });

  it('withOptions keeps the other options and can replace the credential', async () => {
    const { client, calls } = testClient([json(200, published)], { timeout: 1234 });
    const next = client.withOptions({ userToken: 'jwt-2', maxRetries: 0 });
    expect(next.timeout).toBe(1234);
    expect(next.maxRetries).toBe(0);
    expect(next.credentialKind).toBe('userToken');
    expect(next.appId).toBe('work-buddy');
    await next.events.publish(event);
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer jwt-2');
  });

  it('rejects invalid timeout and maxRetries', () => {
    expect(() => testClient([], { timeout: 0 })).toThrow('Invalid timeout 0');
    expect(() => testClient([], { maxRetries: -1 })).toThrow('Invalid maxRetries -1');
    expect(() => testClient([], { maxRetries: 1.5 })).toThrow('Invalid maxRetries 1.5');
  });
});

describe('browsers', () => {
  const pretendBrowser = () => {
    vi.stubGlobal('window', { document: {} });
    vi.stubGlobal('navigator', { userAgent: 'test' });
  };

  it('refuses an app key or the admin token unless dangerouslyAllowBrowser is set', () => {
    pretendBrowser();
    const { fetch } = fakeFetch();
    expect(() => new Oriva({ apiKey: 'ok_a', fetch })).toThrow(/^Refusing to use an app API key in a browser/);
    expect(() => new Oriva({ adminToken: 'a', fetch })).toThrow(/^Refusing to use the admin token in a browser/);
    expect(new Oriva({ apiKey: 'ok_a', fetch, dangerouslyAllowBrowser: true }).credentialKind).toBe('apiKey');
  });

  it('accepts a user token', () => {
    pretendBrowser();
    expect(new Oriva({ userToken: 'jwt', fetch: fakeFetch().fetch }).credentialKind).toBe('userToken');
  });
});

describe('app id', () => {
  it('explains how to fix a missing app id, and sends nothing', async () => {
    const { client, calls } = testClient([], { appId: undefined });
    const message =
      "Missing app id: this call acts on one app (/apps/{appId}/…). Pass `appId` to the client, `new Oriva({ appId: 'work-buddy' })`, " +
      "set the ORIVA_APP_ID environment variable, or pass it for this call only: `{ appId: 'work-buddy' }` as the last argument.";
    await expect(client.events.publish(event)).rejects.toThrow(message);
    await expect(client.events.publishBatch([event])).rejects.toThrow(message);
    await expect(client.events.list()).rejects.toBeInstanceOf(OrivaError);
    expect(calls).toHaveLength(0);
  });

  it('takes the app id per call, over the client one', async () => {
    const { client, calls } = testClient([json(200, published)]);
    await client.events.publish(event, { appId: 'other-app' });
    expect(calls[0]?.url).toBe('http://oriva.test/api/v1/apps/other-app/events');
  });

  it('defaults to ORIVA_APP_ID', () => {
    vi.stubEnv('ORIVA_APP_ID', 'from-env');
    expect(new Oriva({ apiKey: 'ok_a', fetch: fakeFetch().fetch }).appId).toBe('from-env');
  });
});

describe('responses', () => {
  it('withResponse gives the request id and headers', async () => {
    const { client } = testClient([json(200, published, { 'x-request-id': 'req_abc' })]);
    const { data, requestId, response } = await client.events.publish(event).withResponse();
    expect(data).toEqual(published);
    expect(requestId).toBe('req_abc');
    expect(response.status).toBe(200);
  });

  it('rejects a success response that is not JSON', async () => {
    const { client } = testClient([new Response('<html>', { status: 200, headers: { 'x-request-id': 'req_h' } })]);
    await expect(client.apps.retrieve('work-buddy')).rejects.toThrow(
      'Could not parse the 200 response body as JSON (request_id: req_h): <html>',
    );
  });
});
