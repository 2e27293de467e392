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
import { isMuted } from '../../services/notifications/preferences.js';
import { toPublicNotification } from '../../services/notifications/public-view.js';
import { resolveNotification } from '../../services/notifications/resolve.js';
import { updateNotification } from '../../services/notifications/update.js';
import type { EventRecord, NotificationRecord, NotificationView, StoredPreferences } from '../../storage/types.js';
import { decodeIdCursor, encodeIdCursor, pageOf } from '../pagination.js';

type FeedResponse = z.infer<typeof ListNotificationsResponse>;

/** The most ids a read-all event lists; beyond it the event says how many there were. */
const MAX_IDS_IN_SUMMARY = 1000;

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

  const unreadCounts = async (userId: string, at: string, preferences: StoredPreferences) => {
    const rows = await deps.storage.notifications.countUnread(userId, at);
    let unread = 0;
    let muted = 0;
    const byApp: Record<string, number> = {};
    for (const row of rows) {
      if (isMuted(row, preferences)) {
        muted += row.count;
      } else {
        unread += row.count;
        byApp[row.app_id] = (byApp[row.app_id] ?? 0) + row.count;
      }
    }
    return { unread_count: unread, muted_unread_count: muted, by_app: byApp };
  };

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
    const counts = await unreadCounts(user_id, at, preferences);
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
    const counts = await unreadCounts(user_id, now(), await deps.storage.preferences.get(user_id));
    return c.json({ success: true as const, ...counts }, 200);
  });

  app.openapi(guarded(routes.markAllRead, deps), async (c) => {
    const { user_id } = c.req.valid('param');
    const body = (c.req.valid('json') as { app_id?: string; before?: string } | undefined) ?? {};
    const at = now();
    const actor = actorOf(c.get('principal')!);
    const count = await deps.storage.notifications.markAllRead(
      user_id,
      { app_id: body.app_id, before: body.before ? new Date(body.before).toISOString() : undefined, now: at },
      (marked) => summarizeReadAll(marked, user_id, at, actor),
    );
    if (count > 0) deps.metrics.notificationStateChanges.inc({ status: 'read' }, count);
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
    const { updated_at, ...preferences } = await deps.storage.preferences.get(user_id);
    return c.json({ success: true as const, preferences, updated_at }, 200);
  });

  app.openapi(guarded(routes.putPreferences, deps), async (c) => {
    const { user_id } = c.req.valid('param');
    const body = c.req.valid('json');
    const at = now();
    const preferences = {
      muted_apps: [...new Set(body.muted_apps)].sort(),
      muted_types: Object.fromEntries(
        Object.entries(body.muted_types)
          .filter(([, types]) => types.length > 0)
          .map(([appId, types]) => [appId, [...new Set(types)].sort()]),
      ),
    };
    await deps.storage.preferences.put(user_id, preferences, at);
    return c.json({ success: true as const, preferences, updated_at: at }, 200);
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

/** One `notification.read_all` event per app, listing what it marked (the app syncs its own copies). */
function summarizeReadAll(marked: NotificationView[], userId: string, at: string, actor: Actor): EventRecord[] {
  const byApp = new Map<string, NotificationView[]>();
  for (const view of marked) byApp.set(view.app_id, [...(byApp.get(view.app_id) ?? []), view]);
  return [...byApp.entries()].map(([appId, views]) => {
    const data = {
      count: views.length,
      external_ids: views.slice(0, MAX_IDS_IN_SUMMARY).map((view) => view.external_id),
      notification_ids: views.slice(0, MAX_IDS_IN_SUMMARY).map((view) => view.id),
      truncated: views.length > MAX_IDS_IN_SUMMARY,
      changed_by: actor,
    };
    // About the user, not one notification: no notification_id in its data.
    const event = notificationEvent(
      { id: '', app_id: appId, user_id: userId, external_id: userId },
      'read_all',
      at,
      data,
    );
    return { ...event, entity_type: 'user', event_data: JSON.stringify(data) };
  });
}
