import type { NotificationChange, NotificationView, StoredNotificationStatus } from '../../storage/types.js';

export type SettableStatus = 'unread' | 'read' | 'clicked' | 'dismissed';
export type EffectiveStatus = StoredNotificationStatus;

/**
 * A live notification whose expiry has passed reads as expired at once, before the sweeper
 * records it; dismissed stays dismissed.
 */
export function effectiveStatus(view: Pick<NotificationView, 'status' | 'expires_at'>, now: string): EffectiveStatus {
  if (view.status !== 'dismissed' && view.status !== 'expired' && view.expires_at !== null && view.expires_at <= now) {
    return 'expired';
  }
  return view.status;
}

/**
 * The state machine (docs/notifications.md):
 *
 *   unread ──read──▶ read ──click──▶ clicked
 *     │ └──────────click──────────────▲ │
 *     └────────── dismiss ──▶ dismissed ◀┘ (from any live state)
 *   read, clicked, dismissed ──unread──▶ unread (mark unread / restore)
 *   expired: final; every change is refused.
 *
 * Setting the current status again, `read` on a clicked or dismissed notification, and `clicked`
 * on a dismissed one change nothing. Returns the next status, or undefined for no change.
 */
export function nextStatus(current: EffectiveStatus, target: SettableStatus): StoredNotificationStatus | undefined {
  if (current === target) return undefined;
  switch (target) {
    case 'read':
      return current === 'unread' ? 'read' : undefined;
    case 'clicked':
      return current === 'unread' || current === 'read' ? 'clicked' : undefined;
    case 'dismissed':
      return current === 'unread' || current === 'read' || current === 'clicked' ? 'dismissed' : undefined;
    case 'unread':
      return current === 'read' || current === 'clicked' || current === 'dismissed' ? 'unread' : undefined;
  }
}

/** The state columns a move to `next` sets: each real change stamps its own `*_at`. */
export function stateChangeFor(
  view: NotificationView,
  next: StoredNotificationStatus,
  at: string,
  details: { dismissed_from?: string | undefined; click_action?: string | undefined },
): NonNullable<NotificationChange['state']> {
  switch (next) {
    case 'read':
      return { status: 'read', read_at: at };
    case 'clicked':
      return {
        status: 'clicked',
        clicked_at: at,
        ...(view.read_at ? {} : { read_at: at }),
        ...(details.click_action ? { click_action: details.click_action } : {}),
      };
    case 'dismissed':
      return {
        status: 'dismissed',
        dismissed_at: at,
        ...(details.dismissed_from ? { dismissed_from: details.dismissed_from } : {}),
      };
    default:
      return { status: next };
  }
}
