import { OpenAPIHono, z } from '@hono/zod-openapi';
import { platformEventTypes } from './asyncapi.js';
import { INTRODUCTION, TAGS } from './introduction.js';
import * as routes from './routes/index.js';
import {
  IDEMPOTENCY_KEY_PARAMETER,
  RESPONSE_HEADERS,
  SECURITY_SCHEMES,
  withServerBehaviour,
} from './routes/responses.js';
import { IdempotencyKey } from './schemas/common.js';
import { createNotificationForms } from './schemas/notifications.js';
import { serverEventPayloads } from './schemas/webhook-events.js';
import { WebhookPayload } from './schemas/webhooks.js';

export const API_VERSION = '0.1.0';

/** The generated document, as plain JSON (the `openapi3-ts` types are an implementation detail). */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths?: Record<string, unknown>;
  webhooks?: Record<string, unknown>;
  components?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Standard Webhooks' three headers, on every delivery (https://www.standardwebhooks.com). */
const DeliveryHeaders = z.object({
  'webhook-id': z.string().openapi({
    description: 'The delivery id (`del_…`), the same on every retry: deduplicate on it.',
    example: 'del_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
  }),
  'webhook-timestamp': z
    .string()
    .regex(/^[0-9]+$/)
    .openapi({ description: 'Unix seconds when this attempt was signed; refuse old ones.', example: '1759228200' }),
  'webhook-signature': z.string().openapi({
    description:
      'Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, one per valid secret (two during a rotation). Verify with @oriva/webhook-verify.',
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  }),
});

/**
 * The OpenAPI 3.1 document, generated from the route definitions alone.
 * The server serves it at `/openapi.json`; `pnpm openapi` writes it to `docs/openapi.yml`.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  // An app with no handlers: only its registry is used, so the document needs no running server.
  const app = new OpenAPIHono();
  const registry = app.openAPIRegistry;
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) {
    registry.registerComponent('securitySchemes', name, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: scheme.bearerFormat,
      description: scheme.description,
    });
  }
  for (const [name, header] of Object.entries(RESPONSE_HEADERS)) {
    registry.registerComponent('headers', name, header as never);
  }
  registry.registerParameter(
    IDEMPOTENCY_KEY_PARAMETER,
    IdempotencyKey.optional().openapi({ param: { name: 'Idempotency-Key', in: 'header' } }),
  );
  // Reached only through a raw `oneOf` (see CreateNotificationRequest), so registered by name.
  for (const [name, form] of Object.entries(createNotificationForms)) registry.register(name, form);
  // Every delivery's common shape, so the SDK's WebhookPayload type is generated from the contract too.
  registry.register('WebhookPayload', WebhookPayload);
  // Sorted, so the document is byte-for-byte the same however the module namespace enumerates.
  const definitions = Object.values(routes).sort((a, b) =>
    `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`),
  );
  for (const route of definitions) registry.registerPath(withServerBehaviour(route));
  // The platform's types as the catalogue lists them (by name, with their descriptions); each body is
  // the delivery payload built from the same `event_data` schema the catalogue shows.
  const payloads = new Map<string, (typeof serverEventPayloads)[number]['payload']>(
    serverEventPayloads.map(({ name, payload }) => [name, payload]),
  );
  for (const { name, description } of platformEventTypes()) {
    const payload = payloads.get(name)!;
    registry.registerWebhook({
      method: 'post',
      path: name,
      operationId: `on_${name.replace(/\W/g, '_')}`,
      tags: ['Webhook events'],
      // The receiver checks `webhook-signature` (below) instead: there is no credential to send.
      security: [],
      summary: `The \`${name}\` event, delivered to webhooks that subscribe to it`,
      description,
      request: {
        headers: DeliveryHeaders,
        body: { required: true, content: { 'application/json': { schema: payload } } },
      },
      responses: {
        200: {
          description:
            "Any 2xx acknowledges the delivery; anything else (or no answer within the server's delivery timeout) is retried on the webhook's schedule.",
        },
      },
    });
  }
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Oriva Platform Events & Notifications API',
      version: API_VERSION,
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
      description: INTRODUCTION,
    },
    tags: TAGS,
    // The generic address for docs/openapi.yml; the server's /openapi.json names itself instead.
    servers: [{ url: 'http://localhost:8787', description: 'Local server (pnpm start)' }],
  });
  return document as unknown as OpenApiDocument;
}
