import type { z } from '@hono/zod-openapi';
import type { Preferences, PutPreferencesRequest } from '@oriva/contract';
import type { ServiceDeps } from '../../core/deps.js';
import type { NotificationView, StoredPreferences } from '../../storage/types.js';

/**
 * A user's preferences: the apps, and the types within an app, they muted. Muting hides, it never
 * drops: muted notifications are stored, change state and reach their app as any other; the default
 * feed leaves them out and the counts count them apart.
 */

export type PreferencesInput = z.output<typeof PutPreferencesRequest>;

export interface PreferencesResult {
  preferences: z.infer<typeof Preferences>;
  updated_at: string | null;
}

export async function getPreferences(deps: ServiceDeps, userId: string): Promise<PreferencesResult> {
  const { updated_at, ...preferences } = await deps.storage.preferences.get(userId);
  return { preferences, updated_at };
}

/**
 * Replaces the user's preferences. They are stored as a set: each list sorted without repeats, and an
 * app whose list of muted types is empty left out, so the same mutes always read back the same. The
 * storage counts the write as a change of the user's feed, so no cached page outlives it.
 */
export async function putPreferences(
  deps: ServiceDeps,
  userId: string,
  input: PreferencesInput,
): Promise<PreferencesResult & { updated_at: string }> {
  const at = new Date().toISOString();
  const preferences = {
    muted_apps: [...new Set(input.muted_apps)].sort(),
    muted_types: Object.fromEntries(
      Object.entries(input.muted_types)
        .filter(([, types]) => types.length > 0)
        .map(([appId, types]) => [appId, [...new Set(types)].sort()]),
    ),
  };
  await deps.storage.preferences.put(userId, preferences, at);
  return { preferences, updated_at: at };
}

export function isMuted(
  view: Pick<NotificationView, 'app_id' | 'notification_type'>,
  preferences: StoredPreferences,
): boolean {
  return (
    preferences.muted_apps.includes(view.app_id) ||
    (preferences.muted_types[view.app_id]?.includes(view.notification_type) ?? false)
  );
}
