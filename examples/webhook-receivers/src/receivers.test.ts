/**
 * Each receiver gets a real delivery from the real Oriva server, and refuses forged ones.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '@oriva/server/testing';
import { generateSecret, signatureHeaders } from '@oriva/webhook-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExpressReceiver } from './express.js';
import { createHonoReceiver } from './hono.js';
import { createRouteHandler } from './next-route-handler.js';
import { createNodeHandler } from './node-http.js';
import type { OrivaEvent, ReceiverOptions } from './shared.js';

/** Each receiver as a node:http request listener, so one harness can serve them all. */
const receivers: Record<string, (options: ReceiverOptions) => RequestListener> = {
  express: (options) => createExpressReceiver(options),
  hono: (options) => getRequestListener(createHonoReceiver(options).fetch),
  'next-route-handler': (options) => getRequestListener(createRouteHandler(options)),
  'node-http': (options) => createNodeHandler(options),
};

/**
 * Listens before the receiver exists: the webhook's URL must be known to create it, and the secret
 * only exists once it is created.
 */
async function listen(): Promise<{ url: string; use(listener: RequestListener): void; close(): Promise<void> }> {
  let current: RequestListener = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => current(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/oriva`,
    use: (listener) => {
      current = listener;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function waitFor<T>(check: () => T | undefined, ms = 10_000): Promise<T> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
    const value = check();
    if (value !== undefined) return value;
  }
  throw new Error('timed out');
}

let oriva: TestServer;
beforeAll(async () => {
  oriva = await startTestServer({ ORIVA_WEBHOOK_BACKOFF_SCALE: '0.01' });
});
afterAll(() => oriva?.close());

describe.each(Object.keys(receivers))('%s receiver', (name) => {
  const received: OrivaEvent[] = [];
  let receiver: Awaited<ReturnType<typeof listen>>;
  let secret: string;

  beforeAll(async () => {
    const appId = `receiver-${name}`;
    const apiKey = await oriva.createApp(appId);
    receiver = await listen();
    const created = await oriva.request(`/api/v1/apps/${appId}/webhooks`, {
      method: 'POST',
      token: apiKey,
      json: { webhook_url: receiver.url, subscribed_events: ['notification.*'] },
    });
    expect(created.status).toBe(201);
    secret = ((await created.json()) as { webhook_secret: string }).webhook_secret;
    receiver.use(receivers[name]!({ secret, onEvent: (event) => void received.push(event) }));

    const published = await oriva.request(`/api/v1/apps/${appId}/events`, {
      method: 'POST',
      token: apiKey,
      json: { ...DESIGN_DOC_EVENT, event_data: { dismissed_from: 'oriva_core' } },
    });
    expect(published.ok).toBe(true);
  });
  afterAll(() => receiver?.close());

  it('receives and verifies a real delivery', async () => {
    const event = await waitFor(() => received[0]);
    expect(event).toMatchObject({
      type: 'notification.dismissed',
      event_type: 'notification.dismissed',
      app_id: `receiver-${name}`,
      entity_id: 'wb_notif_123',
      user_id: 'user_456',
    });
  });

  const post = (body: string, headers: Record<string, string>) =>
    fetch(receiver.url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const forged = { id: 'evt_forged', type: 'notification.dismissed', entity_id: 'wb_notif_999' };

  it('answers 401 to a tampered body, a wrong secret or no signature, and hands nothing on', async () => {
    const body = JSON.stringify(forged);
    const signed = signatureHeaders({ id: 'msg_1', body, secrets: [secret] });
    const tampered = await post(body.replace('999', '998'), signed);
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ error: { code: 'invalid_signature' } });

    const wrongSecret = await post(body, signatureHeaders({ id: 'msg_2', body, secrets: [generateSecret()] }));
    expect(wrongSecret.status).toBe(401);
    expect((await post(body, {})).status).toBe(401);

    expect((await post(body, signed)).status).toBe(204); // the untampered original passes
    await waitFor(() => received.find((event) => event.id === 'evt_forged'));
    expect(received.map((event) => event.id).filter((id) => id === 'evt_forged')).toHaveLength(1);
  });

  it('answers 400 to a correctly signed body that is not JSON', async () => {
    const body = 'not json';
    expect((await post(body, signatureHeaders({ id: 'msg_3', body, secrets: [secret] }))).status).toBe(400);
  });
});
