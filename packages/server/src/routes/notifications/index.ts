import { OpenAPIHono, type z } from '@hono/zod-openapi';
import { type ListNotificationsResponse, routes } from '@oriva/contract';
import type { Principal } from '../../auth/principal.js';
import { errors } from '../../core/errors.js';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import { checkContent, sameNotification, toNotificationRecord } from '../../services/notifications/content.js';
import { deliverToUser } from '../../services/notifications/delivery.js';
import { type Actor, notificationEvent } from '../../services/notifications/event.js';
import { FeedCache } from '../../services/notifications/feed-cache.js';
import { getPreferences, isMuted, putPreferences } from '../../services/notifications/preferences.js';
import { toPublicNotification } from '../../services/notifications/public-view.js';
import { markAllRead } from '../../services/notifications/read-all.js';
import { resolveNotification } from '../../services/notifications/resolve.js';
import { unreadCounts, unreadCountsOf } from '../../services/notifications/unread-counts.js';
import { updateNotification } from '../../services/notifications/update.js';
import type { NotificationRecord, NotificationView, StoredPreferences } from '../../storage/types.js';
import { decodeIdCursor, encodeIdCursor, pageOf } from '../pagination.js';

type FeedResponse = z.infer<typeof ListNotificationsResponse>;

const actorOf = (principal: Principal): Actor => principal.kind;
/** Whether the caller is the user themself: only what reaches them counts as delivered. */
const isTheUser = (principal: Principal, userId: string) => principal.kind === 'user' && principal.userId === userId;

