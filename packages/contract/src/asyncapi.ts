/**
 * The AsyncAPI 3.0 document of the real-time stream: where to connect, how to authenticate, what a
 * client may send, and every frame the server sends, with one message per catalogued event type.
 * Every schema in it comes from the contract's zod schemas, so the document cannot drift from the code.
 */
import { z } from '@hono/zod-openapi';
import { API_VERSION } from './openapi.js';
import { openStream } from './routes/stream.js';
import { Event } from './schemas/events.js';
import {
  STREAM_CLOSE_CODE_MEANINGS,
  StreamAccessQuery,
  StreamClientMessage,
  StreamErrorFrame,
  StreamFilterQuery,
  StreamPongFrame,
  StreamReadyFrame,
  StreamSubscribedFrame,
} from './schemas/stream.js';
import { SERVER_EVENT_DATA } from './schemas/webhook-events.js';

/** A JSON Schema object, as placed in the document. */
export type JsonSchema = Record<string, unknown>;

/** One entry of the event catalogue: a type the stream may carry and the shape of its `event_data`. */
export interface CatalogEventType {
  /** Qualified name, `<event_category>.<event_type>`: `notification.dismissed`. */
  name: string;
  description: string;
  /** JSON Schema of `event_data`. */
  schema: JsonSchema;
}

export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  [key: string]: unknown;
}

/** The subprotocol the server selects; a second one, `auth.<token>`, carries the credential. */
export const STREAM_SUBPROTOCOL = 'oriva.v1';

/** Which JSON Schema dialect to write: AsyncAPI's default format is a superset of draft 7; the catalogue speaks 2020-12. */
export type JsonSchemaTarget = 'draft-7' | 'draft-2020-12';

/**
 * A zod schema as JSON Schema, without its `$schema` line. Definitions stay inline (zod's default)
 * because a `$ref` to `#/definitions/…` would resolve against the AsyncAPI document.
 */
export function toJsonSchema(
  schema: z.ZodType,
  io: 'input' | 'output' = 'output',
  target: JsonSchemaTarget = 'draft-7',
): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target, io, unrepresentable: 'any' });
  return rest as JsonSchema;
}

/**
 * The event types the server records itself, with their `event_data` schemas from `SERVER_EVENT_DATA`
 * (the zod schemas the server builds these events with), sorted by name: the one list the catalogue
 * and the AsyncAPI document both show.
 */
