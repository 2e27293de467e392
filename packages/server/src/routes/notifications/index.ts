import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import { listAppNotifications } from '../../services/notifications/app-list.js';
import { createNotification } from '../../services/notifications/create.js';
import { deleteNotification } from '../../services/notifications/delete.js';
import { feedReader } from '../../services/notifications/feed.js';
import { getNotification } from '../../services/notifications/get.js';
import type { NotificationPage } from '../../services/notifications/page.js';
import { getPreferences, putPreferences } from '../../services/notifications/preferences.js';
import { markAllRead } from '../../services/notifications/read-all.js';
import { resolveNotification } from '../../services/notifications/resolve.js';
import { unreadCountsOf } from '../../services/notifications/unread-counts.js';
import { updateNotification } from '../../services/notifications/update.js';
import { decodeIdCursor, encodeIdCursor, pageOf } from '../pagination.js';

export function notificationRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const readFeed = feedReader(deps);

  app.openapi(guarded(routes.createNotification, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const input = c.req.valid('json');
    await deps.rateLimiter?.enforce(c, 'notifications', app_id, 1);
    const { created, ...result } = await createNotification(deps, app_id, input);
    return c.json({ success: true as const, ...result }, created ? 201 : 200);
  });

  app.openapi(guarded(routes.listAppNotifications, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const query = c.req.valid('query');
    const list = await listAppNotifications(deps, app_id, query, notificationPage(query));
    return c.json({ success: true as const, ...list }, 200);
  });

  app.openapi(guarded(routes.listUserNotifications, deps), async (c) => {
    const { user_id } = c.req.valid('param');
    const query = c.req.valid('query');
    await deps.rateLimiter?.enforce(c, 'queries', `user:${user_id}`, 1);
    const page = notificationPage(query);
    return serializedJson(c, await readFeed({ userId: user_id, query, page, reader: c.get('principal')! }));
  });

  app.openapi(guarded(routes.getUnreadCount, deps), async (c) => {
    const { user_id } = c.req.valid('param');
    await deps.rateLimiter?.enforce(c, 'queries', `user:${user_id}`, 1);
    return c.json({ success: true as const, ...(await unreadCountsOf(deps, user_id)) }, 200);
  });

  app.openapi(guarded(routes.markAllRead, deps), async (c) => {
    const { user_id } = c.req.valid('param');
    const body = (c.req.valid('json') as { app_id?: string; before?: string } | undefined) ?? {};
    const count = await markAllRead(deps, user_id, body, c.get('principal')!.kind);
    return c.json({ success: true as const, count }, 200);
  });

  app.openapi(guarded(routes.getNotification, deps), async (c) => {
    const { notification_id } = c.req.valid('param');
    const notification = await getNotification(deps, c.get('principal')!, notification_id);
    return c.json({ success: true as const, notification }, 200);
  });

  app.openapi(guarded(routes.updateNotification, deps), async (c) => {
    const { notification_id } = c.req.valid('param');
    const principal = c.get('principal')!;
    const view = await resolveNotification(deps, principal, notification_id);
    return c.json(await updateNotification(deps, principal, view, c.req.valid('json')), 200);
  });

  app.openapi(guarded(routes.deleteNotification, deps), async (c) => {
    const { notification_id } = c.req.valid('param');
    await deleteNotification(deps, c.get('principal')!, notification_id);
    return c.body(null, 204);
  });

  app.openapi(guarded(routes.getPreferences, deps), async (c) => {
    const { user_id } = c.req.valid('param');
    return c.json({ success: true as const, ...(await getPreferences(deps, user_id)) }, 200);
  });

  app.openapi(guarded(routes.putPreferences, deps), async (c) => {
    const { user_id } = c.req.valid('param');
    return c.json({ success: true as const, ...(await putPreferences(deps, user_id, c.req.valid('json'))) }, 200);
  });

  return app;
}

/**
 * A list query's page in storage's terms, from its cursor (`after`) or its offset: one row more than
 * the page is read, and `pageOf` cuts it off and turns it into `next_cursor`.
 */
function notificationPage(query: { limit: number; offset: number; after?: string | undefined }): NotificationPage {
  const offset = query.after ? 0 : query.offset;
  return {
    before_id: query.after ? decodeIdCursor(query.after, 'ntf') : undefined,
    limit: query.limit + 1,
    offset,
    cut: (read) => {
      const { items, has_more, next_cursor } = pageOf(read.items, query.limit, (last) => encodeIdCursor(last.id));
      return { items, pagination: { total: read.total, limit: query.limit, offset, has_more, next_cursor } };
    },
  };
}

/**
 * Answers with JSON serialized already (a feed page, maybe from the cache). The text is the feed's
 * response shape (`ListNotificationsResponse`); hono's types only know responses made by `c.json`,
 * hence the cast.
 */
function serializedJson(
  c: { body: (text: string, status: 200, headers: Record<string, string>) => Response },
  text: string,
): never {
  return c.body(text, 200, { 'content-type': 'application/json' }) as never;
}
