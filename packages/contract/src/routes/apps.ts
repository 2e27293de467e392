import { createRoute } from '@hono/zod-openapi';
import {
  ApiKeyResponse,
  AppResponse,
  CreateAppRequest,
  CreateAppResponse,
  CreateKeyRequest,
  ListAppsResponse,
  ListKeysResponse,
  UpdateAppRequest,
} from '../schemas/apps.js';
import { AppParams, idParam } from './params.js';
import { errorResponses, errorWhen, jsonBody, jsonContent, optionalJsonBody, security } from './responses.js';

const KeyParams = AppParams.extend({ key_id: idParam('key_id', 'key_01J8ZQ3J5V8C9X2M4N6P7R8S9T') });

export const createApp = createRoute({
  method: 'post',
  path: '/api/v1/apps',
  operationId: 'createApp',
  tags: ['Apps'],
  summary: 'Register an app and issue its first API key',
  security: security.admin,
  request: { body: jsonBody(CreateAppRequest) },
  responses: {
    201: jsonContent(CreateAppResponse, 'The app and its first key (shown once).'),
    ...errorWhen(409, 'An app with this `app_id` already exists (`app_exists`).'),
  },
});

export const listApps = createRoute({
  method: 'get',
  path: '/api/v1/apps',
  operationId: 'listApps',
  tags: ['Apps'],
  summary: 'List registered apps',
  security: security.admin,
  responses: { 200: jsonContent(ListAppsResponse, 'Every app.') },
});

export const getApp = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}',
  operationId: 'getApp',
  tags: ['Apps'],
  summary: 'Read an app',
  security: security.appOrAdmin,
  request: { params: AppParams },
  responses: { 200: jsonContent(AppResponse, 'The app.'), ...errorResponses(404) },
});

export const updateApp = createRoute({
  method: 'patch',
  path: '/api/v1/apps/{app_id}',
  operationId: 'updateApp',
  tags: ['Apps'],
  summary: "Change an app's name or icon",
  security: security.appOrAdmin,
  request: { params: AppParams, body: jsonBody(UpdateAppRequest) },
  responses: { 200: jsonContent(AppResponse, 'The updated app.'), ...errorResponses(404) },
});

export const createKey = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/keys',
  operationId: 'createKey',
  tags: ['Apps'],
  summary: 'Issue another API key (for rotation)',
  security: security.appOrAdmin,
  request: {
    params: AppParams,
    body: optionalJsonBody(CreateKeyRequest),
  },
  responses: {
    201: jsonContent(ApiKeyResponse, 'The new key (shown once).'),
    ...errorResponses(404),
  },
});

export const listKeys = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/keys',
  operationId: 'listKeys',
  tags: ['Apps'],
  summary: "List an app's keys (never their secrets)",
  security: security.appOrAdmin,
  request: { params: AppParams },
  responses: { 200: jsonContent(ListKeysResponse, 'The keys.'), ...errorResponses(404) },
});

export const revokeKey = createRoute({
  method: 'delete',
  path: '/api/v1/apps/{app_id}/keys/{key_id}',
  operationId: 'revokeKey',
  tags: ['Apps'],
  summary: 'Revoke a key; it stops working on the next request',
  security: security.appOrAdmin,
  request: { params: KeyParams },
  responses: { 204: { description: 'Revoked.' }, ...errorResponses(404) },
});
