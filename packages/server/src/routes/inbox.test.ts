import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Deps } from '../http/context.js';
import { startTestServer } from '../testing/harness.js';
import { INBOX_DIR, inboxRoutes } from './inbox.js';

const root = mkdtempSync(join(tmpdir(), 'oriva-inbox-'));
const built = join(root, 'inbox');
mkdirSync(built);
writeFileSync(
  join(built, 'index.html'),
  '<meta name="oriva-dev" content="%ORIVA_DEV%"><script type="module" src="/inbox/app-ABCD1234.js"></script>',
);
writeFileSync(join(built, 'app-ABCD1234.js'), 'console.log(1)');
writeFileSync(join(built, 'app-ABCD1234.js.map'), '{}');
writeFileSync(join(built, 'styles.css'), 'body{}');
writeFileSync(join(root, 'secret.txt'), 'outside');

const deps = (dev: boolean) => ({ config: { dev } }) as unknown as Deps;
const inbox = (dir: string | null = built, dev = true) => inboxRoutes(deps(dev), { dir });

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('GET /inbox', () => {
  it('serves the page with its content type, no-cache, a CSP and the dev flag filled in', async () => {
    const response = await inbox().request('/inbox', { headers: { host: '127.0.0.1:8787' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain('ws://127.0.0.1:8787');
    expect(await response.text()).toContain('content="1"');
    const production = await inbox(built, false).request('/inbox/');
    expect(await production.text()).toContain('content="0"');
  });

  it('serves hashed assets for a year and others with no-cache, each with its content type', async () => {
    const script = await inbox().request('/inbox/app-ABCD1234.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe('console.log(1)');
    const map = await inbox().request('/inbox/app-ABCD1234.js.map');
    expect(map.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const styles = await inbox().request('/inbox/styles.css');
    expect(styles.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(styles.headers.get('cache-control')).toBe('no-cache');
  });

  it('never leaves its directory', async () => {
    for (const path of [
      '/inbox/../secret.txt',
      '/inbox/..%2fsecret.txt',
      '/inbox/%2e%2e%2fsecret.txt',
      '/inbox/..%5csecret.txt',
      '/inbox/.hidden.js',
      '/inbox/missing.js',
      '/inbox/secret.txt',
    ]) {
      const response = await inbox().request(path);
      expect(response.status, path).toBe(404);
    }
  });

  it('answers a 503 page saying how to build it when the assets are missing', async () => {
    const response = await inbox(join(root, 'nowhere')).request('/inbox');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('pnpm --filter @oriva/notification-center build');
  });

  it('answers the same page when the notification center package is not installed', async () => {
    const response = await inbox(null).request('/inbox');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm --filter @oriva/notification-center build');
    expect((await inbox(null).request('/inbox/app-ABCD1234.js')).status).toBe(404);
  });

  it("serves by default the notification center package's build, found by package resolution", () => {
    expect(INBOX_DIR).toBe(fileURLToPath(new URL('../../../notification-center/dist', import.meta.url)));
  });

  it('is mounted only when ORIVA_INBOX is on', async () => {
    const server = await startTestServer({ ORIVA_INBOX: '0' });
    try {
      expect((await server.request('/inbox')).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
