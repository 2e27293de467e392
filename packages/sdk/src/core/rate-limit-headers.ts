/**
 * Reads the server's rate-limit headers (IETF draft-ietf-httpapi-ratelimit-headers). Two shapes are
 * in use, and both are read:
 *
 *   drafts ≤ 07 (what the Oriva server sends)   drafts ≥ 08 (named policies, structured fields)
 *   RateLimit-Policy: 1000;w=900                RateLimit-Policy: "events";q=1000;w=900
 *   RateLimit: limit=1000, remaining=0, reset=812   RateLimit: "events";r=0;t=812
 *
 * A value that does not parse is left `null` rather than guessed.
 */
export interface RateLimitHeaders {
  /** Calls (or units, such as events in a batch) the window allows. */
  limit: number | null;
  /** The window's length in seconds. */
  window: number | null;
  /** Units left in the current window. */
  remaining: number | null;
  /** Seconds until the current window resets. */
  reset: number | null;
}

export function readRateLimitHeaders(headers: Headers): RateLimitHeaders {
  // Only the first policy is read: Oriva sends one per response, the limit of the route called.
  const policy = parameters((headers.get('ratelimit-policy') ?? '').split(',')[0] ?? '');
  const state = parameters(currentState(headers.get('ratelimit')), ',');
  return {
    limit: policy.bare ?? policy.q ?? state.limit ?? null,
    window: policy.w ?? null,
    remaining: state.remaining ?? state.r ?? null,
    reset: state.reset ?? state.t ?? null,
  };
}

/** Draft ≥ 08 lists one member per policy (`"a";r=1, "b";r=2`): the first; draft 07's is one dictionary, kept whole. */
function currentState(value: string | null): string {
  if (!value) return '';
  return value.trimStart().startsWith('"') ? (value.split(',')[0] ?? '') : value;
}

/** `1000;w=900` → `{ bare: 1000, w: 900 }`; `limit=5, remaining=0` → `{ limit: 5, remaining: 0 }`. */
function parameters(member: string, extraSeparator = ''): Record<string, number | undefined> {
  const found: Record<string, number | undefined> = {};
  const separators = new RegExp(`[;${extraSeparator}]`);
  for (const part of member.split(separators)) {
    const token = part.trim();
    const pair = /^([a-z][a-z0-9_-]*)\s*=\s*(\d+)$/i.exec(token);
    if (pair?.[1] && pair[2]) found[pair[1].toLowerCase()] = Number(pair[2]);
    else if (/^\d+$/.test(token)) found.bare ??= Number(token);
  }
  return found;
}
