/**
 * Headers to send. A `null` or `undefined` value removes a header the SDK would otherwise send.
 * Names are case-insensitive.
 */
export type HeadersRecord = Record<string, string | null | undefined>;

/** Per-call options, the last argument of every method. Each overrides the client's setting for this call only. */
export interface RequestOptions {
  /** Extra headers for this call; they override the client's `defaultHeaders` and the SDK's own. */
  headers?: HeadersRecord | undefined;
  /** Milliseconds one attempt may take (connecting, waiting and reading the body) before it is abandoned. */
  timeout?: number | undefined;
  /** Abort the call, including any wait between retries. An aborted call rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** How many times to retry a retryable failure (0 disables retries). */
  maxRetries?: number | undefined;
  /**
   * The longest server-requested wait (`Retry-After`, in milliseconds) to sleep through before a
   * retry. When the server asks for longer, the call fails at once: a 429 as `RateLimitError`, whose
   * `retryAfter` says when to come back. 0 never waits for the server; `Infinity` always does.
   */
  maxRetryWait?: number | undefined;
  /**
   * The `Idempotency-Key` for this POST. By default every POST gets a fresh random key that all of
   * its retries reuse; pass your own to make a call safe to repeat across process restarts.
   */
  idempotencyKey?: string | undefined;
}

/** Options of app-scoped calls (`/apps/{appId}/…`), which also take the app. */
export interface AppRequestOptions extends RequestOptions {
  /** The app to act on, instead of the client's `appId`. */
  appId?: string | undefined;
}

/** Options of user-scoped calls (`/users/{userId}/…`), which also take the user. */
export interface UserRequestOptions extends RequestOptions {
  /**
   * The user to act on, instead of the client's `userId` (by default the `sub` of its user token).
   * Meant for the admin token; a user token may only act on its own user.
   */
  userId?: string | undefined;
}

/** The transport: `globalThis.fetch` or anything shaped like it (undici, a test double). */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;
