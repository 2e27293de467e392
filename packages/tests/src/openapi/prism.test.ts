import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApiDocument, DESIGN_DOC_EXAMPLE_ONE, serverEventPayloads } from '@oriva/contract';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type PrismProxy, startPrismProxy } from './prism.test-support.js';

/**
 * Every operation of docs/openapi.yml, driven through Prism's validating proxy in front of the real
 * server: a request the document refuses, or an answer it does not describe (an undeclared status, a
 * body or header of the wrong shape), comes back as Prism's own problem+json with `sl-violations`.
 * `strict` checks requests too; `answers` forwards requests the document refuses on purpose (a bad
 * field, a body that is not JSON) and checks what the server answers them.
 */

// The same document as docs/openapi.yml (packages/server/src/openapi/render.test.ts checks they match).
const document = buildOpenApiDocument() as { paths: Record<string, Record<string, { operationId: string }>> };
// Fewest path parameters first: a concrete path (`…/webhooks/jwks`) wins over a templated one (`…/webhooks/{id}`),
// as OpenAPI matches them.
const operations = Object.entries(document.paths)
  .flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      id: operation.operationId,
      method: method.toUpperCase(),
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      parameters: path.split('{').length,
    })),
  )
  .sort((a, b) => a.parameters - b.parameters);
/** operationId → the statuses it answered through the proxies. */
const driven = new Map<string, Set<number>>();

let server: TestServer;
const archiveDir = mkdtempSync(join(tmpdir(), 'oriva-prism-archives-'));
let strict: PrismProxy;
let answers: PrismProxy;
let receiver: Server;
const delivered: Array<{ type: string; body: unknown }> = [];
let appKey: string;
let userToken: string;

