import { matchesAnyEventPattern, qualifiedEventType } from '@oriva/contract/events';
import type { StoredEvent } from '../../storage/types.js';

/** Whose events a reader sees (an app's, a user's, or one user's of an app). */
export interface EventVisibility {
  app_id?: string | undefined;
  user_id?: string | undefined;
}

/**
 * Whether a reader with this scope and these patterns sees `event`: the one rule the stream and polling
 * consumers both apply, so a consumer switching between them sees the same events.
 */
export function isVisible(scope: EventVisibility, patterns: readonly string[], event: StoredEvent): boolean {
  if (scope.app_id !== undefined && event.app_id !== scope.app_id) return false;
  if (scope.user_id !== undefined && event.user_id !== scope.user_id) return false;
  return matchesAnyEventPattern(patterns, qualifiedEventType(event));
}
