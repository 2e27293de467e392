/**
 * `oriva listen` end to end: the real server's event stream forwarded to real local receivers
 * (node:http) that verify every request with @oriva/webhook-verify, as an app's endpoint would.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { main } from '@oriva/cli';
import { Oriva } from '@oriva/sdk';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '@oriva/server/testing';
import { generateSecret, type verify, verifyEd25519 } from '@oriva/webhook-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureCliOutput as capture,
  type VerifyingReceiver as Receiver,
  startVerifyingReceiver as startReceiver,
} from './cli-io.test-support.js';

/** A port where nothing listens: bind one, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let server: TestServer;
let apiKey: string;
let app: Oriva;
const receivers: Receiver[] = [];

beforeAll(async () => {
  server = await startTestServer();
  apiKey = await server.createApp('work-buddy');
  app = new Oriva({ apiKey, appId: 'work-buddy', baseUrl: server.url });
});
afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await server?.close();
});

const flags = () => ['--base-url', server.url, '--api-key', apiKey, '--app-id', 'work-buddy'];

/** The newest event's id (or position 0): `--since` with it makes the run see every event published later. */
async function baseline(): Promise<string> {
  const page = await app.events.list({ limit: 1 });
  return page.data[0]?.id ?? '0';
}

/** Bounds a run in time: a stuck stream fails the test instead of hanging it. */
function bounded(run: Promise<number>, ms = 10_000): Promise<number> {
  return Promise.race([
    run,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`listen did not finish in ${ms} ms`)), ms)),
  ]);
}

