import type { z } from '@hono/zod-openapi';
import type { ListAppNotificationsQuery, Notification, Pagination } from '@oriva/contract';
import type { ServiceDeps } from '../../core/deps.js';
import type { NotificationPage } from './page.js';
import { toPublicNotification } from './public-view.js';

export type AppListQuery = z.infer<typeof ListAppNotificationsQuery>;

/**
 * An app's own notifications, every status unless one is asked for, newest first. An app's read
 * delivers nothing, and mutes are the user's view: none is applied or shown.
 */
export async function listAppNotifications(
  deps: ServiceDeps,
  appId: string,
  query: AppListQuery,
  page: NotificationPage,
): Promise<{ notifications: Array<z.infer<typeof Notification>>; pagination: z.infer<typeof Pagination> }> {
  const at = new Date().toISOString();
  const read = await deps.storage.notifications.list({
    app_id: appId,
    user_id: query.user_id,
    external_id: query.external_id,
    status: query.status ?? 'all',
    before_id: page.before_id,
    now: at,
    limit: page.limit,
    offset: page.offset,
  });
  const { items, pagination } = page.cut(read);
  return { notifications: items.map((view) => toPublicNotification(view, at, false)), pagination };
}
