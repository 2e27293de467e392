import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, security } from './responses.js';

const Health = z.object({ status: z.string() }).openapi('Health');

export const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'healthz',
  tags: ['Operations'],
  summary: 'Liveness: the process is serving',
  security: security.none,
  responses: { 200: jsonContent(Health, 'Alive.') },
});

export const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  operationId: 'readyz',
  tags: ['Operations'],
  summary: 'Readiness: storage answers',
  security: security.none,
  responses: { 200: jsonContent(Health, 'Ready.'), 503: jsonContent(Health, 'Storage is not answering.') },
});
