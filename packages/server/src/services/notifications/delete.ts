import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { notificationEvent } from './event.js';
import { resolveNotification } from './resolve.js';

/**
 * Deletes a notification for good, by its user or its app (see `resolveNotification`), storing
 * `notification.deleted` in the same transaction.
 */
export async function deleteNotification(deps: ServiceDeps, principal: Principal, id: string): Promise<void> {
  const view = await resolveNotification(deps, principal, id);
  const event = notificationEvent(view, 'deleted', new Date().toISOString(), { deleted_by: principal.kind });
  if (!(await deps.storage.notifications.delete(view.id, event))) {
    throw errors.notFound(`No notification "${id}"`, 'notification_not_found');
  }
  deps.metrics.notificationStateChanges.inc({ status: 'deleted' });
}
