import { OpenAPIHono } from '@hono/zod-openapi';
import { limitBodySize, requireJsonBody } from './http/body-guards.js';
import type { AppEnv, Deps } from './http/context.js';
import { corsFor } from './http/cors.js';
import { createErrorHandler, notFoundHandler } from './http/error-handler.js';
import { requestContext } from './http/request-context.js';
import { adminRoutes } from './routes/admin/index.js';
import { apiDocsRoutes } from './routes/api-docs.js';
import { appRoutes } from './routes/apps/index.js';
import { consoleRoutes } from './routes/console.js';
import { consumerRoutes } from './routes/consumers/index.js';
import { devRoutes } from './routes/dev/index.js';
import { eventTypeRoutes } from './routes/event-types/index.js';
import { eventRoutes } from './routes/events/index.js';
import { faviconRoutes } from './routes/favicon.js';
import { frontPageRoutes } from './routes/front-page.js';
import { operationsRoutes } from './routes/health/index.js';
import { inboxRoutes } from './routes/inbox.js';
import { LEGACY_EVENTS_PATH, legacyPlainTextBody, legacyRoutes } from './routes/legacy/index.js';
import { notificationRoutes } from './routes/notifications/index.js';
import { platformRoutes } from './routes/platform/index.js';
import { statsRoutes } from './routes/stats/index.js';
import { streamRoutes } from './routes/stream/index.js';
import { webhookRoutes } from './routes/webhooks/index.js';
import type { CommitWaits } from './services/consumers/index.js';
import type { StreamHub } from './services/stream/hub.js';

/** The HTTP application: request id, logging and metrics around every route; one error shape for all. */
export function createApp(deps: Deps, stream: StreamHub, commitWaits: CommitWaits) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestContext(deps));
  const cors = corsFor(deps.config);
  if (cors) app.use('/api/*', cors);
  app.use(LEGACY_EVENTS_PATH, legacyPlainTextBody);
  app.use('/api/*', requireJsonBody, limitBodySize);
  app.onError(createErrorHandler(deps));
  app.notFound(notFoundHandler);

  app.route('/', frontPageRoutes(deps));
  app.route('/', faviconRoutes());
  app.route('/', operationsRoutes(deps));
  app.route('/', apiDocsRoutes(deps));
  app.route('/', appRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.route('/', statsRoutes(deps));
  app.route('/', platformRoutes(deps, stream));
  app.route('/', eventRoutes(deps));
  app.route('/', eventTypeRoutes(deps));
  app.route('/', notificationRoutes(deps));
  app.route('/', legacyRoutes(deps));
  app.route('/', webhookRoutes(deps));
  app.route('/', streamRoutes(deps, stream));
  app.route('/', consumerRoutes(deps, commitWaits));
  if (deps.config.dev) app.route('/', devRoutes(deps));
  if (deps.config.inbox) app.route('/', inboxRoutes(deps));
  if (deps.config.console) app.route('/', consoleRoutes(deps));
  return app;
}
