import { createRoute, z } from '@hono/zod-openapi';
import { storableString, UserId } from '../schemas/common.js';
import {
  CreateNotificationRequest,
  CreateNotificationResponse,
  ListAppNotificationsQuery,
  ListAppNotificationsResponse,
  ListNotificationsResponse,
  ListUserNotificationsQuery,
  NotificationResponse,
  PreferencesResponse,
  PutPreferencesRequest,
  ReadAllRequest,
  ReadAllResponse,
  UnreadCountResponse,
  UpdateNotificationRequest,
  UpdateNotificationResponse,
} from '../schemas/notifications.js';
import { AppParams } from './params.js';
import { errorResponses, errorWhen, jsonBody, jsonContent, optionalJsonBody, security } from './responses.js';

const UserParams = z.object({ user_id: UserId.openapi({ param: { name: 'user_id', in: 'path' } }) });
const NotificationParams = z.object({
  notification_id: storableString()
    .min(1)
    .max(255)
    .openapi({
      param: { name: 'notification_id', in: 'path' },
      description:
        "The platform id (`ntf_…`) or the app's `external_id`: an app key resolves it within its app, a user token within the user's notifications.",
      example: 'wb_notif_123',
    }),
});

export const createNotification = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/notifications',
  operationId: 'createNotification',
  tags: ['Notifications'],
  summary: 'Create a notification (and its notification.created event)',
  description:
    'Unique per (app, external_id): the same request again answers 200 with the existing notification and records nothing; the same external_id with other content is a 409.',
  security: security.app,
  request: { params: AppParams, body: jsonBody(CreateNotificationRequest) },
  responses: {
    201: jsonContent(CreateNotificationResponse, 'Created.'),
    200: jsonContent(CreateNotificationResponse, 'Already existed with the same content: nothing changed.'),
    ...errorWhen(409, 'The `external_id` already names a notification with other content (`notification_exists`).'),
    ...errorResponses(429),
  },
});

export const listAppNotifications = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/notifications',
  operationId: 'listAppNotifications',
  tags: ['Notifications'],
  summary: "An app's notifications, newest first",
  security: security.appOrAdmin,
  request: { params: AppParams, query: ListAppNotificationsQuery },
  responses: { 200: jsonContent(ListAppNotificationsResponse, 'A page.') },
});

export const listUserNotifications = createRoute({
  method: 'get',
  path: '/api/v1/users/{user_id}/notifications',
  operationId: 'listUserNotifications',
  tags: ['Notifications'],
  summary: "A user's notifications from every app, newest first (the notification center)",
  security: security.userOrAdmin,
  request: { params: UserParams, query: ListUserNotificationsQuery },
  responses: {
    200: jsonContent(ListNotificationsResponse, 'A page, with unread counts.'),
    ...errorResponses(429),
  },
});

export const getUnreadCount = createRoute({
  method: 'get',
  path: '/api/v1/users/{user_id}/notifications/unread-count',
  operationId: 'getUnreadCount',
  tags: ['Notifications'],
  summary: "A user's unread counts (for a badge)",
  security: security.userOrAdmin,
  request: { params: UserParams },
  responses: { 200: jsonContent(UnreadCountResponse, 'The counts.'), ...errorResponses(429) },
});

export const markAllRead = createRoute({
  method: 'post',
  path: '/api/v1/users/{user_id}/notifications/read-all',
  operationId: 'markAllRead',
  tags: ['Notifications'],
  summary: "Mark a user's unread notifications read, in one transaction",
  security: security.userOrAdmin,
  request: {
    params: UserParams,
    body: optionalJsonBody(ReadAllRequest),
  },
  responses: { 200: jsonContent(ReadAllResponse, 'How many were marked.') },
});

export const getNotification = createRoute({
  method: 'get',
  path: '/api/v1/notifications/{notification_id}',
  operationId: 'getNotification',
  tags: ['Notifications'],
  summary: 'Read one notification',
  security: security.anyone,
  request: { params: NotificationParams },
  responses: {
    200: jsonContent(NotificationResponse, 'The notification.'),
    ...errorResponses(404),
    ...errorWhen(
      409,
      'The external id names notifications of several apps: use the platform id (`ambiguous_notification_id`).',
    ),
  },
});

export const updateNotification = createRoute({
  method: 'patch',
  path: '/api/v1/notifications/{notification_id}',
  operationId: 'updateNotification',
  tags: ['Notifications'],
  summary: "Change a notification's state (user or app) or content (owning app)",
  description:
    'A real change stores one `notification.<status>` (or `notification.updated`) event attributed to the owning app; repeating the current state changes nothing and stores nothing.',
  security: security.anyone,
  request: { params: NotificationParams, body: jsonBody(UpdateNotificationRequest) },
  responses: {
    200: jsonContent(UpdateNotificationResponse, 'The state after the request.'),
    ...errorResponses(404),
    ...errorWhen(
      409,
      'The notification has expired, so its state cannot change (`notification_expired`); or its external id names notifications of several apps (`ambiguous_notification_id`).',
    ),
  },
});

export const deleteNotification = createRoute({
  method: 'delete',
  path: '/api/v1/notifications/{notification_id}',
  operationId: 'deleteNotification',
  tags: ['Notifications'],
  summary: 'Delete a notification for good (and store notification.deleted)',
  security: security.anyone,
  request: { params: NotificationParams },
  responses: {
    204: { description: 'Deleted.' },
    ...errorResponses(404),
    ...errorWhen(
      409,
      'The external id names notifications of several apps: use the platform id (`ambiguous_notification_id`).',
    ),
  },
});

export const getPreferences = createRoute({
  method: 'get',
  path: '/api/v1/users/{user_id}/preferences',
  operationId: 'getPreferences',
  tags: ['Preferences'],
  summary: "A user's notification preferences (muted apps and types)",
  security: security.userOrAdmin,
  request: { params: UserParams },
  responses: { 200: jsonContent(PreferencesResponse, 'The preferences.') },
});

export const putPreferences = createRoute({
  method: 'put',
  path: '/api/v1/users/{user_id}/preferences',
  operationId: 'putPreferences',
  tags: ['Preferences'],
  summary: "Replace a user's notification preferences",
  security: security.userOrAdmin,
  request: { params: UserParams, body: jsonBody(PutPreferencesRequest) },
  responses: { 200: jsonContent(PreferencesResponse, 'The saved preferences.') },
});