export function notificationRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const now = () => new Date().toISOString();

  const mutedFor = (preferences: StoredPreferences) => ({
    apps: preferences.muted_apps,
    types: Object.entries(preferences.muted_types).flatMap(([appId, types]) => types.map((type) => `${appId}:${type}`)),
  });

  app.openapi(guarded(routes.createNotification, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const input = c.req.valid('json');
    await deps.rateLimiter?.enforce(c, 'notifications', app_id, 1);
    const contextData = checkContent(deps, input);
    const at = now();
    const record = toNotificationRecord(app_id, input, contextData, at);
    const owner = await deps.storage.apps.get(app_id);
    // The event carries the whole notification, so a live feed can show it without asking again.
    const event = notificationEvent(record, 'created', at, {
      notification: toPublicNotification(
        newNotificationView(record, owner?.name ?? app_id, owner?.icon_url ?? null),
        at,
        false,
      ),
    });
    const result = await deps.storage.notifications.create(record, event);
    if (!result.created) {
      const { existing } = result;
      if (sameNotification(existing, record)) {
        return c.json({ success: true as const, notification_id: existing.id, created_at: existing.created_at }, 200);
      }
      const message = `external_id "${record.external_id}" already names notification ${existing.id} with other content; change it with PATCH /api/v1/notifications/${existing.id}`;
      throw errors.conflict(message, 'notification_exists');
    }
    deps.metrics.notificationsCreated.inc({ app_id });
    deps.metrics.countEventsPublished(app_id);
    return c.json({ success: true as const, notification_id: record.id, created_at: record.created_at }, 201);
  });

  app.openapi(guarded(routes.listAppNotifications, deps), async (c) => {
    const { app_id } = c.req.valid('param');
    const query = c.req.valid('query');
    const at = now();
    const page = await deps.storage.notifications.list({
      app_id,
      user_id: query.user_id,
      external_id: query.external_id,
      status: query.status ?? 'all',
      before_id: query.after ? decodeIdCursor(query.after, 'ntf') : undefined,
      now: at,
      limit: query.limit + 1,
      offset: query.after ? 0 : query.offset,
    });
    const { items, pagination } = paginate(page, query);
    return c.json(
      { success: true as const, notifications: items.map((view) => toPublicNotification(view, at, false)), pagination },
      200,
    );
  });

  const feedCache = new FeedCache();

  app.openapi(guarded(routes.listUserNotifications, deps), async (c) => {
    const { user_id } = c.req.valid('param');
    const query = c.req.valid('query');
    await deps.rateLimiter?.enforce(c, 'queries', `user:${user_id}`, 1);
    const at = now();
    // The version is read before the data: a write landing in between makes the entry stale at once.
    const version = deps.storage.notifications.feedVersion(user_id);
    const cacheKey = `${user_id}?${new URL(c.req.url).search}`;
    if (version !== undefined) {
      const cached = feedCache.get(cacheKey, version, at);
      if (cached !== undefined) return serializedJson(c, cached);
    }
    const preferences = await deps.storage.preferences.get(user_id);
    const muted = mutedFor(preferences);
    // Muted notifications stay stored and in sync; the default feed hides them, an app filter shows them.
    const hideMuted = !query.include_muted && query.app_id === undefined;
    const page = await deps.storage.notifications.list({
      user_id,
      app_id: query.app_id,
      priority: query.priority,
      notification_type: query.notification_type,
      status: query.status ?? 'live',
      muted_apps: hideMuted && muted.apps.length > 0 ? muted.apps : undefined,
      muted_types: hideMuted && muted.types.length > 0 ? muted.types : undefined,
      group: query.group,
      before_id: query.after ? decodeIdCursor(query.after, 'ntf') : undefined,
      now: at,
      limit: query.limit + 1,
      offset: query.after ? 0 : query.offset,
    });
    const { items: served, pagination } = paginate(page, query);
    const principal = c.get('principal')!;
    const items = isTheUser(principal, user_id)
      ? await deliverToUser(deps.storage.notifications, user_id, served, at)
      : served;
    const counts = await unreadCounts(deps, user_id, at, preferences);
    const response: FeedResponse = {
      success: true as const,
      notifications: items.map((view) => toPublicNotification(view, at, isMuted(view, preferences))),
      pagination,
      unread_count: counts.unread_count,
      muted_unread_count: counts.muted_unread_count,
    };
    const body = JSON.stringify(response);
    // Only a page whose every notification is delivered is cached: delivery then never makes it stale
    // (`delivered_at` is set once), and serving it from the cache owes no delivery to record.
    if (version !== undefined && items.every((view) => view.delivered_at !== null)) {
      feedCache.set(cacheKey, {
        version,
        validUntil: await deps.storage.notifications.nextFeedExpiry(user_id, at),
        body,
      });
    }
    return serializedJson(c, body);
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
    const principal = c.get('principal')!;
    const found = await resolveNotification(deps, principal, notification_id);
    const at = now();
    const [view] = isTheUser(principal, found.user_id)
      ? await deliverToUser(deps.storage.notifications, found.user_id, [found], at)
      : [found];
    const preferences = await deps.storage.preferences.get(found.user_id);
    const notification = toPublicNotification(view ?? found, at, isMuted(found, preferences));
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
    const principal = c.get('principal')!;
    const view = await resolveNotification(deps, principal, notification_id);
    const event = notificationEvent(view, 'deleted', now(), { deleted_by: actorOf(principal) });
    if (!(await deps.storage.notifications.delete(view.id, event))) {
      throw errors.notFound(`No notification "${notification_id}"`, 'notification_not_found');
    }
    deps.metrics.notificationStateChanges.inc({ status: 'deleted' });
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
 * Answers with JSON serialized already (a feed page, maybe from the cache). The text is the route's
 * own response shape, built from `FeedResponse`; hono's types only know responses made by `c.json`,
 * hence the cast.
 */
function serializedJson(
  c: { body: (text: string, status: 200, headers: Record<string, string>) => Response },
  text: string,
): never {
  return c.body(text, 200, { 'content-type': 'application/json' }) as never;
}

function newNotificationView(record: NotificationRecord, appName: string, appIcon: string | null): NotificationView {
  return {
    ...record,
    status: 'unread',
    read_at: null,
    clicked_at: null,
    dismissed_at: null,
    dismissed_from: null,
    click_action: null,
    delivered_at: null,
    state_updated_at: record.created_at,
    app_name: appName,
    app_icon: appIcon,
  };
}

function paginate(
  page: { items: NotificationView[]; total: number },
  query: { limit: number; offset: number; after?: string | undefined },
) {
  const { items, has_more, next_cursor } = pageOf(page.items, query.limit, (last) => encodeIdCursor(last.id));
  return {
    items,
    pagination: {
      total: page.total,
      limit: query.limit,
      offset: query.after ? 0 : query.offset,
      has_more,
      next_cursor,
    },
  };
}
