import { defineCommand, type Parent } from '../define.js';

export const declaration = (eventTypes: Parent) =>
  eventTypes
    .command('push')
    .description("declare the app's event types from JSON or YAML files: unchanged ones are left alone")
    .argument('<path>', 'a declaration file (.json, .yaml, .yml) or a directory of them, read recursively')
    .option('--breaking', 'accept schemas that reject examples of the previous version (shown first)')
    .addHelpText(
      'after',
      `
A file declares one type, or several under event_types:
  name: session.ended
  description: A focus session ended.
  schema:
    type: object
    required: [duration]
    properties: { duration: { type: integer, minimum: 0 } }
  examples:
    - { duration: 1500 }

Examples:
  $ oriva event-types push event-types/
  $ oriva event-types push event-types/session.ended.yaml --breaking

A type whose declaration matches the server's is reported unchanged (no new version). A schema that
rejects examples of the previous version is shown (each broken example, then the schema's diff) and
needs --breaking, or a "y" when asked at a terminal. See docs/event-types.md.
`,
    );

export const eventTypesPush = defineCommand(declaration, () => import('./push.run.js'));
