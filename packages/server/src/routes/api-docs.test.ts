import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /docs', () => {
  it('serves the reference page, rendering /openapi.json with the local Scalar bundle', async () => {
    const response = await server.request('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const script = html.match(/<script src="(\/docs\/scalar\.js[^"]*)"><\/script>/)?.[1];
    expect(script).toMatch(/^\/docs\/scalar\.js\?v=\d+\.\d+\.\d+/);
    expect(html).toContain("url: '/openapi.json'");
    // Offline: nothing is loaded from another origin.
    expect(html).not.toMatch(/src="https?:/);

    const bundle = await server.request(script!);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(bundle.headers.get('cache-control')).toContain('max-age=31536000');
    expect(await bundle.text()).toContain('createApiReference');
  });

  it('sends the deprecation link of legacy endpoints to the reference', async () => {
    const response = await server.request('/docs/migration', { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/docs#tag/legacy');
  });

  it('needs no credentials, and /openapi.json it points at is there', async () => {
    const document = await server.request('/openapi.json');
    expect(document.status).toBe(200);
    expect(((await document.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });
});
