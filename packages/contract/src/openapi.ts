import { OpenAPIHono } from '@hono/zod-openapi';
import { INTRODUCTION, TAGS } from './introduction.js';
import * as routes from './routes/index.js';
import { WebhookPayload } from './schemas/webhooks.js';

export const API_VERSION = '0.1.0';

/**
 * The OpenAPI 3.1 document, generated from the route definitions alone.
 * The server serves it at `/openapi.json`; `pnpm openapi` writes it to `docs/openapi.yml`.
 */
/** The generated document, as plain JSON (the `openapi3-ts` types are an implementation detail). */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths?: Record<string, unknown>;
  components?: Record<string, unknown>;
  [key: string]: unknown;
}

export function buildOpenApiDocument(): OpenApiDocument {
  // An app with no handlers: only its registry is used, so the document needs no running server.
  const app = new OpenAPIHono();
  const registry = app.openAPIRegistry;
  const bearer = (description: string) => ({ type: 'http' as const, scheme: 'bearer', description });
  registry.registerComponent(
    'securitySchemes',
    'AppKey',
    bearer('An app API key (`ok_…`), issued when the app is registered.'),
  );
  registry.registerComponent('securitySchemes', 'UserToken', bearer("A user's JWT: `sub` is the user id."));
  registry.registerComponent('securitySchemes', 'AdminToken', bearer("The server's admin token."));
  // Sorted, so the document is byte-for-byte the same however the module namespace enumerates.
  const definitions = Object.values(routes).sort((a, b) =>
    `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`),
  );
  for (const route of definitions) registry.registerPath(route);
  // OpenAPI 3.1's `webhooks`: what Oriva POSTs to a subscribed URL, so the SDK's WebhookPayload type comes from here too.
  registry.registerWebhook({
    method: 'post',
    path: 'event',
    summary: 'An event delivered to a webhook',
    description:
      'Signed with the Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`) and `X-Oriva-Signature`; see docs/webhooks.md.',
    request: { body: { content: { 'application/json': { schema: WebhookPayload } } } },
    responses: { 200: { description: 'Any 2xx acknowledges the delivery; anything else is retried.' } },
  });
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Oriva Platform Events & Notifications API',
      version: API_VERSION,
      description: INTRODUCTION,
    },
    tags: TAGS,
    // The generic address for docs/openapi.yml; the server's /openapi.json names itself instead.
    servers: [{ url: 'http://localhost:8787', description: 'Local server (pnpm start)' }],
  });
  return document as unknown as OpenApiDocument;
}
