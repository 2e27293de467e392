import { createRoute } from '@hono/zod-openapi';
import {
  CommitConsumerRequest,
  CommitConsumerResponse,
  ConsumerParams,
  ConsumerResponse,
  ListConsumersResponse,
  PollConsumerQuery,
  PollConsumerResponse,
} from '../schemas/consumers.js';
import { AppParams } from './params.js';
import { errorResponses, errorWhen, jsonBody, jsonContent, security } from './responses.js';

const tags = ['Consumers'];

export const pollConsumer = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/consumers/{consumer_id}/poll',
  operationId: 'pollConsumer',
  tags,
  summary: "The app's events after the consumer's committed position (created on first poll)",
  description: [
    "The same events as the app's stream (`events` patterns, `user_id`), oldest first, each with its stream position.",
    'Handle them, then commit `position`: until then the next poll returns them again (at-least-once).',
    'With `wait`, an empty answer waits up to that many seconds and returns as soon as an event commits.',
    "Positions are the stream's: open the stream with `since=<committed position>` to switch from polling to push without a gap. See docs/stream.md.",
  ].join(' '),
  security: security.appOrAdmin,
  request: { params: ConsumerParams, query: PollConsumerQuery },
  responses: {
    200: jsonContent(PollConsumerResponse, 'Events, and the position to commit.'),
    ...errorResponses(404, 429),
  },
});

export const commitConsumer = createRoute({
  method: 'post',
  path: '/api/v1/apps/{app_id}/consumers/{consumer_id}/commit',
  operationId: 'commitConsumer',
  tags,
  summary: 'Commit a position: the next poll starts after it (never moves backwards)',
  description:
    'A position at or below the committed one changes nothing and answers `moved: false`, so a late or repeated commit is harmless. Creates the consumer if it does not exist, so a stream client can hand its position to a poller.',
  security: security.appOrAdmin,
  request: { params: ConsumerParams, body: jsonBody(CommitConsumerRequest) },
  responses: {
    200: jsonContent(CommitConsumerResponse, 'The consumer after the commit.'),
    ...errorWhen(
      409,
      'The position is past the newest event (`position_ahead`): committing it would skip events not yet published.',
    ),
    ...errorResponses(404, 429),
  },
});

export const getConsumer = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/consumers/{consumer_id}',
  operationId: 'getConsumer',
  tags,
  summary: 'A consumer and its committed position',
  security: security.appOrAdmin,
  request: { params: ConsumerParams },
  responses: { 200: jsonContent(ConsumerResponse, 'The consumer.'), ...errorResponses(404, 429) },
});

export const listConsumers = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/consumers',
  operationId: 'listConsumers',
  tags,
  summary: "An app's consumers, by name",
  security: security.appOrAdmin,
  request: { params: AppParams },
  responses: { 200: jsonContent(ListConsumersResponse, 'The consumers.'), ...errorResponses(404, 429) },
});

export const deleteConsumer = createRoute({
  method: 'delete',
  path: '/api/v1/apps/{app_id}/consumers/{consumer_id}',
  operationId: 'deleteConsumer',
  tags,
  summary: 'Forget a consumer and its position (its next poll starts from the beginning)',
  security: security.appOrAdmin,
  request: { params: ConsumerParams },
  responses: { 204: { description: 'Deleted.' }, ...errorResponses(404, 429) },
});
