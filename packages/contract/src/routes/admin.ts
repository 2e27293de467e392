import { createRoute } from '@hono/zod-openapi';
import { PruneRequest, PruneResponse } from '../schemas/admin.js';
import { errorWhen, jsonBody, jsonContent, security } from './responses.js';

export const pruneData = createRoute({
  method: 'post',
  path: '/api/v1/admin/prune',
  operationId: 'pruneData',
  tags: ['Operations'],
  summary: 'Apply the retention period now: delete old events and webhook delivery logs',
  description:
    'Notifications and pending deliveries are never pruned. The server also runs this hourly when ORIVA_RETENTION_DAYS is above 0; with several instances, one runs it at a time.',
  security: security.admin,
  request: { body: { ...jsonBody(PruneRequest), required: false } },
  responses: {
    200: jsonContent(PruneResponse, 'What was removed.'),
    ...errorWhen(409, 'Another instance is pruning right now (`prune_in_progress`, retryable).'),
  },
});
