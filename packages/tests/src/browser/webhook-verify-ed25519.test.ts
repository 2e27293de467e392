/**
 * The WebCrypto build of @oriva/webhook-verify in a real Chromium: it verifies an Ed25519 (`v1a`) delivery the real
 * server sent, from the app's public JWKS, and what it signs verifies in Node. Bundled from source with esbuild and
 * served from 127.0.0.1 (a secure context, so `crypto.subtle` exists).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import { verifyEd25519 } from '@oriva/webhook-verify';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.test-support.js';

/** The module the page imports, typed (the casts inside `evaluate` are erased before it runs in the page). */
type WebVerifier = typeof import('../../../webhook-verify/src/web.js');

// A module script, not an import() inside evaluate: vitest rewrites dynamic imports in this file's functions.
const PAGE = `<!doctype html><title>verify</title>
<script type="module">import * as verifier from '/verify.js'; globalThis.verifier = verifier;</script>`;
const WEB_ENTRY = fileURLToPath(new URL('../../../webhook-verify/src/web.ts', import.meta.url));

let browser: Browser;
let server: TestServer;
let page: Server;
let pageUrl: string;
const received: Array<{ body: string; headers: IncomingHttpHeaders }> = [];
let receiver: Server;
let receiverUrl: string;

async function listen(handler: Parameters<typeof createServer>[1]): Promise<[Server, string]> {
  const http = createServer(handler);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return [http, `http://127.0.0.1:${(http.address() as AddressInfo).port}`];
}

beforeAll(async () => {
  const bundle = await build({ entryPoints: [WEB_ENTRY], bundle: true, format: 'esm', write: false, target: 'es2022' });
  const script = bundle.outputFiles[0]!.text;
  [page, pageUrl] = await listen((req, res) => {
    if (req.url === '/verify.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  [receiver, receiverUrl] = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(204).end();
    });
  });
  server = await startTestServer();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => page?.close(resolve));
  await new Promise((resolve) => receiver?.close(resolve));
});

async function openPage(): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(pageUrl);
  await tab.waitForFunction(() => 'verifier' in globalThis, undefined, { timeout: 15_000 });
  return tab;
}

describe('@oriva/webhook-verify/web in Chromium', () => {
  it('has WebCrypto Ed25519, verifies a real v1a delivery from the JWKS, and rejects a changed body', async () => {
    const key = await server.createApp('edge-app');
    const created = await fetch(`${server.url}/api/v1/apps/edge-app/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        webhook_url: `${receiverUrl}/hook`,
        subscribed_events: ['*'],
        signature_scheme: 'ed25519',
      }),
    });
    expect(created.status).toBe(201);
    await fetch(`${server.url}/api/v1/apps/edge-app/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        event_category: 'edge',
        event_type: 'checked',
        entity_type: 'thing',
        entity_id: 'e1',
        user_id: 'user_1',
      }),
    });
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const delivery = received[0]!;
    const jwks = await (await fetch(`${server.url}/api/v1/apps/edge-app/webhooks/jwks`)).json();

    const tab = await openPage();
    const outcome = await tab.evaluate(
      async ({ body, headers, jwks }) => {
        const { verifyEd25519 } = (globalThis as unknown as { verifier: WebVerifier }).verifier;
        const event = await verifyEd25519<{ type: string }>(body, headers, jwks);
        const tampered = await verifyEd25519(`${body} `, headers, jwks).then(
          () => 'accepted',
          (error: { code: string }) => error.code,
        );
        return { type: event.type, tampered, userAgent: navigator.userAgent };
      },
      { body: delivery.body, headers: delivery.headers as Record<string, string>, jwks },
    );
    expect(outcome.type).toBe('edge.checked');
    expect(outcome.tampered).toBe('invalid_signature');
    expect(outcome.userAgent).toMatch(/Chrome\/\d+/);
    await tab.close();
  });

  it('signs in the browser with a key made there, and Node verifies it', async () => {
    const tab = await openPage();
    const signed = await tab.evaluate(async () => {
      const lib = (globalThis as unknown as { verifier: WebVerifier }).verifier;
      const { privateKey, publicKey } = await lib.generateEd25519KeyPair();
      const body = JSON.stringify({ type: 'browser.signed', data: { text: 'ünï ✓' } });
      const headers = await lib.ed25519SignatureHeaders({ id: 'msg_browser', body, privateKeys: privateKey });
      return { body, headers, publicKey, derived: await lib.ed25519PublicKey(privateKey) };
    });
    expect(signed.derived).toBe(signed.publicKey);
    expect(verifyEd25519<{ type: string }>(signed.body, signed.headers, signed.publicKey).type).toBe('browser.signed');
    await tab.close();
  });
});
