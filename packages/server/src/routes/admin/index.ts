import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import { pruneOnDemand } from '../../services/retention.js';

/** Operations only the admin may run on demand (`oriva admin …`). */
export function adminRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(guarded(routes.pruneData, deps), async (c) => {
    const body = (c.req.valid('json') as { older_than_days?: number; before?: string } | undefined) ?? {};
    const result = await pruneOnDemand(deps, { olderThanDays: body.older_than_days, before: body.before });
    return c.json(
      {
        success: true as const,
        cutoff: result.cutoff,
        events_deleted: result.events,
        deliveries_deleted: result.deliveries,
        partitions_dropped: result.partitionsDropped,
      },
      200,
    );
  });

  return app;
}
