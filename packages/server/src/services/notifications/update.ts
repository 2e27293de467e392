import type { z } from '@hono/zod-openapi';
import type { UpdateNotificationResponse } from '@oriva/contract';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import type { EventRecord, NotificationChange, NotificationView } from '../../storage/types.js';
import { checkContent, contentChanges, hasContentFields, type UpdateNotificationInput } from './content.js';
import { notificationEvent } from './event.js';
import { lastChanged } from './public-view.js';
import { effectiveStatus, nextStatus, stateChangeFor } from './state.js';

export type UpdateNotificationResult = z.infer<typeof UpdateNotificationResponse>;

/**
 * Applies a PATCH to a notification the caller may act on (see `resolveNotification`): a status
 * change by the user or the app, content changes by the owning app. One transaction; each real
 * change stores one event attributed to the owning app. Shared by `PATCH /notifications/{id}` and
 * the deprecated `POST /apps/{app_id}/notifications/events`, so both change state the same way.
 */
export async function updateNotification(
  deps: ServiceDeps,
  principal: Principal,
  view: NotificationView,
  patch: UpdateNotificationInput,
): Promise<UpdateNotificationResult> {
  const changesContent = hasContentFields(patch);
  if (changesContent && principal.kind === 'user') {
    throw errors.forbidden(
      'Only the app that owns a notification may change its content; a user may change its status',
      'content_change_forbidden',
    );
  }
  const contextData = changesContent ? checkContent(deps, patch) : undefined;
  const actor = principal.kind;
  const now = () => new Date().toISOString();

  const result = await deps.storage.notifications.change(view.id, (current) => {
    const at = now();
    const events: EventRecord[] = [];
    const change: NotificationChange = { events };
    if (patch.status) {
      const status = effectiveStatus(current, at);
      if (status === 'expired') {
        throw errors.conflict(
          `Notification ${current.id} has expired; its state can no longer change`,
          'notification_expired',
        );
      }
      const next = nextStatus(status, patch.status);
      if (next) {
        change.state = stateChangeFor(current, next, at, patch);
        events.push(
          notificationEvent(current, next, at, {
            previous_status: status,
            status: next,
            changed_by: actor,
            ...(patch.dismissed_from ? { dismissed_from: patch.dismissed_from } : {}),
            ...(patch.click_action ? { click_action: patch.click_action } : {}),
          }),
        );
      }
    }
    if (changesContent) {
      const content = contentChanges(current, patch, contextData);
      if (Object.keys(content).length > 0) {
        change.content = content;
        events.push(
          notificationEvent(current, 'updated', at, { changed_fields: Object.keys(content), changed_by: actor }),
        );
      }
    }
    return events.length > 0 ? change : undefined;
  });
  if (!result) throw errors.notFound(`No notification "${view.id}"`, 'notification_not_found');
  const after = result.after;
  // Counted from the outcome, not inside `decide`, which the storage may run more than once.
  if (after.status !== result.before.status) deps.metrics.notificationStateChanges.inc({ status: after.status });
  return {
    success: true as const,
    notification_id: after.id,
    status: effectiveStatus(after, now()),
    updated_at: lastChanged(after),
    changed: result.changed,
  };
}
