/**
 * The MCP server of `oriva mcp`: the tools of `tools.ts` and the resources below, over any transport
 * (the command uses stdio). Every tool call goes through one wrapper, so each answers the same way:
 * JSON text, or a tool error carrying the API's code and message.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Platform } from './platform.js';
import { errorResult, jsonResult } from './tool-result.js';
import type { Tool } from './tools.js';

export const OPENAPI_URI = 'oriva://openapi.json';
export const ASYNCAPI_URI = 'oriva://asyncapi.json';
export const EVENT_TYPES_URI = 'oriva://event-types';

export function createMcpServer(tools: readonly Tool[], platform: Platform, version: string): McpServer {
  const server = new McpServer(
    { name: 'oriva', title: 'Oriva', version },
    {
      instructions:
        "Oriva platform events and notifications, as the configured app. Publish and query the app's events (validated against their event type's JSON Schema), read the event catalogue, validate and trigger events, create and list notifications, inspect webhooks and their deliveries. Errors come back as { error: { code, message, fields } } from the API.",
    },
  );
  for (const tool of tools) registerTool(server, tool, platform);
  server.registerResource(
    'openapi',
    OPENAPI_URI,
    {
      title: 'Oriva OpenAPI document',
      description: 'The API contract of the server this session talks to: every route, schema and error code.',
      mimeType: 'application/json',
    },
    async (uri) => jsonResource(uri, await fetchDocument(platform.baseUrl, 'openapi.json')),
  );
  server.registerResource(
    'asyncapi',
    ASYNCAPI_URI,
    {
      title: 'Oriva AsyncAPI document',
      description:
        'The real-time stream of the server this session talks to (AsyncAPI 3.0): where to connect, how to authenticate, the control frames, and one message per catalogued event type.',
      mimeType: 'application/json',
    },
    async (uri) => jsonResource(uri, await fetchDocument(platform.baseUrl, 'asyncapi.json')),
  );
  server.registerResource(
    'event-types',
    EVENT_TYPES_URI,
    {
      title: 'Oriva event catalogue',
      description:
        "Every event type the platform knows, by name: the platform's own (app_id null) and every app's declared ones, each with its JSON Schema for event_data, examples and version.",
      mimeType: 'application/json',
    },
    async (uri) => {
      const oriva = await platform.app('app-or-admin');
      const eventTypes = [];
      for await (const eventType of oriva.eventTypes.catalogue({ limit: 500 })) eventTypes.push(eventType);
      return jsonResource(uri, JSON.stringify({ event_types: eventTypes }, null, 2));
    },
  );
  return server;
}

function registerTool(server: McpServer, tool: Tool, platform: Platform): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.input,
      annotations: { readOnlyHint: tool.readOnly, destructiveHint: false, openWorldHint: false },
    },
    async (args: unknown) => {
      try {
        return jsonResult(await tool.call(args as never, platform));
      } catch (error) {
        return errorResult(error);
      }
    },
  );
}

function jsonResource(uri: URL, text: string) {
  return { contents: [{ uri: uri.href, mimeType: 'application/json', text }] };
}

/** The server publishes its documents beside the API: `<origin and any proxy prefix>/<name>`. */
export function documentUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  const prefix = url.pathname.replace(/\/+$/, '').replace(/\/api\/v\d+$/, '');
  return `${url.origin}${prefix}/${name}`;
}

export const openApiUrl = (baseUrl: string): string => documentUrl(baseUrl, 'openapi.json');

async function fetchDocument(baseUrl: string, name: string): Promise<string> {
  const url = documentUrl(baseUrl, name);
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.text();
}
