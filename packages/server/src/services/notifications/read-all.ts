import type { ServiceDeps } from '../../core/deps.js';
import type { EventRecord, NotificationView } from '../../storage/types.js';
import { type Actor, notificationEvent } from './event.js';

/** The most ids a read-all event lists; beyond it the event says how many there were. */
const MAX_IDS_IN_SUMMARY = 1000;

export interface ReadAllFilter {
  /** Only this app's notifications. */
  app_id?: string | undefined;
  /** Only notifications created before this instant (any ISO-8601 form). */
  before?: string | undefined;
}

/**
 * Marks a user's unread, unexpired notifications read in one transaction, with one
 * `notification.read_all` event per app; returns how many it marked.
 */
export async function markAllRead(
  deps: ServiceDeps,
  userId: string,
  filter: ReadAllFilter,
  actor: Actor,
): Promise<number> {
  const at = new Date().toISOString();
  const count = await deps.storage.notifications.markAllRead(
    userId,
    { app_id: filter.app_id, before: filter.before ? new Date(filter.before).toISOString() : undefined, now: at },
    (marked) => summarizeReadAll(marked, userId, at, actor),
  );
  if (count > 0) deps.metrics.notificationStateChanges.inc({ status: 'read' }, count);
  return count;
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
