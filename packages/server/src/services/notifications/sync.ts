import type { EventRecord, NotificationSync } from '../../storage/types.js';
import { effectiveStatus, nextStatus, type SettableStatus, stateChangeFor } from './state.js';

const SYNCED_TYPES = new Set<string>(['read', 'clicked', 'dismissed', 'unread']);

/**
 * Dismiss once, dismissed everywhere, from the app's side too: an app that publishes
 * `notification.dismissed` (or read, clicked, unread) about one of its notifications, with
 * `entity_type: "notification"` and its own external id as `entity_id`, changes that notification
 * exactly as a PATCH would. The app's event is the record of the change, so no second event is made;
 * an event that would change nothing (already dismissed, expired, unknown id) is stored all the same.
 */
export function notificationSyncsFor(events: EventRecord[]): NotificationSync[] {
  const syncs: NotificationSync[] = [];
  for (const event of events) {
    if (event.event_category !== 'notification' || event.entity_type !== 'notification') continue;
    if (!SYNCED_TYPES.has(event.event_type)) continue;
    const target = event.event_type as SettableStatus;
    syncs.push({
      app_id: event.app_id,
      external_id: event.entity_id,
      user_id: event.user_id,
      decide: (current) => {
        if (current.user_id !== event.user_id) return undefined;
        const status = effectiveStatus(current, event.timestamp);
        if (status === 'expired') return undefined;
        const next = nextStatus(status, target);
        if (!next) return undefined;
        // Parsed only when there is a change to make: most such events match no notification.
        const data = JSON.parse(event.event_data) as { dismissed_from?: unknown; click_action?: unknown };
        const details = {
          dismissed_from: typeof data.dismissed_from === 'string' ? data.dismissed_from.slice(0, 64) : undefined,
          click_action: typeof data.click_action === 'string' ? data.click_action.slice(0, 128) : undefined,
        };
        return { state: stateChangeFor(current, next, event.timestamp, details), events: [] };
      },
    });
  }
  return syncs;
}