describe('oriva listen', () => {
  it('forwards a user dismissal to the local URL, signed like a real delivery; --json prints the forward', async () => {
    const secret = generateSecret();
    const receiver = await startReceiver(secret);
    receivers.push(receiver);

    const externalId = 'wb_listen_1';
    const created = await fetch(`${server.url}/api/v1/apps/work-buddy/notifications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        external_id: externalId,
        user_id: 'user_456',
        notification_type: 'reminder',
        title: 'Stand-up in 5 minutes',
      }),
    });
    expect(created.status).toBeLessThan(300);
    // A real webhook for the same event, to compare its delivery with the forward.
    let realSecret = '';
    const realReceiver = await startReceiver(() => realSecret);
    receivers.push(realReceiver);
    const real = await app.webhooks.create({
      webhook_url: realReceiver.url,
      subscribed_events: ['notification.dismissed'],
    });
    realSecret = real.webhook_secret;
    const since = await baseline();

    const out = capture();
    const run = main(
      [
        'listen',
        '--forward-to',
        receiver.url,
        '--secret',
        secret,
        '--count',
        '1',
        '--json',
        '--events',
        'notification.dismissed',
        '--since',
        since,
        ...flags(),
      ],
      out.io,
    );

    // While it runs, the user dismisses the notification in Oriva.
    const token = await server.userToken('user_456');
    const dismissed = await fetch(`${server.url}/api/v1/notifications/${externalId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'dismissed', dismissed_from: 'oriva_core' }),
    });
    expect(dismissed.status).toBe(200);

    await expect(bounded(run)).resolves.toBe(0);
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery!.error).toBeUndefined();
    expect(delivery!.event).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      type: 'notification.dismissed',
      event_category: 'notification',
      event_type: 'notification.dismissed',
      entity_type: 'notification',
      entity_id: externalId,
      user_id: 'user_456',
      app_id: 'work-buddy',
      event_data: expect.objectContaining({ notification_id: expect.stringMatching(/^ntf_/) }),
      timestamp: expect.any(String),
    });
    // The same body, key for key and in the same order, as the server's own delivery of that event.
    await expect.poll(() => realReceiver.received.length).toBe(1);
    expect(realReceiver.received[0]!.error).toBeUndefined();
    expect(JSON.stringify(delivery!.event)).toBe(JSON.stringify(realReceiver.received[0]!.event));
    await app.webhooks.delete(real.webhook_id);
    expect(Object.keys(delivery!.event!)).toEqual([
      'id',
      'type',
      'event_category',
      'event_type',
      'entity_type',
      'entity_id',
      'user_id',
      'app_id',
      'event_data',
      'timestamp',
    ]);
    expect(delivery!.headers['webhook-id']).toBe(`fwd_${delivery!.event!.id}`);
    expect(delivery!.headers['x-oriva-signature']).toMatch(/^t=\d+,id=fwd_evt_/);
    expect(delivery!.headers['content-type']).toBe('application/json');

    const lines = out.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toEqual({
      event_id: delivery!.event!.id,
      type: 'notification.dismissed',
      target: receiver.url,
      status: 200,
      ms: expect.any(Number),
    });
    // The secret is announced on stderr, never mixed into the NDJSON.
    expect(out.stderr()).toContain(secret);
  });

  it('--print-secret prints a new whsec_ secret and exits 0 (or the given one)', async () => {
    const out = capture();
    await expect(main(['listen', '--print-secret'], out.io)).resolves.toBe(0);
    expect(out.stdout()).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}\n$/);
    expect(out.stderr()).toBe('');

    const fixed = generateSecret();
    const again = capture();
    await expect(
      main(['listen', '--print-secret'], { ...again.io, env: { ORIVA_LISTEN_SECRET: fixed } }),
    ).resolves.toBe(0);
    expect(again.stdout()).toBe(`${fixed}\n`);

    const bad = capture();
    await expect(main(['listen', '--print-secret', '--secret', 'not-a-secret'], bad.io)).resolves.toBe(2);
    expect(bad.stderr()).toContain('--secret is not a signing secret');
  });

  it('--signature-scheme ed25519 signs forwards with v1a and prints the public key to verify them with', async () => {
    const keys = capture();
    await expect(main(['listen', '--signature-scheme', 'ed25519', '--print-secret', '--json'], keys.io)).resolves.toBe(
      0,
    );
    const { secret, public_key } = JSON.parse(keys.stdout()) as { secret: string; public_key: string };
    expect(secret).toMatch(/^whsk_/);
    expect(public_key).toMatch(/^whpk_/);

    const receiver = await startReceiver(public_key, verifyEd25519 as typeof verify);
    receivers.push(receiver);
    const since = await baseline();
    const out = capture();
    // The whsk_ key alone selects Ed25519.
    const run = main(
      ['listen', '--forward-to', receiver.url, '--secret', secret, '--count', '1', '--since', since, ...flags()],
      out.io,
    );
    await app.events.publish({ ...DESIGN_DOC_EVENT, entity_id: 'signed_ed25519' });
    await expect(bounded(run)).resolves.toBe(0);
    expect(out.stderr()).toContain(`public key ${public_key}`);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.error).toBeUndefined();
    expect(receiver.received[0]!.event).toMatchObject({ entity_id: 'signed_ed25519' });
    expect(receiver.received[0]!.headers['webhook-signature']).toMatch(/^v1a,/);

    const mismatch = capture();
    const refused = main(['listen', '--print-secret', '--signature-scheme', 'hmac', '--secret', secret], mismatch.io);
    await expect(refused).resolves.toBe(2);
    expect(mismatch.stderr()).toContain('drop --signature-scheme hmac');
  });

  it('routes by event type with repeated --forward rules: first match wins', async () => {
    const secret = generateSecret();
    const notifications = await startReceiver(secret);
    const sessions = await startReceiver(secret);
    receivers.push(notifications, sessions);
    const since = await baseline();

    const out = capture();
    const run = main(
      [
        'listen',
        '--forward',
        `notification.*=${notifications.url}`,
        '--forward',
        `session.*=${sessions.url}`,
        '--forward',
        `*=${sessions.url}?fallback`,
        '--secret',
        secret,
        '--count',
        '3',
        '--json',
        '--since',
        since,
        ...flags(),
      ],
      out.io,
    );
    await app.events.publish({ ...DESIGN_DOC_EVENT, entity_id: 'route_n' });
    await app.events.publish({
      ...DESIGN_DOC_EVENT,
      event_category: 'session',
      event_type: 'created',
      entity_id: 'route_s',
    });
    await app.events.publish({ ...DESIGN_DOC_EVENT, event_category: 'task', event_type: 'done', entity_id: 'route_t' });

    await expect(bounded(run)).resolves.toBe(0);
    expect(notifications.received.map((r) => r.event?.entity_id)).toEqual(['route_n']);
    expect(sessions.received.map((r) => r.event?.entity_id)).toEqual(['route_s', 'route_t']);
    expect(sessions.received.every((r) => r.error === undefined)).toBe(true);
    const lines = out
      .stdout()
      .trimEnd()
      .split('\n')
      .map((text) => JSON.parse(text) as { type: string; target: string; status: number });
    expect(lines.map((line) => [line.type, line.target, line.status])).toEqual([
      ['notification.dismissed', notifications.url, 200],
      ['session.created', sessions.url, 200],
      ['task.done', `${sessions.url}?fallback`, 200],
    ]);
  });

  it('a failed forward is printed and listening goes on; io.signal stops it', async () => {
    const port = await closedPort();
    const since = await baseline();
    const out = capture();
    const controller = new AbortController();
    const run = main(['listen', '--forward-to', `http://127.0.0.1:${port}/hook`, '--since', since, ...flags()], {
      ...out.io,
      signal: controller.signal,
    });
    await app.events.publish({ ...DESIGN_DOC_EVENT, entity_id: 'refused_1' });
    await app.events.publish({ ...DESIGN_DOC_EVENT, entity_id: 'refused_2' });
    const deadline = Date.now() + 8_000;
    while (out.stdout().trimEnd().split('\n').filter(Boolean).length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    controller.abort();
    await expect(bounded(run)).resolves.toBe(0);
    const lines = out.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect(line).toMatch(
        /notification\.dismissed {2,}evt_\w+ {2,}→ http:\/\/127\.0\.0\.1:\d+\/hook {2,}failed \(connection refused\) {2,}\d+ ms$/,
      );
    expect(out.stderr()).toMatch(/Your local signing secret is whsec_/);
  });

  it('without a target it is a usage error with a hint', async () => {
    const out = capture();
    await expect(main(['listen', ...flags()], out.io)).resolves.toBe(2);
    expect(out.stderr()).toContain('nowhere to forward to');
    expect(out.stderr()).toContain('--forward-to');
  });
});
