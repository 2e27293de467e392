import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import type { Context } from 'hono';
import { principalScope } from '../../auth/principal.js';
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
  // An app's own types count against its event-type budget, whoever asks (the app or the admin);
  // the catalogue is a read like any list, against the caller's query budget.
  const limit = (c: Context<AppEnv>, appId: string) => deps.rateLimiter?.enforce(c, 'event_types', appId, 1);

  app.openapi(guarded(routes.putEventType, deps), async (c) => {
    const { app_id, event_type } = c.req.valid('param');
    const { breaking } = c.req.valid('query');
    const input = c.req.valid('json');
    await limit(c, app_id);
    const { eventType, created } = await putEventType(deps, app_id, event_type, input, { breaking });
    return c.json({ success: true as const, event_type: eventType }, created ? 201 : 200);
  });

  app.openapi(guarded(routes.getEventType, deps), async (c) => {
    const { app_id, event_type } = c.req.valid('param');
    const { version } = c.req.valid('query');
    await limit(c, app_id);
    return c.json({ success: true as const, event_type: await getEventType(deps, app_id, event_type, version) }, 200);
  });

  app.openapi(guarded(routes.listAppEventTypes, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    await limit(c, app_id);
    return c.json({ success: true as const, event_types: await listAppEventTypes(deps, app_id) }, 200);
  });

  app.openapi(guarded(routes.deleteEventType, deps), async (c) => {
    const { app_id, event_type } = c.req.valid('param');
    await limit(c, app_id);
    await deleteEventType(deps, app_id, event_type);
    return c.body(null, 204);
  });

  app.openapi(guarded(routes.listEventTypeCatalogue, deps), async (c) => {
    const { limit: pageSize, ...filter } = c.req.valid('query');
    await deps.rateLimiter?.enforce(c, 'queries', principalScope(c.get('principal')!), 1);
    const page = await eventTypeCatalogue(deps, filter, pageSize);
    return c.json(
      {
        success: true as const,
        event_types: page.event_types,
        pagination: { limit: pageSize, has_more: page.has_more, next_cursor: page.next_cursor },
      },
      200,
    );
  });

  return app;
}
