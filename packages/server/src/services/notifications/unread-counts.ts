import type { z } from '@hono/zod-openapi';
import type { UnreadCounts } from '@oriva/contract';
import type { ServiceDeps } from '../../core/deps.js';
import type { StoredPreferences } from '../../storage/types.js';
import { isMuted } from './preferences.js';

export type UnreadCountsResult = z.infer<typeof UnreadCounts>;

/**
 * A user's unread counts now, by their own preferences; cached beside their feed pages, under the
 * same version and until the next expiry.
 */
export async function unreadCountsOf(deps: ServiceDeps, userId: string): Promise<UnreadCountsResult> {
  const at = new Date().toISOString();
  const lookup = await deps.feedCache.lookup(userId, COUNTS_KEY, at);
  deps.metrics.countCacheRequest('unread_count', lookup.result);
  if (lookup.result === 'hit') return JSON.parse(lookup.body) as UnreadCountsResult;
  const counts = await unreadCounts(deps, userId, at, await deps.storage.preferences.get(userId));
  if (lookup.result === 'miss' && lookup.ticket) {
    const validUntil = await deps.storage.notifications.nextFeedExpiry(userId, at);
    await deps.feedCache.store(lookup.ticket, JSON.stringify(counts), validUntil);
  }
  return counts;
}

/** Feed pages are keyed by their query's JSON (an object), so this key is never one of theirs. */
const COUNTS_KEY = 'unread-counts';

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
