import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { webhookRecord } from '../../sdk/src/records.test-support.js';
import { deliveryRow, graceSeconds, mapWebhookField, parseEvents, webhookRow } from './commands/webhooks/shared.js';
import { UsageError } from './errors.js';
import { createStyle } from './output.js';
import { run } from './run-cli.test-support.js';

const NOW = new Date('2025-09-30T12:00:00.000Z');
const plain = createStyle(false);
const WH = 'wh_01J8ZQ3J5V8C9X2M4N6P7R8S9T';
const BASE = 'http://oriva.test/api/v1/apps/work-buddy/webhooks';
const FLAGS = ['--base-url', 'http://oriva.test', '--api-key', 'ok_test', '--app-id', 'work-buddy'];

function webhook(overrides: Record<string, unknown> = {}) {
  return {
    ...webhookRecord({
      id: WH,
      webhook_url: 'https://workbuddy.example/hook',
      subscribed_events: ['notification.*', 'task.created'],
      total_deliveries: 3,
      total_failures: 1,
      created_at: '2025-09-30T11:00:00.000Z',
      updated_at: '2025-09-30T11:00:00.000Z',
    }),
    ...overrides,
  };
}

function delivery(overrides: Record<string, unknown> = {}) {
  return {
    id: 'del_1',
    webhook_id: WH,
    event_id: 'evt_1',
    event_type: 'notification.dismissed',
    status: 'failed',
    replay: false,
    attempts: 2,
    next_attempt_at: null,
    created_at: '2025-09-30T11:55:00.000Z',
    updated_at: '2025-09-30T11:55:00.000Z',
    attempt_log: [
      {
        attempt: 1,
        delivered_at: '2025-09-30T11:55:00.000Z',
        success: false,
        status_code: null,
        response_time_ms: null,
        response_body: null,
        response_headers: null,
        error_message: 'connect ECONNREFUSED',
      },
      {
        attempt: 2,
        delivered_at: '2025-09-30T11:55:01.000Z',
        success: false,
        status_code: 503,
        response_time_ms: 12,
        response_body: 'down',
        response_headers: null,
        error_message: null,
      },
    ],
    ...overrides,
  };
}

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** Stubs fetch with answers in order, recording each call. */
function stubFetch(...answers: [number, unknown][]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({
      method: init.method ?? 'GET',
      url,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const [status, body] = answers[calls.length - 1] ?? [500, { error: 'unexpected call' }];
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req_test' },
    });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('webhook helpers', () => {
  it('parses --events and refuses empty patterns', () => {
    expect(parseEvents('notification.*, task.created')).toEqual(['notification.*', 'task.created']);
    expect(() => parseEvents('a,,b')).toThrow(UsageError);
    expect(() => parseEvents('')).toThrow(UsageError);
  });

  it('parses --grace as a duration in seconds', () => {
    expect(graceSeconds('24h')).toBe(86_400);
    expect(graceSeconds('90')).toBe(90);
    expect(graceSeconds('0')).toBe(0);
    expect(() => graceSeconds('soon')).toThrow(UsageError);
  });

  it('names the flag of an API field', () => {
    expect(mapWebhookField('subscribed_events.0')).toBe('subscribed_events.0 (--events)');
    expect(mapWebhookField('webhook_url')).toBe('webhook_url (--url)');
    expect(mapWebhookField('other')).toBe('other');
  });

  it('makes table rows, escaping hostile text', () => {
    expect(webhookRow(webhook() as never, plain)).toEqual([
      WH,
      'https://workbuddy.example/hook',
      'notification.*,task.created',
      'yes',
      '3',
      '1',
      '0',
    ]);
    expect(webhookRow(webhook({ is_active: false, disabled_reason: 'too many\u001b[31m' }) as never, plain)[3]).toBe(
      'no (too many\\x1b[31m)',
    );
    expect(deliveryRow(delivery() as never, plain, NOW)).toEqual([
      'del_1',
      'notification.dismissed',
      'failed',
      '2',
      '503',
      '5m',
    ]);
    expect(deliveryRow(delivery({ attempt_log: [] }) as never, plain, NOW)[4]).toBe('');
  });
});

describe('oriva webhooks', () => {
  it('create sends the subscription and prints the secret once with a note', async () => {
    const calls = stubFetch([
      201,
      {
        success: true,
        webhook_id: WH,
        webhook_secret: 'whsec_abc',
        created_at: '2025-09-30T11:00:00Z',
        webhook: webhook(),
      },
    ]);
    const result = await run([
      'webhooks',
      'create',
      '--url',
      'https://workbuddy.example/hook',
      '--events',
      'notification.*,task.created',
      '--max-retries',
      '3',
      '--backoff-seconds',
      '2',
      '--description',
      'prod',
      ...FLAGS,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(calls).toEqual([
      {
        method: 'POST',
        url: BASE,
        body: {
          webhook_url: 'https://workbuddy.example/hook',
          subscribed_events: ['notification.*', 'task.created'],
          description: 'prod',
          max_retries: 3,
          retry_backoff_seconds: 2,
        },
      },
    ]);
    expect(result.stdout).toContain('whsec_abc');
    expect(result.stdout).toMatch(/save it now/);
  });

  it('create --json prints the API answer', async () => {
    const body = { success: true, webhook_id: WH, webhook_secret: 'whsec_abc', created_at: 'x', webhook: webhook() };
    stubFetch([201, body]);
    const result = await run(['webhooks', 'create', '--url', 'https://x.example', '--events', '*', ...FLAGS, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(body);
  });

  it('create names the flag of a rejected field and exits 1', async () => {
    stubFetch([
      400,
      {
        success: false,
        error: {
          code: 'validation_error',
          message: 'Invalid request',
          status: 400,
          request_id: 'req_1',
          fields: [{ path: 'subscribed_events.0', code: 'invalid_string', message: 'not a pattern' }],
        },
      },
    ]);
    const result = await run(['webhooks', 'create', '--url', 'https://x.example', '--events', 'bad pattern', ...FLAGS]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('subscribed_events.0 (--events)');
  });

  it('create without --url is a usage error', async () => {
    const result = await run(['webhooks', 'create', '--events', '*', ...FLAGS]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--url/);
  });

  it('list prints the table', async () => {
    stubFetch([200, { success: true, webhooks: [webhook()] }]);
    const result = await run(['webhooks', 'list', ...FLAGS], { env: { NO_COLOR: '1' } });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+URL\s+EVENTS\s+ACTIVE\s+ATTEMPTS\s+FAILED\s+IN A ROW$/);
    expect(lines[1]).toMatch(
      new RegExp(`^${WH}\\s+https://workbuddy.example/hook\\s+notification.\\*,task.created\\s+yes\\s+3\\s+1\\s+0$`),
    );
    expect(lines[2]).toBe('1 webhook');
  });

  it('update sends only the flags given; --enable/--disable together is a usage error', async () => {
    const calls = stubFetch([200, { success: true, webhook: webhook({ is_active: false }) }]);
    const result = await run(['webhooks', 'update', WH, '--disable', '--events', 'task.*', ...FLAGS, '--json']);
    expect(result.code).toBe(0);
    expect(calls[0]).toEqual({
      method: 'PATCH',
      url: `${BASE}/${WH}`,
      body: { subscribed_events: ['task.*'], is_active: false },
    });
    expect((await run(['webhooks', 'update', WH, '--enable', '--disable', ...FLAGS])).code).toBe(2);
    expect((await run(['webhooks', 'update', WH, ...FLAGS])).code).toBe(2);
  });

  it('show, delete, rotate-secret, retry and recover call their routes', async () => {
    const calls = stubFetch(
      [200, { success: true, webhook: webhook() }],
      [204, null],
      [200, { success: true, webhook_secret: 'whsec_new', previous_secret_expires_at: '2025-09-30T13:00:00Z' }],
      [200, { success: true, delivery: delivery({ status: 'succeeded' }) }],
      [200, { success: true, count: 2, dry_run: true }],
    );
    expect((await run(['webhooks', 'show', WH, ...FLAGS])).code).toBe(0);
    expect((await run(['webhooks', 'delete', WH, ...FLAGS])).code).toBe(0);
    const rotated = await run(['webhooks', 'rotate-secret', WH, '--grace', '1h', ...FLAGS]);
    expect(rotated.stdout).toContain('whsec_new');
    expect(rotated.stdout).toMatch(/save it now/);
    expect((await run(['webhooks', 'retry', WH, 'del_1', '--no-wait', ...FLAGS])).code).toBe(0);
    const recovered = await run([
      'webhooks',
      'recover',
      WH,
      '--since',
      '2025-09-30T10:00:00Z',
      '--until',
      '2025-09-30',
      '--dry-run',
      ...FLAGS,
    ]);
    expect(recovered.stdout).toMatch(/2 failed deliveries.*dry run/);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `GET ${BASE}/${WH}`,
      `DELETE ${BASE}/${WH}`,
      `POST ${BASE}/${WH}/rotate-secret`,
      `POST ${BASE}/${WH}/deliveries/del_1/retry`,
      `POST ${BASE}/${WH}/recover`,
    ]);
    expect(calls[2]?.body).toEqual({ grace_period_seconds: 3600 });
    expect(calls[4]?.body).toEqual({
      since: '2025-09-30T10:00:00.000Z',
      until: '2025-09-30T00:00:00.000Z',
      dry_run: true,
    });
  });

  it('deliveries filters, prints the table, and --all follows the cursor', async () => {
    const calls = stubFetch(
      [
        200,
        { success: true, deliveries: [delivery()], pagination: { limit: 1, has_more: true, next_cursor: 'del_1' } },
      ],
      [
        200,
        {
          success: true,
          deliveries: [delivery({ id: 'del_0' })],
          pagination: { limit: 1, has_more: false, next_cursor: null },
        },
      ],
    );
    const result = await run(
      ['webhooks', 'deliveries', WH, '--failed', '--type', 'notification.dismissed', '--limit', '1', '--all', ...FLAGS],
      { env: { NO_COLOR: '1' } },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/${WH}/deliveries?success=false&event_type=notification.dismissed&limit=1`,
      `${BASE}/${WH}/deliveries?success=false&event_type=notification.dismissed&limit=1&after=del_1`,
    ]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+TYPE\s+STATUS\s+ATTEMPTS\s+LAST ATTEMPT\s+AGE$/);
    expect(lines[1]).toMatch(/^del_1\s+notification.dismissed\s+failed\s+2\s+503\s+\S+$/);
    expect(lines.at(-1)).toBe('2 deliveries');
  });

  it('deliveries: --failed with --succeeded and a bad --since are usage errors', async () => {
    expect((await run(['webhooks', 'deliveries', WH, '--failed', '--succeeded', ...FLAGS])).code).toBe(2);
    const bad = await run(['webhooks', 'deliveries', WH, '--since', 'yesterday', ...FLAGS]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--since/);
  });

  it('needs an app id', async () => {
    const result = await run(['webhooks', 'list', '--base-url', 'http://oriva.test', '--api-key', 'ok_test']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no app id configured/);
  });
});

describe('oriva webhooks test, against a running server', () => {
  let server: TestServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    const key = await server.createApp('cli-test');
    env = { ORIVA_API_BASE: server.url, ORIVA_API_KEY: key, ORIVA_APP_ID: 'cli-test', NO_COLOR: '1' };
  });
  afterAll(() => server.close());

  /** A receiver on loopback that answers each request with the next status (then 200). */
  async function receiver(statuses: number[] = []) {
    const received: IncomingHttpHeaders[] = [];
    const http = createServer((req, res) => {
      req.resume().on('end', () => {
        received.push(req.headers);
        res.writeHead(statuses.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/hook`,
      received,
      close: () => new Promise<void>((resolve) => http.close(() => resolve())),
    };
  }

  async function createWebhook(url: string, extra: object = {}) {
    const response = await server.request('/api/v1/apps/cli-test/webhooks', {
      method: 'POST',
      token: env.ORIVA_API_KEY,
      json: { webhook_url: url, subscribed_events: ['*'], ...extra },
    });
    return ((await response.json()) as { webhook_id: string }).webhook_id;
  }

  it("prints the receiver's answer once it came, not just that a delivery was queued", async () => {
    const target = await receiver();
    try {
      const id = await createWebhook(target.url);
      const result = await run(['webhooks', 'test', id], { env });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        new RegExp(`^✔ Delivered webhook.test to ${id}: HTTP 200 in \\d+ ms \\(delivery del_\\w+\\)\n$`),
      );
      expect(target.received).toHaveLength(1);
    } finally {
      await target.close();
    }
  });

  it('tests a disabled webhook, says so, fails on a failed attempt, and leaves it disabled', async () => {
    const target = await receiver([500]);
    try {
      const id = await createWebhook(target.url, { is_active: false });
      const failed = await run(['webhooks', 'test', id], { env });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(`${id} is disabled: the test is sent anyway and it stays disabled`);
      expect(failed.stderr).toMatch(/error: webhook.test to \S+ failed: HTTP 500 in \d+ ms \(delivery del_\w+\)\n/);
      expect(failed.stdout).toBe('');

      const passed = await run(['webhooks', 'test', id, '--json'], { env });
      expect(passed.code).toBe(0);
      const body = JSON.parse(passed.stdout) as Record<string, unknown>;
      expect(body).toMatchObject({ webhook_is_active: false, delivered: true, delivery: { status: 'succeeded' } });
      expect(target.received).toHaveLength(2);
      const show = await run(['webhooks', 'show', id, '--json'], { env });
      expect(JSON.parse(show.stdout).webhook).toMatchObject({ is_active: false, consecutive_failures: 0 });
    } finally {
      await target.close();
    }
  });
});
