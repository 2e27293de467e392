import { createRoute, z } from '@hono/zod-openapi';
import { AppId, UserId } from '../schemas/common.js';
import {
  EraseUserResponse,
  PublishPlatformBatchRequest,
  PublishPlatformBatchResponse,
  PublishPlatformEventRequest,
  PublishPlatformEventResponse,
  UserAppResponse,
} from '../schemas/platform.js';
import { errorResponses, errorWhen, jsonBody, jsonContent, security } from './responses.js';

const UserParams = z.object({ user_id: UserId.openapi({ param: { name: 'user_id', in: 'path' } }) });
const UserAppParams = UserParams.extend({ app_id: AppId.openapi({ param: { name: 'app_id', in: 'path' } }) });

const PLATFORM_DATA_INVALID = errorWhen(
  422,
  "`event_data` does not match the catalogued schema of its platform type (`event_data_invalid`), or the type is not in the platform's catalogue (`event_type_undeclared`, field `event_type`). Nothing is stored.",
);

const FAN_OUT =
  'Each event goes to the apps that already know its user (they published an event or a notification for them, or the platform connected them with `PUT /api/v1/users/{user_id}/apps/{app_id}`), as an event of their own log with its own id: their webhooks subscribed to the type, their streams and event lists get it. Apps that never dealt with the user get nothing.';

export const publishPlatformEvent = createRoute({
  method: 'post',
  path: '/api/v1/platform/events',
  operationId: 'publishPlatformEvent',
  tags: ['Platform'],
  summary: 'Publish a platform event (`user.*`, `platform.*`) to the apps that know the user',
  description: FAN_OUT,
  security: security.admin,
  request: { body: jsonBody(PublishPlatformEventRequest) },
  responses: {
    200: jsonContent(PublishPlatformEventResponse, 'Stored for every app that knows the user.'),
    ...PLATFORM_DATA_INVALID,
  },
});

export const publishPlatformEventBatch = createRoute({
  method: 'post',
  path: '/api/v1/platform/events/batch',
  operationId: 'publishPlatformEventBatch',
  tags: ['Platform'],
  summary: 'Publish up to 500 platform events at once, all or nothing',
  description: FAN_OUT,
  security: security.admin,
  request: { body: jsonBody(PublishPlatformBatchRequest) },
  responses: {
    200: jsonContent(PublishPlatformBatchResponse, 'Every event is stored, in order, for the apps that know its user.'),
    ...PLATFORM_DATA_INVALID,
  },
});

export const connectUserApp = createRoute({
  method: 'put',
  path: '/api/v1/users/{user_id}/apps/{app_id}',
  operationId: 'connectUserApp',
  tags: ['Platform'],
  summary: 'Record that the user has the app connected, so platform events about them reach it',
  description:
    'Publishing an event or a notification for a user records the relationship already; this is for apps the user connected before doing anything in them.',
  security: security.admin,
  request: { params: UserAppParams },
  responses: {
    200: jsonContent(UserAppResponse, 'The app knows the user (idempotent).'),
    ...errorResponses(404),
  },
});

export const disconnectUserApp = createRoute({
  method: 'delete',
  path: '/api/v1/users/{user_id}/apps/{app_id}',
  operationId: 'disconnectUserApp',
  tags: ['Platform'],
  summary: 'Forget the relationship: platform events about the user stop reaching the app',
  description: 'Publishing a new event or notification for the user records it again.',
  security: security.admin,
  request: { params: UserAppParams },
  responses: {
    200: jsonContent(UserAppResponse, 'The app no longer knows the user (idempotent).'),
  },
});

export const eraseUser = createRoute({
  method: 'delete',
  path: '/api/v1/admin/users/{user_id}',
  operationId: 'eraseUser',
  tags: ['Platform'],
  summary: 'Erase a user: their notifications, states, preferences, stream connections and events',
  description:
    "Closes the user's stream connections (close code 4403, on every instance once `user.deleted` reaches it), sends `user.deleted` to every app that knew the user (so they erase theirs), then deletes the user's notifications and their states, their preferences, their events and the webhook deliveries of those events, the responses remembered for their idempotency keys, and forgets which apps knew them. The `user.deleted` events stay, so an app that was offline still learns of the erasure. See the privacy section of docs/server.md.",
  security: security.admin,
  request: { params: UserParams },
  responses: {
    200: jsonContent(EraseUserResponse, 'The user is erased (erasing an unknown user erases nothing and succeeds).'),
  },
});
