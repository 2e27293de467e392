import { OpenAPIHono } from '@hono/zod-openapi';
import { buildOpenApiDocument, routes } from '@oriva/contract';
import type { AppEnv, Deps } from '../../http/context.js';
import { publicOrigin } from '../../http/public-origin.js';

/** Liveness, readiness, Prometheus metrics and the OpenAPI document: the routes operators and tools use. */
export function operationsRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const openApi = buildOpenApiDocument();

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

  // The document names the server that answered it, so the reference's "Send" (and any client generated
  // from it) reaches this port; docs/openapi.yml keeps the generic local address. A Host that is not a
  // plain host[:port] gets the relative `/`, which OpenAPI resolves against the document's own URL.
  app.get('/openapi.json', (c) => {
    const origin = publicOrigin(c, deps.config.trustProxy);
    const servers = [{ url: origin ?? '/', description: 'This server (the one that served this document)' }];
    return c.body(JSON.stringify({ ...openApi, servers }), 200, {
      'content-type': 'application/json',
      // The same path answers differently per Host: shared caches must not mix them up.
      vary: 'Host, X-Forwarded-Host, X-Forwarded-Proto',
    });
  });

  return app;
}
