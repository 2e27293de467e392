import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DESIGN_DOC_EVENT, startTestServer } from '@oriva/server/testing';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';

describe('deliveries and the standardwebhooks package', () => {
  it('a real delivery verifies with the reference Standard Webhooks library, and fails once tampered', async () => {
    const server = await startTestServer();
    const requests: Array<{ body: string; headers: Record<string, string> }> = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        requests.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers as Record<string, string> });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const key = await server.createApp('work-buddy');
      const created = await server.request('/api/v1/apps/work-buddy/webhooks', {
        method: 'POST',
        token: key,
        json: {
          webhook_url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
          subscribed_events: ['notification.*'],
        },
      });
      const { webhook_secret } = (await created.json()) as { webhook_secret: string };
      await server.request('/api/v1/apps/work-buddy/events', { method: 'POST', token: key, json: DESIGN_DOC_EVENT });
      const deadline = Date.now() + 5_000;
      while (requests.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const [request] = requests;
      const verified = new Webhook(webhook_secret).verify(request!.body, request!.headers) as Record<string, unknown>;
      expect(verified).toMatchObject({
        type: 'notification.dismissed',
        entity_id: 'wb_notif_123',
        app_id: 'work-buddy',
      });
      expect(() => new Webhook(webhook_secret).verify(`${request!.body} `, request!.headers)).toThrow();
    } finally {
      receiver.close();
      await server.close();
    }
  });
});
