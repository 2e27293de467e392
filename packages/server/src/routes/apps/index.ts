import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import { issueApiKey, publicApiKey } from '../../auth/api-keys.js';
import { errors } from '../../core/errors.js';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';

export function appRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  const requireApp = async (appId: string) => {
    const found = await deps.storage.apps.get(appId);
    if (!found) throw errors.notFound(`No app "${appId}"`, 'app_not_found');
    return found;
  };

  app.openapi(guarded(routes.createApp, deps), async (c) => {
    const input = c.req.valid('json');
    if (await deps.storage.apps.get(input.app_id)) {
      throw errors.conflict(`An app "${input.app_id}" already exists`, 'app_exists');
    }
    const now = new Date().toISOString();
    const record = {
      app_id: input.app_id,
      name: input.name,
      icon_url: input.icon_url ?? null,
      created_at: now,
      updated_at: now,
    };
    const { key, record: keyRecord } = issueApiKey(input.app_id, 'default', now);
    await deps.storage.apps.create(record, keyRecord);
    return c.json({ success: true as const, app: record, api_key: { ...publicApiKey(keyRecord), key } }, 201);
  });

  app.openapi(guarded(routes.listApps, deps), async (c) => {
    return c.json({ success: true as const, apps: await deps.storage.apps.list() }, 200);
  });

  app.openapi(guarded(routes.getApp, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    return c.json({ success: true as const, app: await requireApp(app_id) }, 200);
  });

  app.openapi(guarded(routes.updateApp, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const updated = await deps.storage.apps.update(app_id, changes, new Date().toISOString());
    if (!updated) throw errors.notFound(`No app "${app_id}"`, 'app_not_found');
    return c.json({ success: true as const, app: updated }, 200);
  });

  app.openapi(guarded(routes.createKey, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    await requireApp(app_id);
    const body = (c.req.valid('json') as { name?: string } | undefined) ?? {};
    const { key, record } = issueApiKey(app_id, body.name ?? null, new Date().toISOString());
    await deps.storage.apps.createKey(record);
    return c.json({ success: true as const, api_key: { ...publicApiKey(record), key } }, 201);
  });

  app.openapi(guarded(routes.listKeys, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    await requireApp(app_id);
    const keys = await deps.storage.apps.listKeys(app_id);
    return c.json({ success: true as const, api_keys: keys.map(publicApiKey) }, 200);
  });

  app.openapi(guarded(routes.revokeKey, deps), async (c) => {
    const { app_id, key_id } = c.req.valid('param');
    if (!(await deps.storage.apps.revokeKey(app_id, key_id, new Date().toISOString()))) {
      throw errors.notFound(`No active key "${key_id}" for app "${app_id}"`, 'key_not_found');
    }
    return c.body(null, 204);
  });

  return app;
}
