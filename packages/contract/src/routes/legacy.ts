import { createRoute, z } from '@hono/zod-openapi';
import { AppId } from '../schemas/common.js';
import { LEGACY_DEPRECATION, LEGACY_SUNSET, LegacyNotificationEventRequest } from '../schemas/legacy.js';
import { UpdateNotificationResponse } from '../schemas/notifications.js';
import { errorResponses, errorWhen, jsonContent, security } from './responses.js';

const AppParams = z.object({ app_id: AppId.openapi({ param: { name: 'app_id', in: 'path' } }) });

/**
 * Apps written against the old call sent `fetch(url, { method: 'POST', body: JSON.stringify(...) })`:
 * no Content-Type, so `text/plain;charset=UTF-8`. The server reads that body as the JSON it is.
 */
const LegacyPlainTextBody = {
  type: 'string' as const,
  description: 'The same JSON object as text, as `fetch` sends a string body without a Content-Type.',
  // JSON Schema 2020-12 (OpenAPI 3.1): the string holds a JSON document of this shape.
  contentMediaType: 'application/json',
  contentSchema: { $ref: '#/components/schemas/LegacyNotificationEventRequest' },
  example: '{"notification_id":"wb_123","status":"dismissed"}',
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
  request: {
    params: AppParams,
    body: {
      required: true,
      content: {
        'application/json': { schema: LegacyNotificationEventRequest },
        // Documented, but kept out of the route's type: the server turns such a body into JSON before
        // validating it, so handlers only ever see the JSON object.
        ...({ 'text/plain': { schema: LegacyPlainTextBody } } as object),
      },
    },
  },
  responses: {
    200: jsonContent(UpdateNotificationResponse, 'The state after the request.'),
    ...errorResponses(404),
    ...errorWhen(409, 'The notification has expired, so its state cannot change (`notification_expired`).'),
  },
});
