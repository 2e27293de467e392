/**
 * The one error class, its codes and the HTTP status each maps to, and the response the adapters send.
 *
 * @module
 */

/** Stable machine-readable reason of a {@link WebhookVerificationError}. */
export type WebhookErrorCode =
  /** A signature header (`webhook-id`, `webhook-timestamp`, `webhook-signature` or `X-Oriva-Signature`) is absent. */
  | 'missing_header'
  /** A signature header is present but malformed (non-numeric timestamp, unparsable `X-Oriva-Signature`, ...). */
  | 'invalid_header'
  /** No `v1` signature in the header matches any of the secrets. */
  | 'invalid_signature'
  /** The timestamp is older than the tolerance allows (replay, long delay, or a slow clock here). */
  | 'timestamp_too_old'
  /** The timestamp is further in the future than the tolerance allows (a clock is wrong). */
  | 'timestamp_too_new'
  /** The secret passed to the verifier is unusable (missing, whitespace, no `whsec_` prefix, not base64). */
  | 'invalid_secret'
  /** The body is not the raw request body (an already-parsed object, `undefined`, ...). */
  | 'body_not_raw'
  /** The body is larger than the configured limit (adapters that read the body themselves). */
  | 'body_too_large'
  /** The signature is valid but the body is not JSON. */
  | 'invalid_json';

const STATUS: Record<WebhookErrorCode, number> = {
  missing_header: 401,
  invalid_header: 401,
  invalid_signature: 401,
  timestamp_too_old: 401,
  timestamp_too_new: 401,
  invalid_secret: 500,
  body_not_raw: 500,
  body_too_large: 413,
  invalid_json: 400,
};

const BRAND = Symbol.for('@oriva/webhook-verify:WebhookVerificationError');

/**
 * The one error every verification function throws (or rejects with, in the web entry).
 * `code` is stable and safe to branch on; `message` explains the likely mistake and how to fix it.
 * It never contains the secret.
 *
 * `instanceof` works across the ESM/CJS builds and the node/web entries (the class checks a brand,
 * not its identity), so mixing `import` and `require` does not break error handling.
 *
 * @example
 * ```ts
 * try {
 *   event = verify(req.body, req.headers, secret);
 * } catch (err) {
 *   if (err instanceof WebhookVerificationError) return res.status(err.status).json({ error: err.code });
 *   throw err;
 * }
 * ```
 */
export class WebhookVerificationError extends Error {
  /** Stable reason, see {@link WebhookErrorCode}. */
  readonly code: WebhookErrorCode;
  /**
   * The HTTP status a receiver should answer with: 401 for signature/header/timestamp problems,
   * 400 for a non-JSON body, 413 for a body over the limit, 500 for receiver misconfiguration
   * (`invalid_secret`, `body_not_raw`), so Oriva retries once the receiver is fixed.
   */
  readonly status: number;

  constructor(code: WebhookErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookVerificationError';
    this.code = code;
    this.status = STATUS[code];
    Object.defineProperty(this, BRAND, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/**
 * Type guard equivalent to `error instanceof WebhookVerificationError`.
 *
 * @example
 * ```ts
 * if (isWebhookVerificationError(err) && err.code === 'timestamp_too_old') console.warn('replayed webhook');
 * ```
 */
export function isWebhookVerificationError(error: unknown): error is WebhookVerificationError {
  return error instanceof WebhookVerificationError;
}

/** JSON body the adapters answer with when verification fails: the same envelope as the Oriva API. */
export interface WebhookErrorBody {
  success: false;
  error: { code: string; message: string };
}

/**
 * Converts any error thrown by a verifier into `{ status, body }` for an HTTP response, as the adapters answer.
 * Errors other than {@link WebhookVerificationError} become a 500 without details.
 *
 * @example
 * ```ts
 * try {
 *   event = await verify(body, request.headers, secret);
 * } catch (error) {
 *   const { status, body } = errorResponse(error);
 *   return Response.json(body, { status });
 * }
 * ```
 */
export function errorResponse(error: unknown): { status: number; body: WebhookErrorBody } {
  if (error instanceof WebhookVerificationError) {
    return { status: error.status, body: { success: false, error: { code: error.code, message: error.message } } };
  }
  return {
    status: 500,
    body: { success: false, error: { code: 'internal_error', message: 'Webhook verification failed unexpectedly' } },
  };
}
