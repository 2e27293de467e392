import { type AddressInfo, createServer, type Socket } from 'node:net';
import {
  type APIError,
  AuthenticationError,
  BadRequestError,
  Oriva,
  PermissionDeniedError,
  RateLimitError,
} from '@oriva/sdk';
import { DESIGN_DOC_EVENT, startTestServer } from '@oriva/server/testing';
import { describe, expect, it } from 'vitest';
import { serverWithApp } from '../../server/src/testing/server-with-app.test-support.js';

const workBuddy = serverWithApp();

const client = (options: Partial<ConstructorParameters<typeof Oriva>[0]> = {}) =>
  new Oriva({ apiKey: workBuddy.apiKey, appId: 'work-buddy', baseUrl: workBuddy.server.url, ...options });

describe('@oriva/sdk against the real server', () => {
  it("publishes the design document's event and reads it back", async () => {
    const published = await client().events.publish(DESIGN_DOC_EVENT);
    expect(published.event_id).toMatch(/^evt_/);
    const page = await client().events.list({ entity_id: 'wb_notif_123', limit: 5 });
    expect(page.data[0]).toMatchObject({ id: published.event_id, type: 'notification.dismissed', ...DESIGN_DOC_EVENT });
  });

  it('iterates every event across pages with for await, following the cursor', async () => {
    const events = Array.from({ length: 1_234 }, (_, index) => ({ ...DESIGN_DOC_EVENT, entity_id: `paged-${index}` }));
    const result = await client().events.publishBatch(events);
    expect(result.count).toBe(1_234);
    const seen: string[] = [];
    for await (const event of client().events.list({ event_type: 'dismissed', limit: 100 })) {
      if (event.entity_id.startsWith('paged-')) seen.push(event.entity_id);
    }
    expect(seen).toHaveLength(1_234);
    expect(new Set(seen).size).toBe(1_234);
    expect(seen[0]).toBe('paged-1233');
  });

  it('maps errors to typed classes with the code, request id and fields', async () => {
    const invalid = await client()
      .events.publish({ ...DESIGN_DOC_EVENT, event_category: 'Not Valid' })
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(BadRequestError);
    expect((invalid as APIError).code).toBe('validation_failed');
    expect((invalid as APIError).requestId).toMatch(/^req_/);
    expect((invalid as APIError).fields?.[0]?.path).toBe('event_category');

    const unauthenticated = await client({ apiKey: 'ok_live_wrong' })
      .events.publish(DESIGN_DOC_EVENT)
      .catch((error: unknown) => error);
    expect(unauthenticated).toBeInstanceOf(AuthenticationError);

    const otherApp = await client()
      .events.publish(DESIGN_DOC_EVENT, { appId: 'hugo' })
      .catch((error: unknown) => error);
    expect(otherApp).toBeInstanceOf(PermissionDeniedError);
    expect((otherApp as APIError).code).toBe('forbidden_app');
  });

  it('surfaces a 429 as RateLimitError once its retries are spent', async () => {
    const limited = await startTestServer({ ORIVA_RATE_LIMITS: 'events=1/1h' });
    try {
      const key = await limited.createApp('limited');
      const sdk = new Oriva({ apiKey: key, appId: 'limited', baseUrl: limited.url, maxRetries: 0 });
      await sdk.events.publish(DESIGN_DOC_EVENT);
      const error = await sdk.events.publish(DESIGN_DOC_EVENT).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as APIError).headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });

  it('retries a lost response with the same Idempotency-Key, so the event is stored once', async () => {
    // A loopback proxy that forwards every request, but for the first one drops the client's
    // connection after the server has answered: the event is stored, the response never arrives.
    const proxy = await lossyProxy(new URL(workBuddy.server.url).port, 1);
    try {
      const entity = `lost-response-${Date.now()}`;
      const sdk = client({ baseUrl: `http://127.0.0.1:${proxy.port}`, maxRetries: 2 });
      const result = await sdk.events.publish({ ...DESIGN_DOC_EVENT, entity_id: entity }).withResponse();
      expect(proxy.requests()).toBe(2);
      expect(result.response.headers.get('idempotent-replayed')).toBe('true');
      const stored = await client().events.list({ entity_id: entity });
      expect(stored.pagination.total).toBe(1);
      expect(stored.data[0]?.id).toBe(result.data.event_id);
    } finally {
      await proxy.close();
    }
  });
});

/** Forwards TCP to the server; the first `drop` connections are cut once the server's answer arrives. */
async function lossyProxy(targetPort: string, drop: number) {
  const { connect } = await import('node:net');
  let seen = 0;
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    sockets.add(client);
    const upstream = connect(Number(targetPort), '127.0.0.1');
    sockets.add(upstream);
    const dropThis = seen < drop;
    let counted = false;
    client.on('data', (chunk) => {
      if (!counted) {
        counted = true;
        seen++;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (dropThis) {
        client.destroy();
        upstream.destroy();
      } else {
        client.write(chunk);
      }
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    requests: () => seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}
