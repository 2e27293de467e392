import { MAX_JSON_DEPTH } from '@oriva/contract';

/** What stands in for a value cut off below `MAX_JSON_DEPTH`. */
export const CUT_MARKER = `[cut: nested deeper than ${MAX_JSON_DEPTH} levels]`;

/**
 * Reads a stored free-form JSON column (`event_data`, `context_data`) for a response.
 *
 * Rows written before the contract limited nesting to `MAX_JSON_DEPTH` may nest thousands of levels
 * deep; `JSON.stringify` overflows the stack on those (near 4,000 levels) and the whole page would
 * answer 500. So what lies deeper than the limit is shown as `CUT_MARKER`: the page answers, the
 * shallow part of the data stays readable, and the row itself is left as stored.
 */
export function readStoredJson(text: string): Record<string, unknown> {
  const value = JSON.parse(text) as Record<string, unknown>;
  cutBelowLimit(value, 1);
  return value;
}

/** Replaces, in place, every object or array at `MAX_JSON_DEPTH` below `container`; recursion stays that shallow. */
function cutBelowLimit(container: object, depth: number): void {
  const items = container as Record<string, unknown>;
  for (const key in items) {
    const item = items[key];
    if (typeof item !== 'object' || item === null) continue;
    if (depth === MAX_JSON_DEPTH) items[key] = CUT_MARKER;
    else cutBelowLimit(item, depth + 1);
  }
}
