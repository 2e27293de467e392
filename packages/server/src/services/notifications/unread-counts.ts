import type { z } from '@hono/zod-openapi';
import type { UnreadCounts } from '@oriva/contract';
import type { ServiceDeps } from '../../core/deps.js';
import type { StoredPreferences } from '../../storage/types.js';
import { isMuted } from './preferences.js';

export type UnreadCountsResult = z.infer<typeof UnreadCounts>;

/** A user's unread counts now, by their own preferences. */
export async function unreadCountsOf(deps: ServiceDeps, userId: string): Promise<UnreadCountsResult> {
  const at = new Date().toISOString();
  return unreadCounts(deps, userId, at, await deps.storage.preferences.get(userId));
}

/**
 * Unread, unexpired notifications as of `at`: those the user muted counted apart, the others in
 * total and per app.
 */
export async function unreadCounts(
  deps: ServiceDeps,
  userId: string,
  at: string,
  preferences: StoredPreferences,
): Promise<UnreadCountsResult> {
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
}
