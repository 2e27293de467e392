import { createRoute, z } from '@hono/zod-openapi';
import { AppId } from '../schemas/common.js';
import {
  LEGACY_DEPRECATED_AT,
  LEGACY_DEPRECATION,
  LEGACY_SUNSET,
  LegacyNotificationEventRequest,
} from '../schemas/legacy.js';
import { UpdateNotificationResponse } from '../schemas/notifications.js';
import { errorResponses, jsonBody, jsonContent, security } from './responses.js';

const AppParams = z.object({ app_id: AppId.openapi({ param: { name: 'app_id', in: 'path' } }) });

const deprecationHeaders = {
  Deprecation: {
    description: `When this endpoint was deprecated (RFC 9745): \`${LEGACY_DEPRECATION}\`, that is ${LEGACY_DEPRECATED_AT.toISOString()}.`,
    schema: { type: 'string' as const },
  },
  Sunset: {
    description: `When the endpoint will be removed (RFC 8594): ${LEGACY_SUNSET.toUTCString()}.`,
    schema: { type: 'string' as const },
  },
  Link: {
    description: 'The migration guide: `</docs/migration>; rel="deprecation"`.',
    schema: { type: 'string' as const },
  },
};

export const legacyNotificationEvent = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/notifications/events',
  operationId: 'legacyNotificationEvent',
  tags: ['Legacy'],
  deprecated: true,
  summary: "Deprecated: sync a notification's status the old way (use PATCH /api/v1/notifications/{id})",
  description: [
    'Keeps apps written against the older sync call working while they migrate: `{ notification_id, status }` changes',
    "the app's notification exactly as `PATCH /api/v1/notifications/{notification_id}` with `{ status }` does,",
    'stores the same `notification.<status>` event, and answers in the PATCH response shape.',
    'A body sent without `Content-Type` (as `fetch` does with a string body: `text/plain`) is read as JSON.',
    `Every response carries \`Deprecation: ${LEGACY_DEPRECATION}\`, \`Sunset: ${LEGACY_SUNSET.toUTCString()}\` and a \`Link\` to the migration guide (docs/migration.md).`,
  ].join(' '),
  security: security.app,
  request: { params: AppParams, body: jsonBody(LegacyNotificationEventRequest) },
  responses: {
    200: { ...jsonContent(UpdateNotificationResponse, 'The state after the request.'), headers: deprecationHeaders },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
  },
});
