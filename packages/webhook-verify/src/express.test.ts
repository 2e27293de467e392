import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyExpressRequest, webhookMiddleware } from './express.js';
import { generateSecret, signatureHeaders, WebhookVerificationError } from './index.js';

const secret = generateSecret();
const body = JSON.stringify({ type: 'notification.dismissed', data: { id: 'n_1', text: 'héllo' } });

let base = '';
let server: ReturnType<ReturnType<typeof express>['listen']>;

beforeAll(async () => {
  const app = express();
  // Inline helper with express.raw().
  app.post('/raw', express.raw({ type: 'application/json' }), (req, res) => {
    try {
      res.json({ event: verifyExpressRequest(req, secret) });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      res.status(error.status).json({ code: error.code, message: error.message });
    }
  });
  // Middleware without any body parser: it reads the body itself.
  app.post('/mw', webhookMiddleware({ secret }), (_req, res) => {
    res.json({ event: res.locals.webhookEvent });
  });
  // Middleware after express.raw(), with a rotation list.
  app.post(
    '/mw-raw',
    express.raw({ type: 'application/json' }),
    webhookMiddleware({ secret: [generateSecret(), secret] }),
    (_req, res) => {
      res.json({ event: res.locals.webhookEvent });
    },
  );
  // The classic mistake: express.json() first.
  app.post('/mw-json', express.json(), webhookMiddleware({ secret }), (_req, res) => {
    res.json({ event: res.locals.webhookEvent });
  });
  app.post('/mw-limit', webhookMiddleware({ secret, limit: 64 }), (_req, res) => {
    res.json({ event: res.locals.webhookEvent });
  });
  app.post(
    '/mw-custom',
    webhookMiddleware({
      secret,
      onError: (error, _req, res) => {
        res.statusCode = 418;
        res.end(`custom ${error.code}`);
      },
    }),
    (_req, res) => {
      res.json({ event: res.locals.webhookEvent });
    },
  );
  app.post('/mw-bad-secret', webhookMiddleware({ secret: ` ${secret}` }), (_req, res) => {
    res.json({ event: res.locals.webhookEvent });
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function post(path: string, payload: string, headers: Record<string, string>) {
  const response = await fetch(base + path, {
    method: 'POST',
    body: payload,
    headers: { 'content-type': 'application/json', ...headers },
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

describe('express adapter (real server)', () => {
  const signed = () => signatureHeaders({ id: 'msg_express', body, secrets: secret });

  it('verifyExpressRequest works with express.raw() bodies', async () => {
    const ok = await post('/raw', body, signed());
    expect(ok.status).toBe(200);
    expect(ok.json().event).toEqual(JSON.parse(body));
    const bad = await post('/raw', body.replace('n_1', 'n_2'), signed());
    expect(bad.status).toBe(401);
    expect(bad.json().code).toBe('invalid_signature');
  });

  it('the middleware reads the raw body itself when no parser ran', async () => {
    const ok = await post('/mw', body, signed());
    expect(ok.status).toBe(200);
    expect(ok.json().event).toEqual(JSON.parse(body));
  });

  it('the middleware accepts express.raw() bodies, several secrets and X-Oriva-Signature alone', async () => {
    const ok = await post('/mw-raw', body, signed());
    expect(ok.json().event).toEqual(JSON.parse(body));
    const orivaOnly = await post('/mw-raw', body, { 'x-oriva-signature': signed()['x-oriva-signature'] });
    expect(orivaOnly.status).toBe(200);
  });

  it('answers 401 with the JSON error envelope', async () => {
    const wrong = await post('/mw', body, signatureHeaders({ id: 'msg_express', body, secrets: generateSecret() }));
    expect(wrong.status).toBe(401);
    expect(wrong.json()).toMatchObject({ success: false, error: { code: 'invalid_signature' } });
    const missing = await post('/mw', body, {});
    expect(missing.status).toBe(401);
    expect(missing.json().error.code).toBe('missing_header');
    const old = await post(
      '/mw',
      body,
      signatureHeaders({ id: 'm', timestamp: Math.floor(Date.now() / 1000) - 3600, body, secrets: secret }),
    );
    expect(old.json().error).toMatchObject({ code: 'timestamp_too_old' });
    expect(old.json().error.message).toContain('tolerance is 300 s');
  });

  it('diagnoses express.json() with a 500 that says to use express.raw()', async () => {
    const result = await post('/mw-json', body, signed());
    expect(result.status).toBe(500);
    expect(result.json().error.code).toBe('body_not_raw');
    expect(result.json().error.message).toContain("express.raw({ type: 'application/json' })");
  });

  it('enforces the body limit with 413', async () => {
    const result = await post('/mw-limit', body, signed());
    expect(result.status).toBe(413);
    expect(result.json().error.code).toBe('body_too_large');
  });

  it('lets onError answer instead', async () => {
    const result = await post('/mw-custom', body, {});
    expect(result.status).toBe(418);
    expect(result.text).toBe('custom missing_header');
  });

  it('reports a misconfigured secret as a 500', async () => {
    const result = await post('/mw-bad-secret', body, signed());
    expect(result.status).toBe(500);
    expect(result.json().error).toMatchObject({ code: 'invalid_secret' });
    expect(result.json().error.message).toContain('whitespace');
    expect(result.text).not.toContain(secret.slice(6));
  });
});
