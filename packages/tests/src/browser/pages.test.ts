/**
 * The server's own pages in a real Chromium: the front page and its links, the favicon, no console
 * errors on /, /docs and /inbox, and the API reference sending its requests to the port that served it.
 */
import { startTestServer, type TestServer } from '@oriva/server/testing';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotificationCenter } from '../../../notification-center/scripts/build.js';
import { launchChromium } from './chromium.test-support.js';

const WAIT_MS = 15_000;
/** Scalar's bundle is 3.5 MB: each test gets room on a busy machine; every wait inside stays bounded. */
const TEST_MS = 60_000;

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

interface Watched {
  page: Page;
  /** Console errors, failed requests and HTTP errors the page ran into. */
  problems: string[];
  /** Every response the page received, by URL. */
  responses: Map<string, Response>;
}

async function open(path: string): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const problems: string[] = [];
  const responses = new Map<string, Response>();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    responses.set(response.url(), response);
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(`${server.url}${path}`);
  return { page, problems, responses };
}

/**
 * Loads the icon the page links, as an image under the page's own Content-Security-Policy
 * (headless Chromium does not fetch favicons by itself), and answers its width.
 */
async function linkedIconWidth(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const href = document.querySelector('link[rel="icon"]')?.getAttribute('href');
    if (!href) return 0;
    const image = new Image();
    image.src = href;
    await image.decode().catch(() => {});
    return image.naturalWidth;
  });
}

describe("the server's pages in Chromium", () => {
  beforeAll(async () => {
    await buildNotificationCenter();
    browser = await launchChromium();
    server = await startTestServer();
  }, 30_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it(
    'the front page links every page it names, each of which opens, and shows the icon',
    async () => {
      const front = await open('/');
      expect(await front.page.title()).toBe('Oriva server');
      const links = await front.page
        .locator('ul.places a')
        .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).getAttribute('href')));
      expect(links).toEqual(['/docs', '/inbox', '/console', '/openapi.json', '/healthz', '/readyz']);
      const icon = front.page.locator('header img');
      await front.page.waitForFunction(() => (document.querySelector('header img') as HTMLImageElement).complete);
      expect(await icon.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(32);

      for (const [name, path] of [
        ['API reference', '/docs'],
        ['Notification center', '/inbox'],
        ['Readiness', '/readyz'],
      ] as const) {
        await front.page.getByRole('link', { name }).click();
        await front.page.waitForURL(`${server.url}${path}`);
        await front.page.goBack();
        await front.page.getByRole('heading', { name: 'Oriva server' }).waitFor();
      }
      expect(await linkedIconWidth(front.page)).toBe(32);
      expect(front.problems).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'logs no console error on /, /docs and /inbox, and each gets its favicon',
    async () => {
      for (const path of ['/', '/docs', '/inbox']) {
        const watched = await open(path);
        await watched.page.waitForLoadState('load');
        if (path === '/docs') await watched.page.getByText('Start here:').waitFor();
        if (path === '/inbox') await watched.page.getByRole('button', { name: 'Sign in' }).waitFor();
        expect(await watched.page.locator('link[rel="icon"]').getAttribute('href'), path).toBe('/favicon.ico');
        expect(await linkedIconWidth(watched.page), path).toBe(32);
        // What browsers ask for on their own, whatever a page links.
        expect((await watched.page.request.get(`${server.url}/favicon.ico`)).status()).toBe(200);
        expect(watched.problems, path).toEqual([]);
      }
    },
    TEST_MS,
  );

  it(
    "the reference fetches this server's openapi.json, whose servers name this port, and Send calls it",
    async () => {
      // A random port, never the documented 8787.
      expect(server.port).not.toBe(8787);
      const docs = await open('/docs');
      await docs.page.getByText('Start here:').waitFor();
      const served = docs.responses.get(`${server.url}/openapi.json`);
      expect(served?.status()).toBe(200);
      const document = (await served!.json()) as { servers: { url: string }[] };
      expect(document.servers.map((entry) => entry.url)).toEqual([server.url]);

      // It opens on its introduction, with publishing first in the sidebar and the admin's prune closed.
      expect(await docs.page.getByRole('button', { name: 'Publish a platform event' }).isVisible()).toBe(true);
      expect(await docs.page.getByRole('button', { name: /^Apply the retention period now/ }).isVisible()).toBe(false);

      // "Test Request" on the liveness check, then Send: the request goes to this server.
      await docs.page.getByText('Operations', { exact: true }).first().click();
      await docs.page.getByRole('button', { name: 'Liveness: the process is serving' }).click();
      const section = docs.page.locator('section[id$="/tag/operations/GET/healthz"]');
      await section.getByRole('button', { name: /test request/i }).click();
      const [sent] = await Promise.all([
        docs.page.waitForRequest((request) => request.url().endsWith('/healthz'), { timeout: WAIT_MS }),
        docs.page.getByRole('button', { name: /^send/i }).first().click(),
      ]);
      expect(sent.url()).toBe(`${server.url}/healthz`);
      expect((await sent.response())?.status()).toBe(200);
    },
    TEST_MS,
  );
});
