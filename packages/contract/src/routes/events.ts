import { createRoute } from '@hono/zod-openapi';
import {
  ListEventsQuery,
  ListEventsResponse,
  PublishBatchRequest,
  PublishBatchResponse,
  PublishEventRequest,
  PublishEventResponse,
  ValidateBatchResponse,
  ValidateEventResponse,
} from '../schemas/events.js';
import { DeliveryResponse, ReplayEventRequest } from '../schemas/webhooks.js';
import { AppParams, idParam } from './params.js';
import { errorResponses, errorWhen, jsonBody, jsonContent, security } from './responses.js';

const EVENT_DATA_INVALID = errorWhen(
  422,
  "`event_data` does not validate against its event type's declared schema (`event_data_invalid`): each error is in `error.fields`, its path the event's field and the JSON pointer within it (`event_data/duration`, in a batch `events.3.event_data/duration`). Or the app rejects undeclared types (`undeclared_types: reject`) and the type is not in its catalogue (`event_type_undeclared`, field `event_type`). Nothing is stored.",
);

/** Sent when the app's `undeclared_types` is `warn` and an event's type is not in its catalogue. */
const UNDECLARED_WARNING_HEADER = {
  'Oriva-Undeclared-Types': {
    description:
      "The qualified types in the request that the app's catalogue does not declare, comma-separated; sent only when the app's `undeclared_types` is `warn`.",
    schema: { type: 'string' as const, example: 'session.ended' },
  },
};

export const publishEvent = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/events',
  operationId: 'publishEvent',
  tags: ['Events'],
  summary: 'Publish a platform event',
  security: security.app,
  request: { params: AppParams, body: jsonBody(PublishEventRequest) },
  responses: {
    200: { ...jsonContent(PublishEventResponse, 'The event is stored.'), headers: UNDECLARED_WARNING_HEADER },
    ...EVENT_DATA_INVALID,
    ...errorResponses(429),
  },
});

export const publishEventBatch = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/events/batch',
  operationId: 'publishEventBatch',
  tags: ['Events'],
  summary: 'Publish up to 500 events at once, all or nothing',
  security: security.app,
  request: { params: AppParams, body: jsonBody(PublishBatchRequest) },
  responses: {
    200: {
      ...jsonContent(PublishBatchResponse, 'Every event is stored, in order.'),
      headers: UNDECLARED_WARNING_HEADER,
    },
    ...EVENT_DATA_INVALID,
    ...errorResponses(429),
  },
});

export const validateEvent = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/events/validate',
  operationId: 'validateEvent',
  tags: ['Events'],
  summary: 'Check an event as publishing would, storing nothing',
  security: security.app,
  request: { params: AppParams, body: jsonBody(PublishEventRequest) },
  responses: {
    200: { ...jsonContent(ValidateEventResponse, 'Publishing would accept it.'), headers: UNDECLARED_WARNING_HEADER },
    ...EVENT_DATA_INVALID,
    ...errorResponses(429),
  },
});

export const validateEventBatch = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/events/batch/validate',
  operationId: 'validateEventBatch',
  tags: ['Events'],
  summary: 'Check a batch as publishing would, storing nothing',
  security: security.app,
  request: { params: AppParams, body: jsonBody(PublishBatchRequest) },
  responses: {
    200: {
      ...jsonContent(ValidateBatchResponse, 'Publishing would accept every event.'),
      headers: UNDECLARED_WARNING_HEADER,
    },
    ...EVENT_DATA_INVALID,
    ...errorResponses(429),
  },
});

export const listEvents = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/events',
  operationId: 'listEvents',
  tags: ['Events'],
  summary: "Query an app's events, newest first",
  security: security.appOrAdmin,
  request: { params: AppParams, query: ListEventsQuery },
  responses: {
    200: jsonContent(ListEventsResponse, 'A page of events.'),
    ...errorResponses(429),
  },
});

export const replayEvent = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/events/{event_id}/replay',
  operationId: 'replayEvent',
  tags: ['Events'],
  summary: "Deliver one stored event again, to one of the app's webhooks",
  description:
    "Queues a new delivery (its own `webhook-id`, `replay: true`) of the stored event to the webhook named in the body, whatever it subscribes to: for debugging a receiver. A disabled webhook gets it once re-enabled. `event_not_found` and `webhook_not_found` (404) also answer for another app's event or webhook.",
  security: security.appOrAdmin,
  request: {
    params: AppParams.extend({ event_id: idParam('event_id', 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T') }),
    body: jsonBody(ReplayEventRequest),
  },
  responses: {
    200: jsonContent(DeliveryResponse, 'Queued: the new delivery.'),
    ...errorResponses(404, 429),
  },
});
