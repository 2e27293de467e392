import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { cuttableLink, dropSchema } from '../../testing/cuttable-link.js';
import { DESIGN_DOC_EVENT, startTestServer } from '../../testing/harness.js';

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a webhook attempt whose outcome meets an outage', () => {
  it('records the outcome once the database is back, and the receiver is sent the event once', async () => {
    const database = process.env.ORIVA_TEST_DATABASE_URL;
    if (!database) throw new Error('needs ORIVA_TEST_DATABASE_URL');
    // The receiver holds its answer until the database link is cut, so the outcome arrives during the outage.
    const received: string[] = [];
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const receiver = createServer((req, res) => {
      received.push(String(req.headers['webhook-id']));
      req.resume();
      void answered.then(() => res.writeHead(200).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => receiver.close(resolve)));

    const link = await cuttableLink(new URL(database));
    // Not the harness's prefix: a test run starting beside this one clears unstamped schemas of that prefix.
    const schema = `oriva_outage_${randomBytes(8).toString('hex')}`;
    const url = new URL(database);
    url.host = `127.0.0.1:${link.port}`;
    // The claim's lease is the attempt's timeout and 5 s: an outcome not recorded by then would be sent again.
    const server = await startTestServer({
      ORIVA_DATABASE_URL: url.toString(),
      ORIVA_DATABASE_SCHEMA: schema,
      ORIVA_WEBHOOK_TIMEOUT_MS: '3000',
    });
    let linkUp = true;
    cleanups.push(async () => {
      if (!linkUp) await link.restore();
      await server.close();
      await dropSchema(database, schema);
    });
    const key = await server.createApp('work-buddy');
    const hook = await server.request('/api/v1/apps/work-buddy/webhooks', {
      method: 'POST',
      token: key,
      json: {
        webhook_url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        subscribed_events: ['*'],
      },
    });
    expect(hook.status).toBe(201);
    const webhookId = ((await hook.json()) as { webhook_id: string }).webhook_id;
    const published = await server.request('/api/v1/apps/work-buddy/events', {
      method: 'POST',
      token: key,
      json: DESIGN_DOC_EVENT,
    });
    expect(published.status).toBe(200);

    const deadline = Date.now() + 10_000;
    while (received.length === 0 && Date.now() < deadline) await sleep(20);
    expect(received).toHaveLength(1);
    link.cut();
    linkUp = false;
    answer();
    // Requests meanwhile open the breaker (the worker's own calls alone would take longer to).
    for (let index = 0; index < 5; index++) {
      const response = await server.request('/api/v1/apps/work-buddy/events', { token: key });
      expect(response.status).toBe(503);
    }
    await sleep(1_500);
    await link.restore();
    linkUp = true;

    type Delivery = { status: string; attempts: number };
    let deliveries: Delivery[] = [];
    const recorded = Date.now() + 15_000;
    while (Date.now() < recorded) {
      const response = await server.request(`/api/v1/apps/work-buddy/webhooks/${webhookId}/deliveries`, {
        token: key,
      });
      if (response.status === 200) {
        deliveries = ((await response.json()) as { deliveries: Delivery[] }).deliveries;
        if (deliveries[0]?.status === 'succeeded') break;
      }
      await sleep(100);
    }
    expect(deliveries).toMatchObject([{ status: 'succeeded', attempts: 1 }]);
    // Recorded within the lease, so never claimed again: one send, and one only.
    expect(received).toHaveLength(1);
  }, 40_000);
});
