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

export function createMcpServer(tools: readonly Tool[], platform: Platform, version: string): McpServer {
  const server = new McpServer(
    { name: 'oriva', title: 'Oriva', version },
    {
      instructions:
        "Oriva platform events and notifications, as the configured app. Publish and query the app's events, create and list notifications, inspect webhooks and their deliveries. Errors come back as { error: { code, message, fields } } from the API.",
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
    async (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'application/json', text: await fetchOpenApi(platform.baseUrl) }],
    }),
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

/** The server publishes its document beside the API: `<origin and any proxy prefix>/openapi.json`. */
export function openApiUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  const prefix = url.pathname.replace(/\/+$/, '').replace(/\/api\/v\d+$/, '');
  return `${url.origin}${prefix}/openapi.json`;
}

async function fetchOpenApi(baseUrl: string): Promise<string> {
  const url = openApiUrl(baseUrl);
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.text();
}
