import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './run-cli.test-support.js';

describe('oriva events replay, against a running server', () => {
  let server: TestServer;
  let env: Record<string, string>;
  const bodies: string[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200).end();
    });
  });

  beforeAll(async () => {
    server = await startTestServer();
    const key = await server.createApp('cli-replay');
    env = { ORIVA_API_BASE: server.url, ORIVA_API_KEY: key, ORIVA_APP_ID: 'cli-replay', NO_COLOR: '1' };
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await server.close();
  });

  it('queues a new delivery of the stored event to the webhook named, and names what is missing', async () => {
    const { port } = receiver.address() as AddressInfo;
    const created = await server.request('/api/v1/apps/cli-replay/webhooks', {
      method: 'POST',
      token: env.ORIVA_API_KEY,
      json: { webhook_url: `http://127.0.0.1:${port}/hook`, subscribed_events: ['nothing.*'] },
    });
    const { webhook_id } = (await created.json()) as { webhook_id: string };
    const published = await server.request('/api/v1/apps/cli-replay/events', {
      method: 'POST',
      token: env.ORIVA_API_KEY,
      json: { event_category: 'task', event_type: 'done', entity_type: 'task', entity_id: 't1', user_id: 'u1' },
    });
    const { event_id } = (await published.json()) as { event_id: string };

    const result = await run(['events', 'replay', event_id, '--webhook', webhook_id], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^Queued a replay of ${event_id} to ${webhook_id} \\(delivery del_\\w+\\)\\.\n$`),
    );
    const asJson = await run(['events', 'replay', event_id, '--webhook', webhook_id, '--json'], { env });
    expect(asJson.code).toBe(0);
    expect(JSON.parse(asJson.stdout).delivery).toMatchObject({ event_id, webhook_id, replay: true });
    for (let waited = 0; bodies.length < 2 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(bodies.map((body) => (JSON.parse(body) as { id: string }).id)).toEqual([event_id, event_id]);

    const missing = await run(['events', 'replay', 'evt_missing', '--webhook', webhook_id], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No event "evt_missing"/);
    const usage = await run(['events', 'replay', event_id], { env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--webhook/);
  });
});
