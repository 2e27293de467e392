import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { verifyHonoRequest, type WebhookEnv, webhookMiddleware } from './hono.js';
import { generateSecret, signatureHeaders, WebhookVerificationError } from './index.js';

interface OrivaEvent {
  type: string;
  data: { id: string };
}

const secret = generateSecret();
const body = JSON.stringify({ type: 'notification.dismissed', data: { id: 'n_1' } });

function makeApp() {
  const app = new Hono<WebhookEnv<OrivaEvent>>();
  app.post('/webhooks', webhookMiddleware({ secret }), async (c) => {
    const event = c.get('webhookEvent');
    // The body stays readable for the handler (Hono caches it).
    const again = await c.req.json();
    return c.json({ type: event.type, same: JSON.stringify(again) === JSON.stringify(event) });
  });
  app.post('/inline', async (c) => {
    try {
      const event = await verifyHonoRequest<OrivaEvent>(c, [generateSecret(), secret], { toleranceSeconds: 60 });
      return c.json({ id: event.data.id });
    } catch (error) {
      if (error instanceof WebhookVerificationError) return c.json({ code: error.code }, 401);
      throw error;
    }
  });
  app.post('/bad-secret', webhookMiddleware({ secret: secret.slice(6) }), (c) => c.text('unreachable'));
  return app;
}

/** Cloudflare Workers style: the secret only exists in the bindings passed with each request. */
function makeWorkerApp() {
  const app = new Hono<{ Bindings: { ORIVA_WEBHOOK_SECRET: string } } & WebhookEnv<OrivaEvent>>();
  app.post('/webhooks', webhookMiddleware({ secret: (env) => env.ORIVA_WEBHOOK_SECRET }), (c) =>
    c.json({ id: c.get('webhookEvent').data.id }),
  );
  return app;
}

const request = (path: string, payload: string, headers: Record<string, string>) =>
  makeApp().request(path, {
    method: 'POST',
    body: payload,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('hono adapter (real app)', () => {
  const signed = () => signatureHeaders({ id: 'msg_hono', body, secrets: secret });

  it('sets the verified event on the context', async () => {
    const response = await request('/webhooks', body, signed());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 'notification.dismissed', same: true });
  });

  it('accepts X-Oriva-Signature alone', async () => {
    const response = await request('/webhooks', body, { 'X-Oriva-Signature': signed()['x-oriva-signature'] });
    expect(response.status).toBe(200);
  });

  it('answers 401 with { success: false, error: { code, message } }', async () => {
    const response = await request('/webhooks', `${body} `, signed());
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/json');
    const json = (await response.json()) as { success: boolean; error: { code: string; message: string } };
    expect(json.success).toBe(false);
    expect(json.error.code).toBe('invalid_signature');
    expect(json.error.message).toContain('Invalid webhook signature');
    const missing = await request('/webhooks', body, {});
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('missing_header');
  });

  it('verifyHonoRequest verifies inline with options and several secrets', async () => {
    expect(await (await request('/inline', body, signed())).json()).toEqual({ id: 'n_1' });
    const old = signatureHeaders({ id: 'm', timestamp: Math.floor(Date.now() / 1000) - 61, body, secrets: secret });
    expect(await (await request('/inline', body, old)).json()).toEqual({ code: 'timestamp_too_old' });
  });

  it('reads the secret from the bindings (Workers)', async () => {
    const init = { method: 'POST', body, headers: signed() };
    const ok = await makeWorkerApp().request('/webhooks', init, { ORIVA_WEBHOOK_SECRET: secret });
    expect(await ok.json()).toEqual({ id: 'n_1' });
    const unset = await makeWorkerApp().request('/webhooks', { ...init, headers: signed() }, {});
    expect(unset.status).toBe(500);
    expect(((await unset.json()) as { error: { message: string } }).error.message).toContain('environment variable');
  });

  it('reports a secret without the whsec_ prefix as a 500', async () => {
    const response = await request('/bad-secret', body, signed());
    expect(response.status).toBe(500);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('invalid_secret');
    expect(json.error.message).toContain('does not start with "whsec_"');
  });
});
