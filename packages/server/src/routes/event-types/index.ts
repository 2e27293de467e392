import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import {
  deleteEventType,
  eventTypeCatalogue,
  getEventType,
  listAppEventTypes,
  putEventType,
} from '../../services/event-types/index.js';

export function eventTypeRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(guarded(routes.putEventType, deps), async (c) => {
    const { app_id, event_type } = c.req.valid('param');
    const { breaking } = c.req.valid('query');
    const input = c.req.valid('json');
    const { eventType, created } = await putEventType(deps, app_id, event_type, input, { breaking });
    return c.json({ success: true as const, event_type: eventType }, created ? 201 : 200);
  });

  app.openapi(guarded(routes.getEventType, deps), async (c) => {
    const { app_id, event_type } = c.req.valid('param');
    const { version } = c.req.valid('query');
    return c.json({ success: true as const, event_type: await getEventType(deps, app_id, event_type, version) }, 200);
  });

  app.openapi(guarded(routes.listAppEventTypes, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    return c.json({ success: true as const, event_types: await listAppEventTypes(deps, app_id) }, 200);
  });

  app.openapi(guarded(routes.deleteEventType, deps), async (c) => {
    const { app_id, event_type } = c.req.valid('param');
    await deleteEventType(deps, app_id, event_type);
    return c.body(null, 204);
  });

  app.openapi(guarded(routes.listEventTypeCatalogue, deps), async (c) => {
    const { limit, ...filter } = c.req.valid('query');
    const page = await eventTypeCatalogue(deps, filter, limit);
    return c.json(
      {
        success: true as const,
        event_types: page.event_types,
        pagination: { limit, has_more: page.has_more, next_cursor: page.next_cursor },
      },
      200,
    );
  });

  return app;
}
