import { OpenAPIHono } from '@hono/zod-openapi';
import { DEFAULT_PORTAL_SESSION_SECONDS, routes } from '@oriva/contract';
import { publicApiKey } from '../../auth/api-keys.js';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { publicOrigin } from '../../http/public-origin.js';
import { validationHook } from '../../http/validation.js';
import { createApp, type IssuedKey, issueKey, requireApp, revokeKey, updateApp } from '../../services/apps.js';
import { CONSOLE_PATH } from '../console.js';

/** A key as the one response that shows it: its public fields and the key itself. */
const shownOnce = ({ key, record }: IssuedKey) => ({ ...publicApiKey(record), key });

export function appRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(guarded(routes.createApp, deps), async (c) => {
    const created = await createApp(deps, c.req.valid('json'));
    return c.json({ success: true as const, app: created.app, api_key: shownOnce(created.firstKey) }, 201);
  });

  app.openapi(guarded(routes.listApps, deps), async (c) => {
    return c.json({ success: true as const, apps: await deps.storage.apps.list() }, 200);
  });

  app.openapi(guarded(routes.getApp, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    return c.json({ success: true as const, app: await requireApp(deps, app_id) }, 200);
  });

  app.openapi(guarded(routes.updateApp, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    return c.json({ success: true as const, app: await updateApp(deps, app_id, c.req.valid('json')) }, 200);
  });

  app.openapi(guarded(routes.createKey, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const body = (c.req.valid('json') as { name?: string } | undefined) ?? {};
    return c.json({ success: true as const, api_key: shownOnce(await issueKey(deps, app_id, body.name ?? null)) }, 201);
  });

  app.openapi(guarded(routes.listKeys, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    await requireApp(deps, app_id);
    const keys = await deps.storage.apps.listKeys(app_id);
    return c.json({ success: true as const, api_keys: keys.map(publicApiKey) }, 200);
  });

  app.openapi(guarded(routes.createPortalSession, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const body = (c.req.valid('json') as { expires_in_seconds?: number } | undefined) ?? {};
    await requireApp(deps, app_id);
    const seconds = body.expires_in_seconds ?? DEFAULT_PORTAL_SESSION_SECONDS;
    const { token, session } = deps.portalSessions.issue(app_id, new Date(Date.now() + seconds * 1000));
    const origin = publicOrigin(c, deps.config.trustProxy) ?? '';
    return c.json(
      {
        success: true as const,
        url: `${origin}${CONSOLE_PATH}#token=${token}`,
        token,
        app_id,
        expires_at: session.expiresAt.toISOString(),
      },
      201,
    );
  });

  app.openapi(guarded(routes.revokeKey, deps), async (c) => {
    const { app_id, key_id } = c.req.valid('param');
    await revokeKey(deps, app_id, key_id);
    return c.body(null, 204);
  });

  return app;
}
