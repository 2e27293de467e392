/**
 * Event-type patterns, the one rule webhook subscriptions, stream filters and `oriva listen --forward`
 * all follow: everything (`*`), one category (`notification.*`) or one qualified type
 * (`notification.dismissed`).
 */

/** What a pattern may look like; the contract's `WebhookEventPattern` and the CLI both check with it. */
export const EVENT_PATTERN = /^(\*|[a-z][a-z0-9_-]{0,63}\.(\*|[a-z][a-z0-9_-]{0,63}))$/;

/** Whether `pattern` selects the qualified `type` (`<category>.<type>`). */
export function matchesEventPattern(pattern: string, type: string): boolean {
  if (pattern === '*' || pattern === type) return true;
  return pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1));
}

/** Whether any of `patterns` selects `type`. */
export function matchesAnyEventPattern(patterns: readonly string[], type: string): boolean {
  for (const pattern of patterns) if (matchesEventPattern(pattern, type)) return true;
  return false;
}
