import { OpenAPIHono } from '@hono/zod-openapi';
import { LEGACY_DEPRECATION, LEGACY_DEPRECATION_LINK, LEGACY_SUNSET, routes } from '@oriva/contract';
import type { MiddlewareHandler } from 'hono';
import { errors } from '../../core/errors.js';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import { resolveNotification } from '../../services/notifications/resolve.js';
import { updateNotification } from '../../services/notifications/update.js';

/** The deprecated sync call's path, in Hono's syntax (for middleware registered ahead of the guards). */
export const LEGACY_EVENTS_PATH = '/api/v1/apps/:app_id/notifications/events';

const SUNSET = LEGACY_SUNSET.toUTCString();

/**
 * The old sync call was written as `fetch(url, { method: 'POST', body: JSON.stringify(...) })`:
 * no Content-Type, so fetch sends `text/plain;charset=UTF-8`. Everywhere else that is a 415; here it
 * is read as the JSON it is, so such apps keep working unchanged but for their API key. Runs before
 * the API's JSON guard.
 */
export const legacyPlainTextBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'POST') {
    const type = c.req.header('content-type');
    if (type === undefined || /^text\/plain\s*(?:;|$)/i.test(type)) {
      c.req.raw.headers.set('content-type', 'application/json');
    }
  }
  await next();
};

/** Every answer of a deprecated endpoint says so, errors included (RFC 9745 `Deprecation`, RFC 8594 `Sunset`). */
const deprecationHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  try {
    await next();
  } finally {
    c.header('Deprecation', LEGACY_DEPRECATION);
    c.header('Sunset', SUNSET);
    c.header('Link', LEGACY_DEPRECATION_LINK);
  }
};

/**
 * `POST /api/v1/apps/{app_id}/notifications/events` with `{ notification_id, status }`: the sync call
 * apps used before this API, kept until the sunset date so they can migrate at their own pace
 * (docs/migration.md). It is `PATCH /api/v1/notifications/{notification_id}` with `{ status }`, run
 * as the app: same resolution (external id or `ntf_` id, the app's own only), same state change,
 * same event, same response.
 */
export function legacyRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(LEGACY_EVENTS_PATH, deprecationHeaders);
  app.openapi(guarded(routes.legacyNotificationEvent, deps), async (c) => {
    const { notification_id, user_id, ...patch } = c.req.valid('json');
    const principal = c.get('principal')!;
    const view = await resolveNotification(deps, principal, notification_id);
    if (user_id !== undefined && view.user_id !== user_id) {
      throw errors.notFound(`No notification "${notification_id}" for user "${user_id}"`, 'notification_not_found');
    }
    return c.json(await updateNotification(deps, principal, view, patch), 200);
  });
  return app;
}
