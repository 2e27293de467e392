import { createRoute } from '@hono/zod-openapi';
import {
  CatalogueQuery,
  CatalogueResponse,
  EventTypeParams,
  EventTypeResponse,
  GetEventTypeQuery,
  ListEventTypesResponse,
  PutEventTypeQuery,
  PutEventTypeRequest,
} from '../schemas/event-types.js';
import { AppParams } from './params.js';
import { errorResponses, errorWhen, jsonBody, jsonContent, security } from './responses.js';

const tags = ['Event types'];

export const putEventType = createRoute({
  method: 'put',
  path: '/api/v1/apps/{app_id}/event-types/{event_type}',
  operationId: 'putEventType',
  tags,
  summary: 'Declare an event type, or change it (a new schema is a new version)',
  security: security.appOrAdmin,
  request: { params: EventTypeParams, query: PutEventTypeQuery, body: jsonBody(PutEventTypeRequest) },
  responses: {
    200: jsonContent(EventTypeResponse, 'Changed.'),
    201: jsonContent(EventTypeResponse, 'Declared.'),
    ...errorWhen(
      400,
      'The schema is not a valid JSON Schema (`schema_invalid`), refers outside itself (`schema_remote_ref`), is too large or deep (`schema_too_large`), has a regex that could run away (`schema_unsafe_pattern`), or an example does not validate (`example_invalid`); the name is a type the platform itself records (`event_type_reserved`); `error.fields` says where.',
    ),
    ...errorWhen(
      409,
      'The new schema rejects examples of the previous version (`breaking_change`, each named in `error.fields`): send `?breaking=true` to accept. Or another request changed the type at the same time (`event_type_changed`): read it and send yours again.',
    ),
    ...errorResponses(404, 429),
  },
});

export const getEventType = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/event-types/{event_type}',
  operationId: 'getEventType',
  tags,
  summary: 'Read an event type (its latest version, or `?version=N`)',
  security: security.appOrAdmin,
  request: { params: EventTypeParams, query: GetEventTypeQuery },
  responses: { 200: jsonContent(EventTypeResponse, 'The event type.'), ...errorResponses(404, 429) },
});

export const listAppEventTypes = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/event-types',
  operationId: 'listAppEventTypes',
  tags,
  summary: 'The event types an app declared (latest versions)',
  security: security.appOrAdmin,
  request: { params: AppParams },
  responses: { 200: jsonContent(ListEventTypesResponse, 'The event types.'), ...errorResponses(404, 429) },
});

export const deleteEventType = createRoute({
  method: 'delete',
  path: '/api/v1/apps/{app_id}/event-types/{event_type}',
  operationId: 'deleteEventType',
  tags,
  summary: 'Remove an event type and its history; its events are no longer checked',
  security: security.appOrAdmin,
  request: { params: EventTypeParams },
  responses: { 204: { description: 'Deleted.' }, ...errorResponses(404, 429) },
});

export const listEventTypeCatalogue = createRoute({
  method: 'get',
  path: '/api/v1/event-types',
  operationId: 'listEventTypeCatalogue',
  tags,
  summary: "The catalogue: every app's declared types and the platform's own, with their schemas",
  security: security.appOrAdmin,
  request: { query: CatalogueQuery },
  responses: { 200: jsonContent(CatalogueResponse, 'A page of event types, by name.'), ...errorResponses(429) },
});
