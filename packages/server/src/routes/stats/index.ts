import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import { adminStats, appStats } from '../../services/stats/index.js';

/** Stats from the rollups: an app's (its key or the admin) and every app's (the admin). */
export function statsRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(guarded(routes.getAppStats, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const principal = c.get('principal')!;
    // Rate-limited as the other reads are, per app key (or for the admin).
    await deps.rateLimiter?.enforce(
      c,
      'queries',
      principal.kind === 'app' ? `app:${principal.appId}` : principal.kind,
      1,
    );
    const report = await appStats(deps, app_id, c.req.valid('query'));
    return c.json({ success: true as const, app_id, ...report }, 200);
  });

  app.openapi(guarded(routes.getAdminStats, deps), async (c) => {
    await deps.rateLimiter?.enforce(c, 'queries', 'admin', 1);
    const report = await adminStats(deps, c.req.valid('query'));
    return c.json({ success: true as const, ...report }, 200);
  });

  return app;
}
