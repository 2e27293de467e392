/**
 * The public input and output types every entry shares.
 *
 * @module
 */

/** The raw request body, exactly as received. Never an already-parsed object. */
export type RawBody = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/** A `Headers` instance (fetch, Hono, Next.js, Workers) or anything with a case-insensitive `get`. */
export interface HeadersGetter {
  get(name: string): string | null | undefined;
}

/** One header value as found in Node's `IncomingHttpHeaders` or a plain object. */
export type HeaderValue = string | readonly string[] | null | undefined;

/**
 * Request headers: a `Headers` instance, Node's `req.headers` (`IncomingHttpHeaders`), or a plain object
 * with header names in any case.
 */
export type HeadersInput = HeadersGetter | { readonly [name: string]: HeaderValue };

/** One secret (`whsec_...`) or several: any of them may have signed the delivery (rotation). */
export type Secrets = string | readonly string[];

/** Options of `verify()` and `verifyWebhookSignature()`. */
export interface VerifyOptions {
  /**
   * Largest accepted difference, in seconds, between the webhook's timestamp and now, in either direction.
   * Default 300 (five minutes). `Infinity` disables the check (not recommended: it allows replays).
   */
  toleranceSeconds?: number;
  /** The current time, for tests: a `Date` or epoch **milliseconds** (like `Date.now()`). Default: the clock. */
  now?: Date | number;
}

/** Input of `sign()`. */
export interface SignInput {
  /** The delivery id, sent as `webhook-id` (e.g. `msg_...`, `del_...`). Printable ASCII, no spaces or commas. */
  id: string;
  /** Unix time in **seconds** (or a `Date`), sent as `webhook-timestamp`. */
  timestamp: number | Date;
  /** The exact body that will be sent, as a string or bytes. */
  body: RawBody;
  /** The signing secret, `whsec_...`. */
  secret: string;
}

/** Input of `signatureHeaders()`. */
export interface SignatureHeadersInput {
  /** The delivery id, sent as `webhook-id`. Printable ASCII, no spaces or commas. */
  id: string;
  /** Unix time in **seconds** (or a `Date`). Default: now. */
  timestamp?: number | Date;
  /** The exact body that will be sent, as a string or bytes. */
  body: RawBody;
  /** One secret, or several during a rotation: one signature per secret. */
  secrets: Secrets;
}

/**
 * The headers to send with a signed delivery: Standard Webhooks headers plus Oriva's single header.
 * (A type alias, not an interface, so it is assignable to `Record<string, string>` and `HeadersInit`.)
 */
export type SignatureHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  'x-oriva-signature': string;
};
