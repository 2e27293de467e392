import { defineCommand, type Parent } from '../define.js';

export const declaration = (program: Parent) =>
  program
    .command('mcp')
    .description('serve the platform to AI agents: a Model Context Protocol server over stdio')
    .addHelpText(
      'after',
      `
An MCP client (Claude Desktop, Claude Code, Cursor, an agent built on the MCP SDK) starts this command
and talks JSON-RPC over its stdin and stdout; notes go to stderr. The agent acts with your credentials,
resolved as for every command: flags, then ORIVA_* variables, then the profile.

Tools: publish_event, list_events, create_notification, list_notifications, list_webhooks,
list_deliveries, retry_delivery, list_event_types, get_event_type, validate_event, trigger_event.
Resources: the server's OpenAPI document (oriva://openapi.json), its AsyncAPI document
(oriva://asyncapi.json) and the event catalogue (oriva://event-types).

A client config entry (see docs/mcp.md):
  { "mcpServers": { "oriva": { "command": "oriva", "args": ["mcp", "--profile", "work-buddy"] } } }
`,
    );

export const mcp = defineCommand(declaration, () => import('./mcp.run.js'));
