import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import { listArchives, restoreArchive } from '../../services/archive/archive-events.js';
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
        archives_written: result.archivesWritten,
      },
      200,
    );
  });

  app.openapi(guarded(routes.listArchives, deps), async (c) => {
    const archives = await listArchives(deps);
    const data = archives.map(({ file, complete, manifest }) => ({
      file,
      complete,
      app_id: manifest?.app_id ?? null,
      month: manifest?.month ?? null,
      rows: manifest?.rows ?? null,
      first_position: manifest?.first_position ?? null,
      last_position: manifest?.last_position ?? null,
      sha256: manifest?.sha256 ?? null,
      bytes: manifest?.bytes ?? null,
      created_at: manifest?.created_at ?? null,
    }));
    return c.json({ data }, 200);
  });

  app.openapi(guarded(routes.restoreArchive, deps), async (c) => {
    const { file } = c.req.valid('json');
    const { manifest, restored } = await restoreArchive(deps, file);
    return c.json({ success: true as const, file, rows: manifest.rows, restored }, 200);
  });

  return app;
}
