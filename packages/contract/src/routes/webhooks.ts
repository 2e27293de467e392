import { createRoute } from '@hono/zod-openapi';
import {
  CreateWebhookRequest,
  CreateWebhookResponse,
  DeliveryResponse,
  Jwks,
  ListDeliveriesQuery,
  ListDeliveriesResponse,
  ListWebhooksResponse,
  RecoverRequest,
  RecoverResponse,
  RotateSecretRequest,
  RotateSecretResponse,
  RotateSigningKeyResponse,
  TestWebhookResponse,
  UpdateWebhookRequest,
  WebhookResponse,
} from '../schemas/webhooks.js';
import { AppParams, idParam } from './params.js';
import { errorResponses, jsonBody, jsonContent, optionalJsonBody, security } from './responses.js';

const WebhookParams = AppParams.extend({ webhook_id: idParam('webhook_id', 'wh_01J8ZQ3J5V8C9X2M4N6P7R8S9T') });
const DeliveryParams = WebhookParams.extend({ delivery_id: idParam('delivery_id', 'del_01J8ZQ3J5V8C9X2M4N6P7R8S9T') });
const tags = ['Webhooks'];

export const createWebhook = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/webhooks',
  operationId: 'createWebhook',
  tags,
  summary: "Subscribe a URL to the app's events",
  security: security.appOrAdmin,
  request: { params: AppParams, body: jsonBody(CreateWebhookRequest) },
  responses: {
    201: jsonContent(CreateWebhookResponse, 'Created; the secret is shown once.'),
    ...errorResponses(404, 429),
  },
});

export const listWebhooks = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/webhooks',
  operationId: 'listWebhooks',
  tags,
  summary: "List the app's webhooks",
  security: security.appOrAdmin,
  request: { params: AppParams },
  responses: { 200: jsonContent(ListWebhooksResponse, 'The webhooks.'), ...errorResponses(429) },
});

export const getWebhook = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/webhooks/{webhook_id}',
  operationId: 'getWebhook',
  tags,
  summary: 'Read a webhook',
  security: security.appOrAdmin,
  request: { params: WebhookParams },
  responses: { 200: jsonContent(WebhookResponse, 'The webhook.'), ...errorResponses(404, 429) },
});

export const updateWebhook = createRoute({
  method: 'patch',
  path: '/api/v1/apps/{app_id}/webhooks/{webhook_id}',
  operationId: 'updateWebhook',
  tags,
  summary: 'Change a webhook (is_active: true re-enables it)',
  security: security.appOrAdmin,
  request: { params: WebhookParams, body: jsonBody(UpdateWebhookRequest) },
  responses: { 200: jsonContent(WebhookResponse, 'The webhook.'), ...errorResponses(404, 429) },
});

export const deleteWebhook = createRoute({
  method: 'delete',
  path: '/api/v1/apps/{app_id}/webhooks/{webhook_id}',
  operationId: 'deleteWebhook',
  tags,
  summary: 'Delete a webhook and its pending deliveries',
  security: security.appOrAdmin,
  request: { params: WebhookParams },
  responses: { 204: { description: 'Deleted.' }, ...errorResponses(404, 429) },
});

export const rotateWebhookSecret = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/webhooks/{webhook_id}/rotate-secret',
  operationId: 'rotateWebhookSecret',
  tags,
  summary: 'Issue a new secret; the old one keeps signing for a grace period',
  security: security.appOrAdmin,
  request: { params: WebhookParams, body: optionalJsonBody(RotateSecretRequest) },
  responses: {
    200: jsonContent(RotateSecretResponse, 'The new secret, shown once.'),
    ...errorResponses(404, 429),
  },
});

export const rotateWebhookSigningKey = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/webhooks/{webhook_id}/rotate-signing-key',
  operationId: 'rotateWebhookSigningKey',
  tags,
  summary: 'Issue a new Ed25519 key pair; the old one keeps signing for a grace period',
  description:
    'For an `ed25519` webhook only (otherwise 409 `signature_scheme_mismatch`). Both keys sign every delivery (two `v1a` entries) until `previous_key_expires_at`, and both are in the JWKS.',
  security: security.appOrAdmin,
  request: { params: WebhookParams, body: optionalJsonBody(RotateSecretRequest) },
  responses: {
    200: jsonContent(RotateSigningKeyResponse, 'The new public key.'),
    ...errorResponses(404, 409, 429),
  },
});

export const getWebhookJwks = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/webhooks/jwks',
  operationId: 'getWebhookJwks',
  tags,
  summary: "The public keys of the app's Ed25519 webhooks (JWKS), for receivers",
  description:
    'Public, cacheable (`Cache-Control: public, max-age=300`). Receivers verify `v1a` signatures with any key here, or with the one whose `kid` the webhook resource shows.',
  security: security.none,
  request: { params: AppParams },
  responses: {
    200: jsonContent(Jwks, 'The JWK Set.'),
    ...errorResponses(404),
  },
});

export const testWebhook = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/webhooks/{webhook_id}/test',
  operationId: 'testWebhook',
  tags,
  summary: 'Send a webhook.test event to this webhook now',
  security: security.appOrAdmin,
  request: { params: WebhookParams },
  responses: { 200: jsonContent(TestWebhookResponse, 'Queued for delivery.'), ...errorResponses(404, 429) },
});

export const listDeliveries = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/webhooks/{webhook_id}/deliveries',
  operationId: 'listDeliveries',
  tags,
  summary: "A webhook's deliveries, newest first, each with its attempts",
  security: security.appOrAdmin,
  request: { params: WebhookParams, query: ListDeliveriesQuery },
  responses: { 200: jsonContent(ListDeliveriesResponse, 'A page.'), ...errorResponses(404, 429) },
});

export const retryDelivery = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/retry',
  operationId: 'retryDelivery',
  tags,
  summary: 'Deliver one delivery again now (same webhook-id)',
  security: security.appOrAdmin,
  request: { params: DeliveryParams },
  responses: { 200: jsonContent(DeliveryResponse, 'Queued.'), ...errorResponses(404, 429) },
});

export const recoverDeliveries = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/webhooks/{webhook_id}/recover',
  operationId: 'recoverDeliveries',
  tags,
  summary: 'Requeue every failed delivery created in a window (dry_run only counts)',
  security: security.appOrAdmin,
  request: { params: WebhookParams, body: jsonBody(RecoverRequest) },
  responses: { 200: jsonContent(RecoverResponse, 'How many.'), ...errorResponses(404, 429) },
});
