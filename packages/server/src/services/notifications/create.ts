import type { ServiceDeps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import type { NotificationRecord, NotificationView } from '../../storage/types.js';
import { countingPublishFailures } from '../publish-failures.js';
import { type CreateNotificationInput, checkContent, sameNotification, toNotificationRecord } from './content.js';
import { notificationEvent } from './event.js';
import { toPublicNotification } from './public-view.js';

export interface CreateNotificationResult {
  /** False when the app already had this notification, the same request sent again. */
  created: boolean;
  notification_id: string;
  created_at: string;
}

/**
 * Creates an app's notification with its `notification.created` event, in one transaction. An
 * external id is the app's own name for one notification: the same request again changes nothing and
 * answers with what exists; other content under that name is a conflict, pointing to PATCH.
 */
export async function createNotification(
  deps: ServiceDeps,
  appId: string,
  input: CreateNotificationInput,
): Promise<CreateNotificationResult> {
  const contextData = checkContent(deps, input);
  const at = new Date().toISOString();
  const record = toNotificationRecord(appId, input, contextData, at);
  const owner = await deps.storage.apps.get(appId);
  // The event carries the whole notification, so a live feed can show it without asking again.
  const event = notificationEvent(record, 'created', at, {
    notification: toPublicNotification(
      newNotificationView(record, owner?.name ?? appId, owner?.icon_url ?? null),
      at,
      false,
    ),
  });
  const result = await countingPublishFailures(deps, () => deps.storage.notifications.create(record, event));
  if (!result.created) {
    const { existing } = result;
    if (sameNotification(existing, record)) {
      return { created: false, notification_id: existing.id, created_at: existing.created_at };
    }
    const message = `external_id "${record.external_id}" already names notification ${existing.id} with other content; change it with PATCH /api/v1/notifications/${existing.id}`;
    throw errors.conflict(message, 'notification_exists');
  }
  deps.metrics.notificationsCreated.inc({ app_id: appId });
  deps.metrics.countEventsPublished(appId);
  return { created: true, notification_id: record.id, created_at: record.created_at };
}

/** A notification just created, as reads will show it: unread, undelivered, under its app's name and icon. */
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
