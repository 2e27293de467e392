import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import {
  type CommitWaits,
  commitConsumer,
  deleteConsumer,
  getConsumer,
  listConsumers,
  pollConsumer,
} from '../../services/consumers/index.js';

export function consumerRoutes(deps: Deps, waits: CommitWaits) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // A poll is a read like any list, against the app's query budget.
  const limit = (c: Context<AppEnv>, appId: string) => deps.rateLimiter?.enforce(c, 'queries', appId, 1);

  app.openapi(guarded(routes.pollConsumer, deps), async (c) => {
    const { app_id, consumer_id } = c.req.valid('param');
    const { events, user_id, limit: pageSize, wait } = c.req.valid('query');
    await limit(c, app_id);
    const result = await pollConsumer(deps, waits, app_id, consumer_id, {
      patterns: events,
      user_id,
      limit: pageSize,
      wait,
      signal: c.req.raw.signal,
    });
    return c.json({ success: true as const, ...result }, 200);
  });

  app.openapi(guarded(routes.commitConsumer, deps), async (c) => {
    const { app_id, consumer_id } = c.req.valid('param');
    const { position } = c.req.valid('json');
    await limit(c, app_id);
    return c.json({ success: true as const, ...(await commitConsumer(deps, app_id, consumer_id, position)) }, 200);
  });

  app.openapi(guarded(routes.getConsumer, deps), async (c) => {
    const { app_id, consumer_id } = c.req.valid('param');
    await limit(c, app_id);
    return c.json({ success: true as const, consumer: await getConsumer(deps, app_id, consumer_id) }, 200);
  });

  app.openapi(guarded(routes.listConsumers, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    await limit(c, app_id);
    return c.json({ success: true as const, consumers: await listConsumers(deps, app_id) }, 200);
  });

  app.openapi(guarded(routes.deleteConsumer, deps), async (c) => {
    const { app_id, consumer_id } = c.req.valid('param');
    await limit(c, app_id);
    await deleteConsumer(deps, app_id, consumer_id);
    return c.body(null, 204);
  });

  return app;
}
