import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import { errors } from '../../core/errors.js';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import { pruneOldData, retentionCutoff } from '../../services/retention.js';

/** Operations only the admin may run on demand (`oriva admin …`). */
export function adminRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(guarded(routes.pruneData, deps), async (c) => {
    const body = (c.req.valid('json') as { older_than_days?: number; before?: string } | undefined) ?? {};
    const days = body.older_than_days ?? deps.config.retentionDays;
    if (body.before === undefined && days <= 0) {
      throw errors.validation([
        {
          path: 'older_than_days',
          code: 'required',
          message: 'required while retention is off (ORIVA_RETENTION_DAYS=0): say how much to keep, or give before',
        },
      ]);
    }
    const cutoff = body.before ? new Date(body.before).toISOString() : retentionCutoff(days);
    const result = await pruneOldData(deps, cutoff);
    if (!result)
      throw errors.conflict('Another instance is pruning right now; try again shortly', 'prune_in_progress', true);
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
