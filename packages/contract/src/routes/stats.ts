import { createRoute } from '@hono/zod-openapi';
import { AdminStatsResponse, AppStatsResponse, StatsQuery } from '../schemas/stats.js';
import { AppParams } from './params.js';
import { errorResponses, jsonContent, security } from './responses.js';

const RANGE_ERRORS =
  ' A range that ends before it starts (field `to`) or holds more buckets than allowed (field `interval`) is a 400 `validation_failed`.';

export const getAppStats = createRoute({
  method: 'get',
  path: '/api/v1/apps/{app_id}/stats',
  operationId: 'getAppStats',
  tags: ['Stats'],
  summary: "An app's events, notification engagement, webhook health and streams over time",
  description: `Read from rollups kept per minute, hour and day as the work happens, never by scanning events; with the design document's success metrics against their targets.${RANGE_ERRORS}`,
  security: security.appOrAdmin,
  request: { params: AppParams, query: StatsQuery },
  responses: {
    200: jsonContent(AppStatsResponse, 'Series and totals.'),
    ...errorResponses(429),
  },
});

export const getAdminStats = createRoute({
  method: 'get',
  path: '/api/v1/admin/stats',
  operationId: 'getAdminStats',
  tags: ['Stats'],
  summary: 'Every app: series, totals in all and per app, the success metrics against their targets',
  description: `The operator's view of the same rollups.${RANGE_ERRORS}`,
  security: security.admin,
  request: { query: StatsQuery },
  responses: {
    200: jsonContent(AdminStatsResponse, 'Series and totals.'),
    ...errorResponses(429),
  },
});
