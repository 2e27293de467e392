/**
 * Webhooks end to end: the real server delivers the app's events to a real HTTP receiver, signed;
 * the receiver verifies them with `@oriva/webhook-verify`. Once through the SDK, once through the
 * CLI (`main()`, exactly as the `oriva` binary runs it).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { main } from '@oriva/cli';
import { NotFoundError, Oriva } from '@oriva/sdk';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '@oriva/server/testing';
import { verify, verifyEd25519 } from '@oriva/webhook-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Received {
  body: Buffer;
  headers: IncomingHttpHeaders;
}

interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records every request's raw body and headers and answers 204. */
async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/oriva`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `check` returns a value, or fails after `ms`. */
async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const bodyOf = (r: Received) => JSON.parse(r.body.toString('utf8')) as { type: string; [key: string]: unknown };

/** The design document's example event, dismissed from another place. */
const EVENT = { ...DESIGN_DOC_EVENT, event_data: { dismissed_from: 'oriva_core' } };

describe('webhooks through the SDK', () => {
  let server: TestServer;
  let receiver: Receiver;
  let app: Oriva;

  beforeAll(async () => {
    server = await startTestServer({ ORIVA_WEBHOOK_BACKOFF_SCALE: '0.01' });
    receiver = await startReceiver();
    const apiKey = await server.createApp('work-buddy');
    app = new Oriva({ apiKey, appId: 'work-buddy', baseUrl: server.url });
  });
  afterAll(async () => {
    await receiver?.close();
    await server?.close();
  });

  it('delivers a published event, signed; then rotate, test, disable and delete', async () => {
    const created = await app.webhooks.create({
      webhook_url: receiver.url,
      subscribed_events: ['notification.*'],
      description: 'integration',
    });
    expect(created.webhook_secret).toMatch(/^whsec_/);
    expect(created.webhook).toMatchObject({
      id: created.webhook_id,
      is_active: true,
      subscribed_events: ['notification.*'],
    });
    const id = created.webhook_id;
    expect((await app.webhooks.list()).webhooks.map((w) => w.id)).toEqual([id]);

    const { event_id } = await app.events.publish(EVENT);
    const delivered = await waitFor('the delivery', () =>
      receiver.received.find((r) => bodyOf(r).type === 'notification.dismissed'),
    );
    const event = verify<{ type: string; id?: string }>(delivered.body, delivered.headers, created.webhook_secret);
    expect(event.type).toBe('notification.dismissed');
    expect(JSON.stringify(event)).toContain(event_id);
    expect(() => verify(delivered.body, delivered.headers, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toThrow();

    const succeeded = await waitFor('the delivery to be recorded', async () => {
      const page = await app.webhooks.deliveries.list(id, { success: true });
      return page.data.find((d) => d.event_type === 'notification.dismissed');
    });
    expect(succeeded.status).toBe('succeeded');
    expect(succeeded.attempts).toBe(1);
    expect(succeeded.attempt_log[0]?.status_code).toBe(204);
    expect(delivered.headers['webhook-id']).toBe(succeeded.id);

    const rotated = await app.webhooks.rotateSecret(id, { grace_period_seconds: 60 });
    expect(rotated.webhook_secret).not.toBe(created.webhook_secret);
    expect(rotated.previous_secret_expires_at).not.toBeNull();

    const before = receiver.received.length;
    const test = await app.webhooks.test(id);
    const testDelivery = await waitFor('webhook.test', () =>
      receiver.received.slice(before).find((r) => bodyOf(r).type === 'webhook.test'),
    );
    // Signed with the new secret, and (during the grace period) with the old one too.
    expect(verify<{ type: string }>(testDelivery.body, testDelivery.headers, rotated.webhook_secret).type).toBe(
      'webhook.test',
    );
    expect(verify<{ type: string }>(testDelivery.body, testDelivery.headers, created.webhook_secret).type).toBe(
      'webhook.test',
    );
    expect(testDelivery.headers['webhook-id']).toBe(test.delivery_id);

    const retried = await app.webhooks.deliveries.retry(id, test.delivery_id);
    expect(retried.delivery.id).toBe(test.delivery_id);
    const recovered = await app.webhooks.recover(id, {
      since: new Date(Date.now() - 3_600_000).toISOString(),
      dry_run: true,
    });
    expect(recovered).toMatchObject({ count: 0, dry_run: true });

    const paged: string[] = [];
    for await (const d of app.webhooks.deliveries.list(id, { limit: 1 })) paged.push(d.id);
    expect(paged.length).toBeGreaterThanOrEqual(2);
    expect(new Set(paged).size).toBe(paged.length);

    const disabled = await app.webhooks.update(id, { is_active: false });
    expect(disabled.webhook.is_active).toBe(false);
    expect((await app.webhooks.retrieve(id)).webhook.is_active).toBe(false);

    await app.webhooks.delete(id);
    await expect(app.webhooks.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await app.webhooks.list()).webhooks).toEqual([]);
  });
});

describe('webhooks through the CLI', () => {
  let server: TestServer;
  let receiver: Receiver;
  let key: string;

  async function oriva(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main([...argv, '--base-url', server.url, '--api-key', key, '--app-id', 'work-buddy'], {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      env: { XDG_CONFIG_HOME: server.dataDir },
    });
    return { code, stdout, stderr };
  }
  // biome-ignore lint/suspicious/noExplicitAny: the assertions read whatever the command printed.
  const parse = (text: string) => JSON.parse(text) as Record<string, any>;

  /**
   * Publishes one event as the app, then waits until the webhook's deliveries, as the CLI lists them, show one with
   * `status`.
   */
  async function publishAndAwaitDelivery(webhookId: string, event: object, status: string) {
    const app = new Oriva({ apiKey: key, appId: 'work-buddy', baseUrl: server.url });
    await app.events.publish({ ...EVENT, ...event });
    return waitFor(`a ${status} attempt`, async () => {
      const { deliveries } = parse((await oriva(['webhooks', 'deliveries', webhookId, '--json'])).stdout);
      return deliveries.find((d: { status: string }) => d.status === status);
    });
  }

  beforeAll(async () => {
    server = await startTestServer({ ORIVA_WEBHOOK_BACKOFF_SCALE: '0.01' });
    receiver = await startReceiver();
    key = await server.createApp('work-buddy');
  });
  afterAll(async () => {
    await receiver?.close();
    await server?.close();
  });

  it('creates, lists and shows the deliveries of a webhook', async () => {
    const created = await oriva(['webhooks', 'create', '--url', receiver.url, '--events', 'notification.*', '--json']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const { webhook_id, webhook_secret } = parse(created.stdout);
    expect(webhook_secret).toMatch(/^whsec_/);

    const listed = await oriva(['webhooks', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(parse(listed.stdout).webhooks.map((w: { id: string }) => w.id)).toEqual([webhook_id]);

    const human = await oriva(['webhooks', 'list']);
    expect(human.stdout).toMatch(/^ID\s+URL\s+EVENTS\s+ACTIVE\s+ATTEMPTS\s+FAILED\s+IN A ROW/);
    expect(human.stdout).toContain(receiver.url);

    const app = new Oriva({ apiKey: key, appId: 'work-buddy', baseUrl: server.url });
    await app.events.publish(EVENT);
    const delivered = await waitFor('the delivery', () =>
      receiver.received.find((r) => bodyOf(r).type === 'notification.dismissed'),
    );
    expect(verify<{ type: string }>(delivered.body, delivered.headers, webhook_secret).type).toBe(
      'notification.dismissed',
    );

    const deliveries = await waitFor('the delivery to be recorded', async () => {
      const result = await oriva(['webhooks', 'deliveries', webhook_id, '--json']);
      expect(result.code).toBe(0);
      const body = parse(result.stdout);
      return body.deliveries.some((d: { status: string }) => d.status === 'succeeded') ? body : undefined;
    });
    expect(deliveries.deliveries[0]).toMatchObject({
      event_type: 'notification.dismissed',
      status: 'succeeded',
      attempts: 1,
    });
    expect(deliveries.pagination).toMatchObject({ has_more: false });

    const tested = await oriva(['webhooks', 'test', webhook_id, '--json']);
    expect(tested.code).toBe(0);
    expect(parse(tested.stdout).delivery_id).toMatch(/\S/);

    const rotated = await oriva(['webhooks', 'rotate-secret', webhook_id, '--grace', '1h']);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/whsec_/);
    expect(rotated.stdout).toMatch(/save it now/);

    const disabled = await oriva(['webhooks', 'update', webhook_id, '--disable', '--json']);
    expect(parse(disabled.stdout).webhook.is_active).toBe(false);

    const recovered = await oriva(['webhooks', 'recover', webhook_id, '--since', '1h', '--dry-run', '--json']);
    expect(parse(recovered.stdout)).toMatchObject({ count: 0, dry_run: true });

    expect((await oriva(['webhooks', 'delete', webhook_id])).code).toBe(0);
    const missing = await oriva(['webhooks', 'show', webhook_id]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/oriva webhooks list/);
  });

  it('creates an Ed25519 webhook: prints its public key, and its deliveries verify with the public JWKS', async () => {
    const human = await oriva([
      'webhooks',
      'create',
      '--url',
      receiver.url,
      '--events',
      'signed.*',
      '--signature-scheme',
      'ed25519',
    ]);
    expect(human.code).toBe(0);
    const publicKey = human.stdout.match(/whpk_[A-Za-z0-9+/]+=*/)?.[0];
    expect(publicKey).toBeDefined();
    expect(human.stdout).toContain('ed25519 (v1a)');
    expect(human.stdout).toContain('/api/v1/apps/work-buddy/webhooks/jwks');

    const jwks = await (await fetch(`${server.url}/api/v1/apps/work-buddy/webhooks/jwks`)).json();
    const app = new Oriva({ apiKey: key, appId: 'work-buddy', baseUrl: server.url });
    await app.events.publish({ ...EVENT, event_category: 'signed', event_type: 'cli' });
    const delivered = await waitFor('the signed delivery', () =>
      receiver.received.find((r) => bodyOf(r).type === 'signed.cli'),
    );
    expect(verifyEd25519<{ type: string }>(delivered.body, delivered.headers, jwks).type).toBe('signed.cli');
    expect(verifyEd25519<{ type: string }>(delivered.body, delivered.headers, publicKey!).type).toBe('signed.cli');

    const bad = await oriva([
      'webhooks',
      'create',
      '--url',
      receiver.url,
      '--events',
      '*',
      '--signature-scheme',
      'rsa',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/hmac, ed25519/);
  });

  it('retry waits for the attempt and prints its outcome; --no-wait only queues it', async () => {
    const created = await oriva(['webhooks', 'create', '--url', receiver.url, '--events', 'retry.*', '--json']);
    const { webhook_id } = parse(created.stdout);
    const first = await publishAndAwaitDelivery(webhook_id, { event_category: 'retry', event_type: 'me' }, 'succeeded');

    const retried = await oriva(['webhooks', 'retry', webhook_id, first.id]);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toMatch(new RegExp(`^✔ Delivery ${first.id} succeeded \\(HTTP 204\\)\n`));
    const asJson = await oriva(['webhooks', 'retry', webhook_id, first.id, '--json']);
    expect(parse(asJson.stdout).delivery).toMatchObject({ id: first.id, status: 'succeeded', attempts: 3 });

    const queued = await oriva(['webhooks', 'retry', webhook_id, first.id, '--no-wait']);
    expect(queued.code).toBe(0);
    expect(queued.stdout).toBe(`Queued another attempt of delivery ${first.id}.\n`);

    const missing = await oriva(['webhooks', 'retry', webhook_id, 'del_00000000000000000000000000']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`webhook "${webhook_id}" exists, but has no such delivery`);
  });

  it('retry of a delivery to a dead endpoint says it failed again and exits 1', async () => {
    const created = await oriva([
      'webhooks',
      'create',
      '--url',
      'http://127.0.0.1:9/gone',
      '--events',
      'dead.*',
      '--max-retries',
      '0',
      '--json',
    ]);
    const { webhook_id } = parse(created.stdout);
    const failed = await publishAndAwaitDelivery(webhook_id, { event_category: 'dead', event_type: 'end' }, 'failed');
    const retried = await oriva(['webhooks', 'retry', webhook_id, failed.id]);
    expect(retried.code).toBe(1);
    expect(retried.stdout).toMatch(new RegExp(`^✖ Delivery ${failed.id} failed again \\(`));

    const shown = await oriva(['webhooks', 'show', webhook_id]);
    expect(shown.stdout).toMatch(/attempts\s+2 made, 2 failed, the last 2 in a row/);
  });

  it('exits 1 naming the field of a bad pattern', async () => {
    const bad = await oriva(['webhooks', 'create', '--url', receiver.url, '--events', 'not a pattern!']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('subscribed_events.0');
    expect(bad.stderr).toContain('--events');

    const json = await oriva(['webhooks', 'create', '--url', receiver.url, '--events', 'not a pattern!', '--json']);
    expect(json.code).toBe(1);
    expect(json.stdout).toBe('');
    expect(json.stderr).toContain('subscribed_events.0');

    const usage = await oriva(['webhooks', 'deliveries', 'wh_x', '--failed', '--succeeded']);
    expect(usage.code).toBe(2);
  });
});
