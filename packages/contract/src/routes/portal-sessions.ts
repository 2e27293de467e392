import { createRoute } from '@hono/zod-openapi';
import { CreatePortalSessionRequest, PortalSessionResponse } from '../schemas/portal-sessions.js';
import { AppParams } from './params.js';
import { errorResponses, jsonContent, optionalJsonBody, security } from './responses.js';

export const createPortalSession = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/portal-sessions',
  operationId: 'createPortalSession',
  tags: ['Apps'],
  summary: 'Open the console for one app: a short-lived link to embed or open',
  description:
    "Returns a link to the console at `/console` scoped to this app. Its token acts as the app on the app's own `/api/v1/apps/{app_id}/…` routes (webhooks, deliveries, events, keys, event types) and nowhere else: not on other apps, not on routes without an app in their path (publishing is app-scoped, so it may publish too), not on admin routes, and it cannot open further sessions. It expires at `expires_at`; revoking every key does not end it, rotating the admin token does.",
  security: security.appOrAdmin,
  request: { params: AppParams, body: optionalJsonBody(CreatePortalSessionRequest) },
  responses: {
    201: jsonContent(PortalSessionResponse, 'The link and when it stops working.'),
    ...errorResponses(404),
  },
});
