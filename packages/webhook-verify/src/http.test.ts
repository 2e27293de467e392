import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRawBody, sendWebhookError, verifyNodeRequest } from './http.js';
import { generateSecret, signatureHeaders, verifyWebhookSignature } from './index.js';

const secret = generateSecret();
const body = JSON.stringify({ type: 'event.created', data: { n: 1 } });
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer(async (req, res) => {
    try {
      if (req.url === '/consumed') {
        await readRawBody(req);
        await verifyNodeRequest(req, secret);
      }
      if (req.url === '/oriva') {
        // The design document's call, with the body read by readRawBody.
        const raw = await readRawBody(req);
        if (!verifyWebhookSignature(raw, req.headers['x-oriva-signature'], secret)) {
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: 'Invalid signature' }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ event: JSON.parse(`${raw}`) }));
        return;
      }
      const event = await verifyNodeRequest(req, secret, { limit: req.url === '/small' ? 32 : undefined });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ event }));
    } catch (error) {
      sendWebhookError(res, error);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function post(path: string, payload: string, headers: Record<string, string>) {
  const response = await fetch(base + path, { method: 'POST', body: payload, headers });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('node:http adapter (real server)', () => {
  const signed = () => signatureHeaders({ id: 'msg_http', body, secrets: secret });

  it('reads the raw body and verifies it', async () => {
    const result = await post('/', body, signed());
    expect(result.status).toBe(200);
    expect(result.json.event).toEqual(JSON.parse(body));
  });

  it('verifies X-Oriva-Signature with verifyWebhookSignature', async () => {
    const result = await post('/oriva', body, { 'x-oriva-signature': signed()['x-oriva-signature'] });
    expect(result.json.event).toEqual(JSON.parse(body));
    const forged = await post('/oriva', body, { 'x-oriva-signature': `t=${Math.floor(Date.now() / 1000)},id=x,v1=x` });
    expect(forged).toEqual({ status: 401, json: { error: 'Invalid signature' } });
  });

  it('answers failures with the status and JSON envelope', async () => {
    const tampered = await post('/', body.replace('1', '2'), signed());
    expect(tampered).toMatchObject({ status: 401, json: { success: false, error: { code: 'invalid_signature' } } });
    const tooLarge = await post('/small', body, signed());
    expect(tooLarge).toMatchObject({ status: 413, json: { error: { code: 'body_too_large' } } });
    const consumed = await post('/consumed', body, signed());
    expect(consumed).toMatchObject({ status: 500, json: { error: { code: 'body_not_raw' } } });
  });

  it('readRawBody enforces the limit on streamed bodies without Content-Length', async () => {
    const { Readable } = await import('node:stream');
    const stream = Readable.from([Buffer.alloc(20), Buffer.alloc(20)]) as unknown as IncomingMessage;
    Object.assign(stream, { headers: {} });
    await expect(readRawBody(stream, { limit: 30 })).rejects.toMatchObject({ code: 'body_too_large' });
    const ok = Readable.from([Buffer.from('ab'), 'cd']) as unknown as IncomingMessage;
    Object.assign(ok, { headers: {} });
    expect((await readRawBody(ok)).toString()).toBe('abcd');
  });
});
