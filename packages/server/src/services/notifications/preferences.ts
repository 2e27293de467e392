import type { NotificationView, StoredPreferences } from '../../storage/types.js';

/**
 * A user's preferences: the apps, and the types within an app, they muted. Muting hides, it never
 * drops: muted notifications are stored, change state and reach their app as any other; the default
 * feed leaves them out and the counts count them apart.
 */

export function isMuted(
  view: Pick<NotificationView, 'app_id' | 'notification_type'>,
  preferences: StoredPreferences,
): boolean {
  return (
    preferences.muted_apps.includes(view.app_id) ||
    (preferences.muted_types[view.app_id]?.includes(view.notification_type) ?? false)
  );
}