export function platformEventTypes(target: JsonSchemaTarget = 'draft-7'): CatalogEventType[] {
  return Object.entries(SERVER_EVENT_DATA)
    .map(([name, data]) => ({
      name,
      description: `The platform's own \`${name}\` event.`,
      schema: toJsonSchema(data, 'output', target),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `notification.read_all` → `notificationReadAll`: message ids must be component-key safe. */
const messageId = (name: string) =>
  name
    .split(/[._-]/)
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');

/** `http://127.0.0.1:8787/` → `{ host: '127.0.0.1:8787', protocol: 'ws' }`. */
function serverOf(serverUrl: string) {
  const url = new URL(serverUrl);
  return { host: url.host, protocol: url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss' : 'ws' };
}

/**
 * Builds the stream's AsyncAPI document for the given event catalogue.
 *
 * @example
 * ```ts
 * const document = buildAsyncApiDocument({ eventTypes: platformEventTypes(), serverUrl: 'https://api.oriva.io' });
 * ```
 */
export function buildAsyncApiDocument(options: {
  eventTypes: readonly CatalogEventType[];
  /** The HTTP(S) origin of the server; `https:` becomes `wss`. Defaults to the local development server. */
  serverUrl?: string;
}): AsyncApiDocument {
  const { eventTypes, serverUrl = 'http://localhost:8787' } = options;
  const { id: _id, ...frameFields } = Event.shape;
  const eventFrame = toJsonSchema(
    z.object({ event_id: Event.shape.id, ...frameFields, position: z.number().int() }),
  ) as JsonSchema & { properties: Record<string, JsonSchema> };

  const eventMessages = Object.fromEntries(
    eventTypes.map((eventType) => {
      const [category, ...rest] = eventType.name.split('.');
      const payload = {
        ...eventFrame,
        properties: {
          ...eventFrame.properties,
          type: { type: 'string', const: eventType.name },
          event_category: { type: 'string', const: category },
          event_type: { type: 'string', const: rest.join('.') },
          event_data: eventType.schema,
        },
      };
      return [
        messageId(eventType.name),
        { name: eventType.name, title: eventType.name, summary: eventType.description, payload },
      ];
    }),
  );

  const controlMessages = {
    ready: {
      name: 'ready',
      summary: 'The first frame: how the resume went and where the stream is.',
      schema: StreamReadyFrame,
    },
    subscribed: {
      name: 'subscribed',
      summary: 'The filter after a subscribe or unsubscribe.',
      schema: StreamSubscribedFrame,
    },
    pong: { name: 'pong', summary: 'The answer to a ping.', schema: StreamPongFrame },
    error: {
      name: 'error',
      summary: 'A message the server could not accept; the connection stays open.',
      schema: StreamErrorFrame,
    },
  };
  const clientMessages = Object.fromEntries(
    StreamClientMessage.options.map((option) => {
      const type = option.shape.type.value;
      return [`${type}Request`, { name: type, payload: toJsonSchema(option, 'input') }];
    }),
  );

  const messages = {
    ...eventMessages,
    ...Object.fromEntries(
      Object.entries(controlMessages).map(([key, message]) => [
        `${key}Control`,
        { name: message.name, summary: message.summary, payload: toJsonSchema(message.schema) },
      ]),
    ),
    ...clientMessages,
  };
  const ref = (key: string) => ({ $ref: `#/channels/stream/messages/${key}` });
  const closeCodes = Object.entries(STREAM_CLOSE_CODE_MEANINGS)
    .map(([code, meaning]) => `- ${code}: ${meaning}`)
    .join('\n');

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Oriva real-time stream',
      version: API_VERSION,
      description:
        'Events as they commit, over a WebSocket, resumable without gaps. The HTTP API is described by `/openapi.json`; this document describes the frames.',
    },
    defaultContentType: 'application/json',
    servers: {
      oriva: {
        ...serverOf(serverUrl),
        description: `Subprotocols: \`${STREAM_SUBPROTOCOL}\` (selected by the server) and \`auth.<token>\` for browsers, which cannot set headers.`,
        security: [
          { $ref: '#/components/securitySchemes/ticket' },
          { $ref: '#/components/securitySchemes/queryToken' },
          { $ref: '#/components/securitySchemes/bearer' },
        ],
      },
    },
    channels: {
      stream: {
        address: openStream.path,
        title: 'Event stream',
        description: `${openStream.description}\n\nClose codes:\n${closeCodes}`,
        messages,
        bindings: {
          ws: {
            method: 'GET',
            query: toJsonSchema(z.object({ ...StreamAccessQuery.shape, ...StreamFilterQuery.shape }), 'input'),
            headers: {
              type: 'object',
              properties: {
                'Sec-WebSocket-Protocol': {
                  type: 'string',
                  description: `\`${STREAM_SUBPROTOCOL}, auth.<token>\``,
                },
                Authorization: { type: 'string', description: '`Bearer <token>`, for clients that can set headers.' },
              },
            },
            bindingVersion: '0.1.0',
          },
        },
        'x-close-codes': STREAM_CLOSE_CODE_MEANINGS,
      },
    },
    operations: {
      receiveEvents: {
        action: 'receive',
        channel: { $ref: '#/channels/stream' },
        summary: 'Event frames, in commit order, each with its stream position.',
        messages: Object.keys(eventMessages).map(ref),
      },
      receiveControl: {
        action: 'receive',
        channel: { $ref: '#/channels/stream' },
        summary: 'Control frames: `ready` first, then answers to client messages.',
        messages: Object.keys(controlMessages).map((key) => ref(`${key}Control`)),
      },
      sendControl: {
        action: 'send',
        channel: { $ref: '#/channels/stream' },
        summary: 'Change the filter, or ping; each message gets exactly one answer, in order.',
        messages: Object.keys(clientMessages).map(ref),
      },
    },
    components: {
      securitySchemes: {
        ticket: {
          type: 'httpApiKey',
          in: 'query',
          name: 'ticket',
          description: 'A single-use ticket from POST /api/v1/events/stream/tickets, valid for 30 seconds.',
        },
        queryToken: {
          type: 'httpApiKey',
          in: 'query',
          name: 'auth',
          description: "An app key, user token or admin token in the URL; URLs reach proxies' logs, prefer a ticket.",
        },
        bearer: { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer <token>` on the upgrade.' },
      },
    },
  };
}
