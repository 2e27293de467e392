import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { renderFavicon } from './favicon.js';

let dev: TestServer;
let production: TestServer;
beforeAll(async () => {
  dev = await startTestServer();
  production = await startTestServer({ ORIVA_DEV: '0', ORIVA_INBOX: '0' });
});
afterAll(async () => {
  await dev.close();
  await production.close();
});

const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]);

describe('GET /', () => {
  it('says what the server is, its version and storage, links its pages and shows the first command', async () => {
    const response = await dev.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<title>Oriva server</title>');
    expect(html).toMatch(/id="version">v\d+\.\d+\.\d+</);
    expect(html).toContain(process.env.ORIVA_TEST_STORAGE === 'postgres' ? 'PostgreSQL (schema oriva_h_' : 'SQLite');
    expect(html).toContain('dev mode');
    expect(html).toContain('pnpm oriva apps create work-buddy');
    expect(html).toContain('<link rel="icon" href="/favicon.ico"');
    expect(hrefs(html)).toEqual(['/docs', '/inbox', '/console', '/openapi.json', '/healthz', '/readyz']);
    // Every link leads somewhere (/inbox answers 503 "not built yet" where the page has not been built).
    for (const href of hrefs(html)) expect((await dev.request(href!)).status, href).not.toBe(404);
    expect((await dev.request('/docs')).status).toBe(200);
  });

  it('outside dev mode: no inbox link when it is off, and the curl command for this very origin', async () => {
    const html = await (await production.request('/')).text();
    expect(hrefs(html)).not.toContain('/inbox');
    expect(html).not.toContain('dev mode');
    expect(html).toContain(`curl -s -X POST ${production.url}/api/v1/apps`);
    expect(html).toContain('$ORIVA_ADMIN_TOKEN');
  });

  it('runs no script and allows its one inline style by hash', async () => {
    const response = await dev.request('/');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).not.toContain('<script');
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    const { createHash } = await import('node:crypto');
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });

  it('escapes what it echoes: a hostile X-Forwarded-Host behind a trusted proxy is never written into the page', async () => {
    const proxied = await startTestServer({ ORIVA_DEV: '0', ORIVA_TRUST_PROXY: '1' });
    try {
      const html = await (
        await proxied.request('/', { headers: { 'x-forwarded-host': '"><script>alert(1)</script>' } })
      ).text();
      expect(html).not.toContain('<script>alert(1)');
      expect(html).toContain('curl -s -X POST /api/v1/apps');
    } finally {
      await proxied.close();
    }
  });
});

describe('GET /favicon.ico', () => {
  it('answers a 32 × 32 icon that browsers read', async () => {
    const response = await dev.request('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes).toEqual(renderFavicon());
    const view = new DataView(bytes.buffer);
    // ICONDIR: reserved 0, type 1 (icon), one image of 32 × 32 at 32 bits whose data follows the directory.
    expect([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)]).toEqual([0, 1, 1]);
    expect([bytes[6], bytes[7], view.getUint16(12, true)]).toEqual([32, 32, 32]);
    expect(view.getUint32(18, true) + view.getUint32(14, true)).toBe(bytes.length);
  });
});