interface Call {
  token?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

/** One request through a proxy; fails on any violation, or on another status than `status`. */
async function drive(proxy: PrismProxy, method: string, path: string, status: number, call: Call = {}) {
  const headers = new Headers(call.headers);
  if (call.token) headers.set('authorization', `Bearer ${call.token}`);
  if (call.json !== undefined) headers.set('content-type', 'application/json');
  const body = call.json !== undefined ? JSON.stringify(call.json) : call.body;
  const response = await fetch(`${proxy.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  const violations = response.headers.get('sl-violations');
  expect(
    {
      status: response.status,
      violations,
      problem: response.headers.get('content-type')?.includes('problem+json') ?? false,
    },
    `${method} ${path}: ${text.slice(0, 2000)}`,
  ).toEqual({ status, violations: null, problem: false });
  const operation = operations.find(
    (candidate) => candidate.method === method && candidate.pattern.test(path.split('?')[0]!),
  );
  if (!operation) throw new Error(`${method} ${path} is no operation of the document`);
  driven.set(operation.id, new Set([...(driven.get(operation.id) ?? []), status]));
  return { body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined, headers: response.headers };
}

/**
 * The server's own events reach the webhook in the shapes the document's `webhooks:` section declares
 * (it is generated from these same schemas).
 */
async function checkDeliveries() {
  const expected = ['notification.created', 'notification.updated', 'notification.read', 'notification.dismissed'];
  await vi.waitFor(() => expect(delivered.map((event) => event.type)).toEqual(expect.arrayContaining(expected)), {
    timeout: 10_000,
  });
  for (const event of delivered) {
    const declared = serverEventPayloads.find((candidate) => candidate.name === event.type);
    if (!declared) throw new Error(`delivered ${event.type}, which the webhooks section does not declare`);
    const parsed = declared.payload.safeParse(event.body);
    expect(parsed.error, `${event.type}: ${JSON.stringify(event.body)}`).toBeUndefined();
  }
}

const errorCode = (body: Record<string, unknown> | undefined) => (body?.error as { code?: string } | undefined)?.code;

beforeAll(async () => {
  server = await startTestServer({ ORIVA_WEBHOOK_BACKOFF_SCALE: '0.01', ORIVA_ARCHIVE_DIR: archiveDir });
  [strict, answers] = await Promise.all([
    startPrismProxy(server.url),
    startPrismProxy(server.url, { validateRequest: false }),
  ]);
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      const body = JSON.parse(raw) as { type: string };
      delivered.push({ type: body.type, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
}, 60_000);

afterAll(async () => {
  await Promise.all([strict?.close(), answers?.close()]);
  await new Promise((resolve) => receiver?.close(resolve));
  await server?.close();
  rmSync(archiveDir, { recursive: true, force: true });
});

describe('docs/openapi.yml against the real server, through Prism', () => {
  it('describes every successful answer, the Example 1 body, the text/plain sync call and Idempotency-Key', async () => {
    await drive(strict, 'GET', '/healthz', 200);
    await drive(strict, 'GET', '/readyz', 200);
    const admin = server.adminToken;

    const created = await drive(strict, 'POST', '/api/v1/apps', 201, {
      token: admin,
      json: { app_id: 'work-buddy', name: 'Work Buddy' },
    });
    appKey = (created.body!.api_key as { key: string }).key;
    await drive(strict, 'GET', '/api/v1/apps', 200, { token: admin });
    await drive(strict, 'GET', '/api/v1/apps/work-buddy', 200, { token: appKey });
    await drive(strict, 'PATCH', '/api/v1/apps/work-buddy', 200, { token: appKey, json: { name: 'Work Buddy 2' } });
    const key = await drive(strict, 'POST', '/api/v1/apps/work-buddy/keys', 201, {
      token: appKey,
      json: { name: 'rotation' },
    });
    await drive(strict, 'GET', '/api/v1/apps/work-buddy/keys', 200, { token: appKey });
    const keyId = (key.body!.api_key as { id: string }).id;
    await drive(strict, 'DELETE', `/api/v1/apps/work-buddy/keys/${keyId}`, 204, { token: appKey });
    await drive(strict, 'POST', '/api/v1/apps/work-buddy/portal-sessions', 201, {
      token: appKey,
      json: { expires_in_seconds: 600 },
    });

    const minted = await drive(strict, 'POST', '/api/v1/dev/users/user_456/token', 200);
    userToken = minted.body!.token as string;

    // A key with spaces, as the document allows; the same request again is replayed, not redone.
    const idempotent = { token: appKey, json: DESIGN_DOC_EVENT, headers: { 'Idempotency-Key': 'publish order 42' } };
    const first = await drive(strict, 'POST', '/api/v1/apps/work-buddy/events', 200, idempotent);
    const replay = await drive(strict, 'POST', '/api/v1/apps/work-buddy/events', 200, idempotent);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    await drive(strict, 'POST', '/api/v1/apps/work-buddy/events/batch', 200, {
      token: appKey,
      json: { events: [DESIGN_DOC_EVENT, { ...DESIGN_DOC_EVENT, entity_id: 'wb_notif_124' }] },
    });
    await drive(strict, 'GET', '/api/v1/apps/work-buddy/events?event_category=notification&limit=5', 200, {
      token: appKey,
    });

    // Subscribed after the app's own events above, so every delivery is one the server made itself.
    const address = receiver.address() as AddressInfo;
    const webhook = await drive(strict, 'POST', '/api/v1/apps/work-buddy/webhooks', 201, {
      token: appKey,
      json: {
        webhook_url: `http://127.0.0.1:${address.port}/hooks`,
        subscribed_events: ['notification.*', 'webhook.*'],
      },
    });
    const hooks = `/api/v1/apps/work-buddy/webhooks/${webhook.body!.webhook_id as string}`;

    const canonical = {
      external_id: 'wb_notif_200',
      user_id: 'user_456',
      notification_type: 'session_reminder',
      title: 'Session starting in 10 minutes',
    };
    await drive(strict, 'POST', '/api/v1/apps/work-buddy/notifications', 201, { token: appKey, json: canonical });
    await drive(strict, 'POST', '/api/v1/apps/work-buddy/notifications', 200, { token: appKey, json: canonical });
    // The design document's Example 1, exactly as written there.
    const exampleOne = await drive(strict, 'POST', '/api/v1/apps/work-buddy/notifications', 201, {
      token: appKey,
      json: DESIGN_DOC_EXAMPLE_ONE,
    });
    const notificationId = exampleOne.body!.notification_id as string;

    await drive(strict, 'GET', '/api/v1/apps/work-buddy/notifications?user_id=user_456', 200, { token: appKey });
    await drive(strict, 'GET', '/api/v1/users/user_456/notifications?group=true&include_muted=false', 200, {
      token: userToken,
    });
    await drive(strict, 'GET', '/api/v1/users/user_456/notifications/unread-count', 200, { token: userToken });
    const read = await drive(strict, 'GET', `/api/v1/notifications/${notificationId}`, 200, { token: userToken });
    expect((read.body!.notification as { context_data: unknown }).context_data).toEqual({ session_id: 'session_789' });
    await drive(strict, 'PATCH', '/api/v1/notifications/wb_notif_200', 200, {
      token: appKey,
      json: { title: 'Session starting in 5 minutes' },
    });
    await drive(strict, 'PATCH', `/api/v1/notifications/${notificationId}`, 200, {
      token: userToken,
      json: { status: 'read' },
    });
    // The old sync call, as apps wrote it: a string body and no Content-Type, so fetch sends text/plain.
    await drive(strict, 'POST', '/api/v1/apps/work-buddy/notifications/events', 200, {
      token: appKey,
      body: JSON.stringify({ notification_id: 'wb_notif_123', status: 'dismissed' }),
    });
    await drive(strict, 'POST', '/api/v1/users/user_456/notifications/read-all', 200, { token: userToken });
    await drive(strict, 'DELETE', '/api/v1/notifications/wb_notif_200', 204, { token: appKey });

    await drive(strict, 'GET', '/api/v1/users/user_456/preferences', 200, { token: userToken });
    await drive(strict, 'PUT', '/api/v1/users/user_456/preferences', 200, {
      token: userToken,
      json: { muted_apps: [], muted_types: { 'work-buddy': ['digest'] } },
    });

    await drive(strict, 'GET', '/api/v1/apps/work-buddy/webhooks', 200, { token: appKey });
    await drive(strict, 'GET', hooks, 200, { token: appKey });
    await drive(strict, 'PATCH', hooks, 200, { token: appKey, json: { description: 'work buddy sync' } });
    await drive(strict, 'POST', `${hooks}/rotate-secret`, 200, { token: appKey, json: { grace_period_seconds: 60 } });
    const test = await drive(strict, 'POST', `${hooks}/test`, 200, { token: appKey });
    await vi.waitFor(() => expect(delivered.map((event) => event.type)).toContain('webhook.test'), { timeout: 10_000 });
    await drive(strict, 'GET', `${hooks}/deliveries?success=true&limit=10`, 200, { token: appKey });
    await drive(strict, 'POST', `${hooks}/deliveries/${test.body!.delivery_id as string}/retry`, 200, {
      token: appKey,
    });
    await drive(strict, 'POST', `${hooks}/recover`, 200, {
      token: appKey,
      json: { since: '2020-01-01T00:00:00Z', dry_run: true },
    });
    // The test event: a platform event, so its replayed body matches the document's webhook payload.
    const replayed = `/api/v1/apps/work-buddy/events/${test.body!.event_id as string}/replay`;
    await drive(strict, 'POST', replayed, 200, { token: appKey, json: { webhook_id: hooks.split('/').at(-1) } });
    await drive(strict, 'POST', replayed, 404, { token: appKey, json: { webhook_id: 'wh_missing' } });
    await drive(strict, 'PATCH', hooks, 200, { token: appKey, json: { signature_scheme: 'ed25519' } });
    await drive(strict, 'POST', `${hooks}/rotate-signing-key`, 200, {
      token: appKey,
      json: { grace_period_seconds: 60 },
    });
    // Public: no credentials.
    await drive(strict, 'GET', '/api/v1/apps/work-buddy/webhooks/jwks', 200, {});

    const sessionEnded = '/api/v1/apps/work-buddy/event-types/session.ended';
    const declaration = { schema: { type: 'object' }, examples: [{ duration: 1500 }], description: 'A session ended' };
    await drive(strict, 'PUT', sessionEnded, 201, { token: appKey, json: declaration });
    await drive(strict, 'PUT', `${sessionEnded}?breaking=true`, 200, {
      token: appKey,
      json: { ...declaration, schema: { type: 'object', required: ['duration'] } },
    });
    await drive(strict, 'GET', `${sessionEnded}?version=1`, 200, { token: appKey });
    await drive(strict, 'GET', '/api/v1/apps/work-buddy/event-types', 200, { token: appKey });
    await drive(strict, 'GET', '/api/v1/event-types?category=session', 200, { token: appKey });
    await drive(strict, 'DELETE', sessionEnded, 204, { token: appKey });

    const consumer = '/api/v1/apps/work-buddy/consumers/prism-poller';
    const polled = await drive(strict, 'GET', `${consumer}/poll?limit=5&wait=0&events=notification.*`, 200, {
      token: appKey,
    });
    await drive(strict, 'POST', `${consumer}/commit`, 200, {
      token: appKey,
      json: { position: polled.body!.position as number },
    });
    await drive(strict, 'GET', consumer, 200, { token: appKey });
    await drive(strict, 'GET', '/api/v1/apps/work-buddy/consumers', 200, { token: appKey });
    await drive(strict, 'DELETE', consumer, 204, { token: appKey });

    await drive(strict, 'POST', '/api/v1/events/stream/tickets', 200, { token: userToken });
    // Without an Upgrade header the stream answers its declared 400 (a WebSocket cannot pass the proxy).
    await drive(strict, 'GET', '/api/v1/events/stream?user_id=user_456', 400, { token: userToken });
    await drive(strict, 'GET', '/api/v1/apps/work-buddy/stats?interval=day', 200, { token: appKey });
    await drive(strict, 'GET', '/api/v1/admin/stats?interval=minute', 200, { token: admin });
    await drive(strict, 'POST', '/api/v1/apps/work-buddy/events/validate', 200, {
      token: appKey,
      json: DESIGN_DOC_EVENT,
    });
    await drive(strict, 'POST', '/api/v1/apps/work-buddy/events/batch/validate', 200, {
      token: appKey,
      json: { events: [DESIGN_DOC_EVENT] },
    });

    const profileUpdated = {
      event_category: 'user',
      event_type: 'profile_updated',
      entity_type: 'user',
      entity_id: 'user_456',
      user_id: 'user_456',
      event_data: { changed_fields: ['display_name'] },
    };
    await drive(strict, 'PUT', '/api/v1/users/user_789/apps/work-buddy', 200, { token: admin });
    await drive(strict, 'DELETE', '/api/v1/users/user_789/apps/work-buddy', 200, { token: admin });
    await drive(strict, 'POST', '/api/v1/platform/events', 200, { token: admin, json: profileUpdated });
    await drive(strict, 'POST', '/api/v1/platform/events/batch', 200, {
      token: admin,
      json: { events: [profileUpdated] },
    });
    await drive(strict, 'DELETE', '/api/v1/admin/users/user_789', 200, { token: admin });
    await drive(strict, 'POST', '/api/v1/admin/prune', 200, { token: admin, json: { older_than_days: 3650 } });
    await drive(strict, 'GET', '/api/v1/admin/archives', 200, { token: admin });
    await drive(strict, 'POST', '/api/v1/admin/archives/restore', 404, {
      token: admin,
      json: { file: 'events.work-buddy.2015-01.1-2.ndjson.gz' },
    });
    await checkDeliveries();
    await drive(strict, 'DELETE', hooks, 204, { token: appKey });
  }, 60_000);

  it('describes the error answers: 400, 401, 403, 404, 409, 413 and 415', async () => {
    const admin = server.adminToken;
    const events = '/api/v1/apps/work-buddy/events';

    // 400: a body field, a path parameter, a query parameter, an Idempotency-Key the document refuses.
    const badField = await drive(answers, 'POST', events, 400, { token: appKey, json: { event_category: 'x' } });
    expect(errorCode(badField.body)).toBe('validation_failed');
    await drive(answers, 'GET', '/api/v1/apps/Not_A_Slug', 400, { token: admin });
    await drive(answers, 'GET', `${events}?limit=0`, 400, { token: appKey });
    const longKey = await drive(answers, 'POST', events, 400, {
      token: appKey,
      json: DESIGN_DOC_EVENT,
      headers: { 'Idempotency-Key': 'k'.repeat(256) },
    });
    expect(errorCode(longKey.body)).toBe('invalid_idempotency_key');
    await drive(answers, 'GET', '/api/v1/users/user_456/notifications?group=maybe', 400, { token: userToken });
    // The server also takes 1 and 0 for its boolean flags; the document says boolean, so only this proxy passes them.
    await drive(answers, 'GET', '/api/v1/users/user_456/notifications?group=1&include_muted=0', 200, {
      token: userToken,
    });

    // 401 and 403: credentials that are not valid, or not allowed here.
    await drive(strict, 'GET', '/api/v1/apps', 401, { token: 'not-a-credential' });
    await drive(strict, 'POST', events, 401, { token: 'ok_not_a_key', json: DESIGN_DOC_EVENT });
    await drive(strict, 'GET', '/api/v1/apps', 403, { token: userToken });
    await drive(strict, 'GET', '/api/v1/users/someone-else/notifications', 403, { token: userToken });

    // 404s.
    await drive(strict, 'GET', '/api/v1/apps/no-such-app', 404, { token: admin });
    await drive(strict, 'GET', '/api/v1/notifications/ntf_unknown', 404, { token: appKey });
    await drive(strict, 'GET', '/api/v1/apps/work-buddy/webhooks/wh_unknown', 404, { token: appKey });
    await drive(strict, 'POST', '/api/v1/apps/work-buddy/notifications/events', 404, {
      token: appKey,
      json: { notification_id: 'wb_unknown', status: 'read' },
    });

    // 409: an Idempotency-Key reused with another body, and the route's own conflicts.
    const key = { 'Idempotency-Key': 'conflict check' };
    await drive(strict, 'POST', events, 200, { token: appKey, json: DESIGN_DOC_EVENT, headers: key });
    const reused = await drive(strict, 'POST', events, 409, {
      token: appKey,
      json: { ...DESIGN_DOC_EVENT, entity_id: 'another' },
      headers: key,
    });
    expect(errorCode(reused.body)).toBe('idempotency_key_reused');
    await drive(strict, 'POST', '/api/v1/apps', 409, { token: admin, json: { app_id: 'work-buddy', name: 'Again' } });
    await drive(strict, 'POST', '/api/v1/apps/work-buddy/notifications', 409, {
      token: appKey,
      json: { external_id: 'wb_notif_123', user_id: 'user_456', notification_type: 'other', title: 'Other' },
    });

    // 413: a body over 1 MiB that the document itself allows (event_data is free-form).
    const huge = { ...DESIGN_DOC_EVENT, event_data: { blob: 'x'.repeat(1_100_000) } };
    const tooLarge = await drive(strict, 'POST', events, 413, { token: appKey, json: huge });
    expect(errorCode(tooLarge.body)).toBe('payload_too_large');

    // 415: a body that is not JSON, where JSON is the only media type.
    const notJson = await drive(answers, 'POST', events, 415, {
      token: appKey,
      body: 'event_category=notification',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(errorCode(notJson.body)).toBe('unsupported_media_type');
    await drive(answers, 'PUT', '/api/v1/users/user_456/preferences', 415, {
      token: userToken,
      body: '<preferences/>',
      headers: { 'content-type': 'application/xml' },
    });
  }, 60_000);

  it('drove every operation of the document', () => {
    const missing = operations.filter((operation) => !driven.has(operation.id)).map((operation) => operation.id);
    expect(missing).toEqual([]);
  });
});
