import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { requestOrigin } from '../../http/origin.js';
import { validationHook } from '../../http/validation.js';
import { requireApp } from '../../services/apps.js';
import { eraseUser, type UserSessions } from '../../services/platform/erase.js';
import { publishPlatformEvents } from '../../services/platform/publish.js';

/** Names the n-th event of a batch in errors: `events.3.event_data/changed_fields`. */
const inBatch = (index: number) => `events.${index}.`;

/** Oriva Core's side (admin token): platform events, which apps know which users, and erasure. */
export function platformRoutes(deps: Deps, sessions: UserSessions) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(guarded(routes.publishPlatformEvent, deps), async (c) => {
    const input = c.req.valid('json');
    const [result] = await publishPlatformEvents(deps, [input], requestOrigin(c, deps));
    return c.json({ success: true as const, ...result! }, 200);
  });

  app.openapi(guarded(routes.publishPlatformEventBatch, deps), async (c) => {
    const { events } = c.req.valid('json');
    const results = await publishPlatformEvents(deps, events, requestOrigin(c, deps), inBatch);
    return c.json({ success: true as const, count: results.length, events: results }, 200);
  });

  app.openapi(guarded(routes.connectUserApp, deps), async (c) => {
    const { user_id, app_id } = c.req.valid('param');
    await requireApp(deps, app_id);
    await deps.storage.users.connect(user_id, app_id);
    return c.json({ success: true as const, user_id, app_id, connected: true }, 200);
  });

  app.openapi(guarded(routes.disconnectUserApp, deps), async (c) => {
    const { user_id, app_id } = c.req.valid('param');
    await deps.storage.users.disconnect(user_id, app_id);
    return c.json({ success: true as const, user_id, app_id, connected: false }, 200);
  });

  app.openapi(guarded(routes.eraseUser, deps), async (c) => {
    const { user_id } = c.req.valid('param');
    const erasure = await eraseUser(deps, sessions, user_id, requestOrigin(c, deps));
    return c.json(
      {
        success: true as const,
        user_id,
        erased_at: erasure.erased_at,
        notified_apps: erasure.notified_apps,
        notifications_deleted: erasure.notifications,
        events_deleted: erasure.events,
        deliveries_deleted: erasure.deliveries,
        preferences_deleted: erasure.preferences,
        stream_connections_closed: erasure.stream_connections_closed,
      },
      200,
    );
  });

  return app;
}
