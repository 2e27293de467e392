import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env.js';
import type { Deps } from '../http/context.js';
import { startTestServer } from '../testing/harness.js';
import { consoleRoutes } from './console.js';

const built = mkdtempSync(join(tmpdir(), 'oriva-console-'));
writeFileSync(join(built, 'index.html'), '<meta name="oriva-dev" content="%ORIVA_DEV%"><p>console</p>');
afterAll(() => rmSync(built, { recursive: true, force: true }));

const deps = (dev: boolean, consoleFrameAncestors: string[] = []) =>
  ({ config: { dev, consoleFrameAncestors } }) as unknown as Deps;

describe('GET /console', () => {
  it('serves the page with a CSP that allows this origin only and no framing by default', async () => {
    const response = await consoleRoutes(deps(false), { dir: built }).request('/console');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await response.text()).toContain('content="0"');
  });

  it('lets the configured origins embed it', async () => {
    const response = await consoleRoutes(deps(true, ['https://dash.example', 'https://admin.example']), {
      dir: built,
    }).request('/console/');
    expect(response.headers.get('content-security-policy')).toContain(
      'frame-ancestors https://dash.example https://admin.example',
    );
    expect(
      loadConfig({ ORIVA_CONSOLE_FRAME_ANCESTORS: 'https://dash.example, https://admin.example' })
        .consoleFrameAncestors,
    ).toEqual(['https://dash.example', 'https://admin.example']);
    expect(() => loadConfig({ ORIVA_CONSOLE_FRAME_ANCESTORS: "'unsafe-inline' *" })).toThrow(
      /ORIVA_CONSOLE_FRAME_ANCESTORS/,
    );
  });

  it('answers the not-built page without a build, and is on by default but can be turned off', async () => {
    const missing = await consoleRoutes(deps(true), { dir: null }).request('/console');
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain('pnpm --filter @oriva/console build');
    expect(loadConfig({}).console).toBe(true);
    const off = await startTestServer({ ORIVA_CONSOLE: '0' });
    try {
      expect((await off.request('/console')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
