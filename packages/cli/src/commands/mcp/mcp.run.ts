/**
 * `oriva mcp`: serves the MCP server over this process's stdin and stdout until the client closes
 * stdin or a signal stops it. stdout carries only protocol messages; notes go to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { stopRequested } from '../../stop-signal.js';
import { packageVersion } from '../../version.js';
import type { Handler } from '../define.js';
import type { declaration } from './mcp.js';
import { createPlatform } from './platform.js';
import { createMcpServer } from './server.js';
import { buildTools } from './tools.js';

export const run: Handler<typeof declaration> = async (ctx) => {
  const platform = createPlatform(ctx);
  const settings = ctx.settings();
  const tools = buildTools(await import('@oriva/contract'));
  const server = createMcpServer(tools, platform, packageVersion());
  const transport = new StdioServerTransport(process.stdin, process.stdout);

  const stop = stopRequested(ctx);
  const closed = new Promise<string>((resolve) => {
    // The client ends the session by closing our stdin.
    process.stdin.once('end', () => resolve('end of input'));
    process.stdin.once('close', () => resolve('end of input'));
    transport.onclose = () => resolve('transport closed');
  });
  transport.onerror = (error) => ctx.note(`oriva mcp: ${error.message}`);

  await server.connect(transport);
  ctx.note(`oriva mcp: serving ${settings.baseUrl}${settings.appId ? ` for app ${settings.appId}` : ''} over stdio`);
  try {
    await Promise.race([closed, stop.wait]);
  } finally {
    stop.dispose();
    await server.close();
  }
  return 0;
};
