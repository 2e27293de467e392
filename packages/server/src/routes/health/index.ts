import { OpenAPIHono } from '@hono/zod-openapi';
import { buildOpenApiDocument, routes } from '@oriva/contract';
import type { AppEnv, Deps } from '../../http/context.js';

/** Liveness, readiness, Prometheus metrics and the OpenAPI document: the routes operators and tools use. */
export function operationsRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const openApiJson = JSON.stringify(buildOpenApiDocument());

  app.openapi(routes.healthz, (c) => c.json({ status: 'ok' }, 200));

  app.openapi(routes.readyz, async (c) => {
    try {
      await deps.storage.ping();
      return c.json({ status: 'ready' }, 200);
    } catch (error) {
      deps.logger.warn({ err: error }, 'readiness check failed');
      return c.json({ status: 'storage unavailable' }, 503);
    }
  });

  app.get('/metrics', async (c) => {
    c.header('content-type', deps.metrics.registry.contentType);
    return c.body(await deps.metrics.registry.metrics());
  });

  app.get('/openapi.json', (c) => c.body(openApiJson, 200, { 'content-type': 'application/json' }));

  return app;
}
