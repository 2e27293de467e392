/**
 * `oriva mcp` end to end: the built `oriva` binary started as an MCP client starts it (a child process
 * speaking JSON-RPC over stdio, credentials in ORIVA_* variables), driven by the MCP SDK's own client
 * against the real server. Build first (`pnpm build`, as `pnpm test` does): this runs the shipped bundle.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { Oriva } from '@oriva/sdk';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../cli/dist/bin.js', import.meta.url));

/** The environment without any ORIVA_* setting of the machine running the tests. */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('ORIVA_') && value !== undefined) env[name] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/** The tool's JSON answer; fails the test with the answer's text when the call was an error. */
function json(result: CallToolResult): Record<string, unknown> {
  const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
  if (result.isError) throw new Error(`tool error: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

function errorOf(result: CallToolResult): { code: string; message: string; fields?: { path: string }[] } {
  expect(result.isError).toBe(true);
  const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
  return (JSON.parse(text) as { error: { code: string; message: string } }).error;
}

/** Polls until `check` returns a value, or fails after `ms`. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('oriva mcp', () => {
  let server: TestServer;
  let apiKey: string;
  let client: Client;
  let transport: StdioClientTransport;
  let stderr = '';

  beforeAll(async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: build the CLI first (pnpm --filter @oriva/cli build)`);
    server = await startTestServer();
    apiKey = await server.createApp('work-buddy');
    transport = new StdioClientTransport({
      command: process.execPath,
      args: [bin, 'mcp'],
      env: cleanEnv({
        ORIVA_API_BASE: server.url,
        ORIVA_API_KEY: apiKey,
        ORIVA_APP_ID: 'work-buddy',
        ORIVA_JWT_SECRET: server.jwtSecret,
        // No profile of the developer's may change what the test sees.
        XDG_CONFIG_HOME: server.dataDir,
      }),
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    client = new Client({ name: 'oriva-tests', version: '0.0.0' });
    await client.connect(transport);
  });

  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('lists its tools, each with an object input schema from the contract', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'publish_event',
      'list_events',
      'create_notification',
      'list_notifications',
      'list_webhooks',
      'list_deliveries',
      'retry_delivery',
      'list_event_types',
      'get_event_type',
      'validate_event',
      'trigger_event',
    ]);
    const publish = tools.find((tool) => tool.name === 'publish_event');
    expect(publish?.inputSchema.type).toBe('object');
    expect(publish?.inputSchema.required).toEqual(
      expect.arrayContaining(['event_category', 'event_type', 'entity_type', 'entity_id', 'user_id']),
    );
    expect(publish?.annotations?.readOnlyHint).toBe(false);
    expect(tools.find((tool) => tool.name === 'list_events')?.annotations?.readOnlyHint).toBe(true);
    expect(publish?.description).toMatch(/validated against its JSON Schema/);
    // The contract's own rules reach the agent: the qualified-name pattern, the catalogue's limit.
    const trigger = tools.find((tool) => tool.name === 'trigger_event');
    const triggerProps = trigger?.inputSchema.properties as Record<string, { pattern?: string }>;
    expect(triggerProps.event_type?.pattern).toBe('^[a-z][a-z0-9_-]{0,63}\\.[a-z][a-z0-9_-]{0,63}$');
    expect(trigger?.inputSchema.required).toEqual(['event_type']);
    expect(trigger?.annotations?.readOnlyHint).toBe(false);
    const catalogue = tools.find((tool) => tool.name === 'list_event_types');
    expect(Object.keys(catalogue?.inputSchema.properties ?? {})).toEqual(['app_id', 'category', 'limit', 'after']);
    expect(catalogue?.annotations?.readOnlyHint).toBe(true);
    expect(stderr).toContain('oriva mcp: serving');
  });

  it('publishes an event, then finds it with list_events', async () => {
    const published = json(
      (await client.callTool({ name: 'publish_event', arguments: DESIGN_DOC_EVENT })) as CallToolResult,
    );
    expect(published.event_id).toMatch(/^evt_/);

    const listed = json(
      (await client.callTool({
        name: 'list_events',
        arguments: { event_category: 'notification', user_id: DESIGN_DOC_EVENT.user_id },
      })) as CallToolResult,
    );
    const events = listed.events as { id: string; type: string; event_data: unknown }[];
    expect(events.map((event) => event.id)).toContain(published.event_id);
    expect(events.find((event) => event.id === published.event_id)).toMatchObject({
      type: 'notification.dismissed',
      event_data: DESIGN_DOC_EVENT.event_data,
    });
    expect(listed.pagination).toMatchObject({ has_more: false });
  });

  it('refuses bad input as a tool error, and the session goes on', async () => {
    const bad = (await client.callTool({
      name: 'publish_event',
      arguments: { ...DESIGN_DOC_EVENT, event_category: 'Not A Category' },
    })) as CallToolResult;
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.content)).toContain('event_category');

    const still = json((await client.callTool({ name: 'list_webhooks', arguments: {} })) as CallToolResult);
    expect(still.webhooks).toEqual([]);
  });

  it("answers the API's error code and message when the server refuses a call", async () => {
    const missing = errorOf(
      (await client.callTool({ name: 'list_deliveries', arguments: { webhook_id: 'wh_missing' } })) as CallToolResult,
    );
    expect(missing.code).toBe('webhook_not_found');
    expect(missing.message).toMatch(/webhook/i);
  });

  it("creates a notification, then lists it as the app and in the user's feed", async () => {
    const created = json(
      (await client.callTool({
        name: 'create_notification',
        arguments: { external_id: 'mcp_1', user_id: 'user_mcp', notification_type: 'reminder', title: 'From an agent' },
      })) as CallToolResult,
    );
    expect(created.notification_id).toMatch(/^ntf_/);

    const asApp = json(
      (await client.callTool({ name: 'list_notifications', arguments: { user_id: 'user_mcp' } })) as CallToolResult,
    );
    expect((asApp.notifications as { id: string }[]).map((n) => n.id)).toEqual([created.notification_id]);

    const feed = json(
      (await client.callTool({ name: 'list_notifications', arguments: { as_user: 'user_mcp' } })) as CallToolResult,
    );
    expect((feed.notifications as { title: string }[]).map((n) => n.title)).toEqual(['From an agent']);
    expect(feed.unread_count).toBe(1);
  });

  it('serves the OpenAPI document as a resource', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual([
      'oriva://openapi.json',
      'oriva://asyncapi.json',
      'oriva://event-types',
    ]);
    const read = await client.readResource({ uri: 'oriva://openapi.json' });
    const content = read.contents[0] as { text: string; mimeType?: string };
    expect(content.mimeType).toBe('application/json');
    const document = JSON.parse(content.text) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain('/api/v1/apps/{app_id}/events');
  });

  it('serves the AsyncAPI document and the event catalogue as resources', async () => {
    const asyncapi = await client.readResource({ uri: 'oriva://asyncapi.json' });
    const stream = JSON.parse((asyncapi.contents[0] as { text: string }).text) as {
      asyncapi: string;
      channels: { stream: { messages: Record<string, { name?: string }> } };
    };
    expect(stream.asyncapi).toBe('3.0.0');
    expect(Object.values(stream.channels.stream.messages).map((message) => message.name)).toContain(
      'notification.dismissed',
    );

    const read = await client.readResource({ uri: 'oriva://event-types' });
    const { event_types } = JSON.parse((read.contents[0] as { text: string }).text) as {
      event_types: { name: string; app_id: string | null }[];
    };
    expect(event_types).toContainEqual(expect.objectContaining({ name: 'notification.dismissed', app_id: null }));
  });

  it('reads the catalogue, validates against a declared schema and triggers a type, publishing what validated', async () => {
    const app = new Oriva({ apiKey, appId: 'work-buddy', baseUrl: server.url });
    await app.eventTypes.put('focus.ended', {
      schema: {
        type: 'object',
        required: ['duration', 'ended_at'],
        properties: { duration: { type: 'integer', minimum: 60 }, ended_at: { type: 'string', format: 'date-time' } },
      },
    });

    const listed = json(
      (await client.callTool({ name: 'list_event_types', arguments: { category: 'focus' } })) as CallToolResult,
    );
    expect((listed.event_types as { name: string }[]).map((type) => type.name)).toEqual(['focus.ended']);
    expect(listed.pagination).toMatchObject({ has_more: false });

    const got = json(
      (await client.callTool({ name: 'get_event_type', arguments: { event_type: 'focus.ended' } })) as CallToolResult,
    );
    expect(got).toMatchObject({ name: 'focus.ended', app_id: 'work-buddy', version: 1, examples: [] });
    const platformType = json(
      (await client.callTool({
        name: 'get_event_type',
        arguments: { event_type: 'notification.dismissed' },
      })) as CallToolResult,
    );
    expect(platformType).toMatchObject({ name: 'notification.dismissed', app_id: null });

    const event = {
      event_category: 'focus',
      event_type: 'ended',
      entity_type: 'session',
      entity_id: 's_9',
      user_id: 'user_mcp',
    };
    const invalid = errorOf(
      (await client.callTool({
        name: 'validate_event',
        arguments: { ...event, event_data: { duration: 5, ended_at: 'soon' } },
      })) as CallToolResult,
    );
    expect(invalid.code).toBe('event_data_invalid');
    expect(invalid.fields?.map((field) => field.path).sort()).toEqual(['event_data/duration', 'event_data/ended_at']);
    const valid = json(
      (await client.callTool({
        name: 'validate_event',
        arguments: { ...event, event_data: { duration: 60, ended_at: '2026-01-01T00:00:00Z' } },
      })) as CallToolResult,
    );
    expect(valid).toEqual({ valid: true, check: { event_type: 'focus.ended', declared: true, schema_version: 1 } });

    // No example declared: the value is generated from the schema, then the override goes on top.
    const triggered = json(
      (await client.callTool({
        name: 'trigger_event',
        arguments: { event_type: 'focus.ended', user_id: 'user_mcp', set: { duration: 90 } },
      })) as CallToolResult,
    );
    expect(triggered).toMatchObject({ event_type: 'focus.ended', source: 'generated', gaps: [] });
    const [published] = (triggered.events as { event_id: string }[]).map((item) => item.event_id);
    const stored = await app.events.list({ event_category: 'focus' });
    expect(stored.data.map((item) => item.id)).toEqual([published]);
    expect(stored.data[0]?.event_data).toMatchObject({ duration: 90, ended_at: expect.any(String) });

    const refused = errorOf(
      (await client.callTool({
        name: 'trigger_event',
        arguments: { event_type: 'focus.ended', set: { duration: 'long' } },
      })) as CallToolResult,
    );
    expect(refused.code).toBe('event_data_invalid');
    expect(refused.fields?.map((field) => field.path)).toEqual(['event_data/duration']);
  });

  it('triggers a platform fixture: a notification created, then dismissed', async () => {
    const triggered = json(
      (await client.callTool({
        name: 'trigger_event',
        arguments: { event_type: 'notification.dismissed', user_id: 'user_fixture' },
      })) as CallToolResult,
    );
    expect(triggered).toMatchObject({ source: 'fixture', notification_id: expect.stringMatching(/^ntf_/) });
    expect(triggered.events).toEqual([
      { type: 'notification.created', event_id: expect.stringMatching(/^evt_/) },
      { type: 'notification.dismissed', event_id: expect.stringMatching(/^evt_/) },
    ]);
    const missing = errorOf(
      (await client.callTool({ name: 'trigger_event', arguments: { event_type: 'focus.paused' } })) as CallToolResult,
    );
    expect(missing).toMatchObject({ code: 'cli_error', message: 'focus.paused is not in the catalogue' });
  });

  it("lists the app's webhooks and a webhook's deliveries, and retries one", async () => {
    const received: string[] = [];
    const receiver: Server = createServer((req, res) => {
      received.push(String(req.headers['webhook-id']));
      req.resume().on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = receiver.address() as AddressInfo;
      const app = new Oriva({ apiKey, appId: 'work-buddy', baseUrl: server.url });
      const { webhook_id } = await app.webhooks.create({
        webhook_url: `http://127.0.0.1:${port}/hooks/oriva`,
        subscribed_events: ['task.*'],
      });

      const webhooks = json((await client.callTool({ name: 'list_webhooks', arguments: {} })) as CallToolResult);
      expect((webhooks.webhooks as { id: string }[]).map((webhook) => webhook.id)).toEqual([webhook_id]);

      json(
        (await client.callTool({
          name: 'publish_event',
          arguments: { ...DESIGN_DOC_EVENT, event_category: 'task', event_type: 'done', entity_type: 'task' },
        })) as CallToolResult,
      );
      type Delivery = { id: string; status: string; attempts: number };
      const delivered = await waitFor('the delivery', async () => {
        const listed = json(
          (await client.callTool({
            name: 'list_deliveries',
            arguments: { webhook_id, success: true },
          })) as CallToolResult,
        );
        return (listed.deliveries as Delivery[])[0];
      });
      expect(delivered).toMatchObject({ status: 'succeeded', attempts: 1 });

      const retried = json(
        (await client.callTool({
          name: 'retry_delivery',
          arguments: { webhook_id, delivery_id: delivered.id },
        })) as CallToolResult,
      );
      // Queued, not yet attempted: the outcome shows in list_deliveries.
      expect(retried.delivery).toMatchObject({ id: delivered.id, status: 'pending', attempts: 1 });
      const again = await waitFor('the second attempt', async () => {
        const listed = json(
          (await client.callTool({ name: 'list_deliveries', arguments: { webhook_id } })) as CallToolResult,
        );
        return (listed.deliveries as Delivery[]).find((delivery) => delivery.attempts === 2);
      });
      expect(again).toMatchObject({ id: delivered.id, status: 'succeeded' });
      // The receiver saw the same delivery twice, under one webhook-id.
      expect(received).toHaveLength(2);
      expect(new Set(received).size).toBe(1);
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
