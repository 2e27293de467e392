import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import type { NotificationView } from '../../storage/types.js';

/**
 * Finds the notification a path names, as the caller may see it. The id is the platform id or the
 * app's external_id (the design document's Example 2 patches `wb_notif_123`): an app key resolves
 * it within its app, a user token within the user's notifications. Another app's notification is
 * a 404 (its existence does not leak); another user's is a 403.
 */
export async function resolveNotification(
  deps: ServiceDeps,
  principal: Principal,
  id: string,
): Promise<NotificationView> {
  let found: NotificationView[] = [];
  if (id.startsWith('ntf_')) {
    const byPlatformId = await deps.storage.notifications.get(id);
    if (byPlatformId) found = [byPlatformId];
  }
  if (found.length === 0 && principal.kind !== 'admin') {
    const scope = principal.kind === 'app' ? { app_id: principal.appId } : { user_id: principal.userId };
    found = await deps.storage.notifications.findByExternalId(scope, id);
  }
  const notFound = () => errors.notFound(`No notification "${id}"`, 'notification_not_found');

  switch (principal.kind) {
    case 'admin':
      if (!found[0]) throw notFound();
      return found[0];
    case 'app': {
      const own = found.find((view) => view.app_id === principal.appId);
      if (!own) throw notFound();
      return own;
    }
    case 'user': {
      if (!found[0]) throw notFound();
      if (found.some((view) => view.user_id !== principal.userId)) {
        throw errors.forbidden("A user token may only act on that user's own notifications", 'forbidden_user');
      }
      if (found.length > 1) {
        throw errors.conflict(
          `"${id}" is the external id of notifications from several apps (${found.map((view) => view.app_id).join(', ')}); use the platform id (ntf_…)`,
          'ambiguous_notification_id',
        );
      }
      return found[0];
    }
  }
}
