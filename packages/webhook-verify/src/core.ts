/**
 * Runtime-neutral part of the verifier: header parsing, secret and body validation, timestamp checks,
 * error messages and header formatting. No crypto here: the Node entry (`index.ts`, node:crypto) and the
 * web entry (`web.ts`, WebCrypto) each bring their own HMAC and run the same steps around it.
 *
 * @module
 */

/** Prefix of every Oriva / Standard Webhooks signing secret. */
export const SECRET_PREFIX = 'whsec_';

/** Default accepted clock difference between the sender's timestamp and this server, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

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

// ---------------------------------------------------------------------------------------------------------------
// Public input types

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

// ---------------------------------------------------------------------------------------------------------------
// Body

/** Body bytes or text, normalised: strings stay strings, every binary form becomes a Uint8Array view. */
export type BodyData = string | Uint8Array;

const RAW_BODY_HELP =
  "Signatures cover the exact bytes that were sent, so pass the raw body, unparsed: in Express use express.raw({ type: 'application/json' }) on the webhook route (not express.json()) and pass req.body; in Hono pass await c.req.text(); with fetch/Next.js route handlers pass await request.text(); with node:http use readRawBody(req) from '@oriva/webhook-verify/http'.";

export function normalizeBody(rawBody: unknown): BodyData {
  if (typeof rawBody === 'string' || rawBody instanceof Uint8Array) return rawBody;
  if (rawBody instanceof ArrayBuffer) return new Uint8Array(rawBody);
  if (ArrayBuffer.isView(rawBody)) return new Uint8Array(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  throw new WebhookVerificationError('body_not_raw', `${describeBadBody(rawBody)} ${RAW_BODY_HELP}`);
}

function describeBadBody(rawBody: unknown): string {
  if (rawBody === undefined || rawBody === null) {
    return `The webhook body is ${rawBody === null ? 'null' : 'undefined'}: no body was read (in Express, express.raw() did not run for this route or its \`type\` did not match the request's Content-Type).`;
  }
  if (typeof rawBody === 'object') {
    const empty = Object.getPrototypeOf(rawBody) === Object.prototype && Object.keys(rawBody).length === 0;
    return empty
      ? 'The webhook body is an empty object: a body parser ran without reading this body (its `type` did not match the Content-Type), or the body was parsed already.'
      : 'The webhook body is an already-parsed object (e.g. from express.json() or a framework body parser), not the raw body.';
  }
  return `The webhook body must be a string, Buffer, Uint8Array or ArrayBuffer, but it is a ${typeof rawBody}.`;
}

/** Throws a TypeError for bodies given to the signing functions (a server-side programming error). */
export function normalizeBodyForSigning(body: unknown): BodyData {
  try {
    return normalizeBody(body);
  } catch {
    throw new TypeError(
      `Webhook body to sign must be the exact string or bytes that will be sent, got ${body === null ? 'null' : typeof body}. Serialise once (const body = JSON.stringify(event)), sign that string and send that same string.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets

/** Keeps the decoded form of recently used secrets; small because a receiver or sender uses a handful. */
export class KeyCache<K> {
  readonly #map = new Map<string, K>();
  constructor(private readonly limit = 64) {}
  get(secret: string): K | undefined {
    return this.#map.get(secret);
  }
  set(secret: string, key: K): K {
    if (this.#map.size >= this.limit) {
      const oldest = this.#map.keys().next();
      if (!oldest.done) this.#map.delete(oldest.value);
    }
    this.#map.set(secret, key);
    return key;
  }
  delete(secret: string): void {
    this.#map.delete(secret);
  }
}

export function secretList(secrets: unknown): readonly string[] {
  if (typeof secrets === 'string') return [secrets];
  if (Array.isArray(secrets)) {
    if (secrets.length === 0) {
      throw new WebhookVerificationError('invalid_secret', 'No webhook secret given: the list of secrets is empty.');
    }
    return secrets as readonly string[];
  }
  return [secrets as string]; // validateSecret explains what is wrong with it
}

const BASE64_BODY = /^(?:[A-Za-z0-9+/]+|[A-Za-z0-9_-]+)={0,2}$/;

/**
 * Validates a `whsec_` secret and returns its base64 part. Called only when a secret is not cached yet.
 * Error messages describe the problem without revealing the secret.
 */
export function validateSecret(secret: unknown, position?: number): string {
  const which = position === undefined ? 'The webhook secret' : `Webhook secret #${position + 1}`;
  if (typeof secret !== 'string') {
    const hint =
      secret === undefined
        ? ' Is the environment variable holding it (e.g. ORIVA_WEBHOOK_SECRET) set and loaded?'
        : ' Pass the secret string (whsec_...), or an array of them.';
    throw new WebhookVerificationError(
      'invalid_secret',
      `${which} is ${secret === null ? 'null' : typeof secret}, expected a string starting with "whsec_".${hint}`,
    );
  }
  if (secret.length === 0) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `${which} is an empty string. Is the environment variable holding it (e.g. ORIVA_WEBHOOK_SECRET) set?`,
    );
  }
  if (secret.trim() !== secret) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `${which} has leading or trailing whitespace (often a newline from a .env file or a copy-paste). Remove it, e.g. secret.trim().`,
    );
  }
  if (/^["'`]/.test(secret)) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `${which} starts with a quote character: the quotes around the value in a .env or config file became part of it. Remove them.`,
    );
  }
  if (!secret.startsWith(SECRET_PREFIX)) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `${which} does not start with "whsec_" (it is ${secret.length} characters long). Use the complete signing secret shown by Oriva for this webhook endpoint, including the "whsec_" prefix; API keys and other tokens are not webhook secrets.`,
    );
  }
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (encoded.length === 0 || !BASE64_BODY.test(encoded) || encoded.replace(/=+$/, '').length % 4 === 1) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `${which} is not valid: the part after "whsec_" must be base64 (A-Z, a-z, 0-9, "+", "/", optional "=" padding). Was it truncated or altered when copied?`,
    );
  }
  return encoded;
}

// ---------------------------------------------------------------------------------------------------------------
// Headers

/** What the signature headers say, whichever format they came in. */
export interface SignedRequest {
  id: string;
  /** Unix seconds. */
  timestamp: number;
  /** Candidate `v1` signatures (base64 of 32 bytes), in header order. */
  signatures: string[];
  /** How many entries were skipped because of another version (`v1a`, `v2`, ...) or a malformed value. */
  ignored: number;
  /** Which header the values came from, for messages. */
  source: 'webhook-signature' | 'X-Oriva-Signature';
}

function headerValue(headers: HeadersInput, name: string, join: string): string | undefined {
  let value: unknown;
  if (typeof (headers as HeadersGetter).get === 'function') {
    value = (headers as HeadersGetter).get(name);
  } else {
    const record = headers as { readonly [name: string]: HeaderValue };
    value = record[name];
    if (value === undefined) {
      for (const key in record) {
        if (key.length === name.length && key.toLowerCase() === name) {
          value = record[key];
          break;
        }
      }
    }
  }
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.join(join);
  return undefined;
}

function checkHeaders(headers: unknown): asserts headers is HeadersInput {
  if (typeof headers !== 'object' || headers === null) {
    throw new WebhookVerificationError(
      'missing_header',
      `Expected the request headers (req.headers, c.req.raw.headers or a Headers instance), got ${headers === null ? 'null' : typeof headers}.${typeof headers === 'string' ? ' To verify a single X-Oriva-Signature header value, use verifyWebhookSignature(rawBody, signatureHeader, secret).' : ''}`,
    );
  }
}

// base64 of 32 bytes: 43 significant characters plus optional padding, standard or URL-safe alphabet. The last
// character carries 2 unused bits, which must be zero (canonical), so no two strings decode to the same signature.
const V1_SIGNATURE = /^[A-Za-z0-9+/_-]{42}[AEIMQUYcgkosw048]=?$/;

/**
 * Reads `webhook-id`, `webhook-timestamp` and `webhook-signature`; when none of the three is present but
 * `X-Oriva-Signature` is, reads that instead.
 */
export function readSignatureHeaders(headers: unknown): SignedRequest {
  checkHeaders(headers);
  const id = headerValue(headers, 'webhook-id', ',');
  const timestamp = headerValue(headers, 'webhook-timestamp', ',');
  const signature = headerValue(headers, 'webhook-signature', ' ');
  if (id === undefined && timestamp === undefined && signature === undefined) {
    const oriva = headerValue(headers, 'x-oriva-signature', ',');
    if (oriva !== undefined) return parseOrivaSignature(oriva);
    throw new WebhookVerificationError(
      'missing_header',
      'Missing signature headers: none of webhook-id, webhook-timestamp, webhook-signature or X-Oriva-Signature is present. Is this request from Oriva, and does every proxy in front of this server forward these headers?',
    );
  }
  if (id === undefined || timestamp === undefined || signature === undefined) {
    const missing = [
      id === undefined && 'webhook-id',
      timestamp === undefined && 'webhook-timestamp',
      signature === undefined && 'webhook-signature',
    ].filter(Boolean);
    throw new WebhookVerificationError(
      'missing_header',
      `Missing ${missing.join(' and ')} header${missing.length > 1 ? 's' : ''}: a signed webhook has all of webhook-id, webhook-timestamp and webhook-signature.`,
    );
  }
  const parsed: SignedRequest = {
    id: requireId(id, 'webhook-id'),
    timestamp: parseTimestamp(timestamp, 'webhook-timestamp'),
    signatures: [],
    ignored: 0,
    source: 'webhook-signature',
  };
  // "v1,<sig> v1,<sig>"; Node joins repeated header lines with ", ", hence the trailing-comma trim.
  for (const entry of signature.split(' ')) {
    if (entry === '') continue;
    const comma = entry.indexOf(',');
    const version = comma === -1 ? entry : entry.slice(0, comma);
    let value = comma === -1 ? '' : entry.slice(comma + 1);
    if (value.endsWith(',')) value = value.slice(0, -1);
    addCandidate(parsed, version, value);
  }
  return parsed;
}

/**
 * Parses `X-Oriva-Signature: t=<unix seconds>,id=<webhook id>,v1=<base64>[,v1=<base64>...]`.
 * Unknown keys (other signature versions) are ignored.
 */
export function parseOrivaSignature(header: unknown): SignedRequest {
  if (Array.isArray(header) && header.length > 0 && header.every((h) => typeof h === 'string')) {
    header = header.join(',');
  }
  if (header === undefined || header === null || header === '') {
    throw new WebhookVerificationError(
      'missing_header',
      `Missing X-Oriva-Signature header (got ${header === '' ? 'an empty string' : String(header)}). Read it with req.get('x-oriva-signature') in Express, c.req.header('x-oriva-signature') in Hono or request.headers.get('x-oriva-signature'). Is this request from Oriva, and does every proxy forward the header?`,
    );
  }
  if (typeof header !== 'string') {
    // Not something a request can send (Node gives header values as strings): the caller passed the wrong thing.
    throw new TypeError(
      `Expected the X-Oriva-Signature header value (a string), got ${typeof header}. To verify from a headers object use verify(rawBody, headers, secret) instead.`,
    );
  }
  let t: string | undefined;
  let id: string | undefined;
  const versions: Array<[string, string]> = [];
  for (const rawPart of header.split(',')) {
    const part = rawPart.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      const hint = /^v\d+[a-z]*$/.test(part)
        ? ' It looks like a webhook-signature value ("v1,<sig>"): verify those with verify(rawBody, headers, secret).'
        : '';
      throw new WebhookVerificationError(
        'invalid_header',
        `Malformed X-Oriva-Signature header: expected "t=<timestamp>,id=<webhook id>,v1=<signature>" but found the entry "${truncate(part)}".${hint}`,
      );
    }
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' || key === 'id') {
      if ((key === 't' ? t : id) !== undefined) {
        throw new WebhookVerificationError(
          'invalid_header',
          `Malformed X-Oriva-Signature header: "${key}=" appears twice.`,
        );
      }
      if (key === 't') t = value;
      else id = value;
    } else {
      versions.push([key, value]);
    }
  }
  if (t === undefined || id === undefined) {
    const absent = [t === undefined && '"t=<timestamp>"', id === undefined && '"id=<webhook id>"'].filter(Boolean);
    throw new WebhookVerificationError(
      'invalid_header',
      `Malformed X-Oriva-Signature header: ${absent.join(' and ')} missing. Expected "t=<timestamp>,id=<webhook id>,v1=<signature>".`,
    );
  }
  const parsed: SignedRequest = {
    id: requireId(id, 'X-Oriva-Signature id'),
    timestamp: parseTimestamp(t, 'X-Oriva-Signature t'),
    signatures: [],
    ignored: 0,
    source: 'X-Oriva-Signature',
  };
  for (const [version, value] of versions) addCandidate(parsed, version, value);
  return parsed;
}

function addCandidate(parsed: SignedRequest, version: string, value: string): void {
  if (version === 'v1' && V1_SIGNATURE.test(value)) parsed.signatures.push(value);
  else parsed.ignored++;
}

function requireId(id: string, name: string): string {
  if (id === '') throw new WebhookVerificationError('invalid_header', `The ${name} header is empty.`);
  return id;
}

function parseTimestamp(value: string, name: string): number {
  const trimmed = value.trim();
  if (!/^\d{1,15}$/.test(trimmed)) {
    const hint = /^\d{4}-\d\d-\d\d/.test(trimmed)
      ? ' It looks like a date string; it must be Unix time in seconds.'
      : '';
    throw new WebhookVerificationError(
      'invalid_header',
      `The ${name} value "${truncate(trimmed)}" is not a Unix timestamp in seconds.${hint}`,
    );
  }
  return Number(trimmed);
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}...` : value;
}

// ---------------------------------------------------------------------------------------------------------------
// Timestamp

export function checkTimestamp(timestamp: number, options: VerifyOptions | undefined): void {
  const tolerance = options?.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || Number.isNaN(tolerance) || tolerance < 0) {
    throw new TypeError(`toleranceSeconds must be a non-negative number of seconds, got ${String(tolerance)}.`);
  }
  if (tolerance === Number.POSITIVE_INFINITY) return;
  const nowOption = options?.now;
  const nowMs = nowOption === undefined ? Date.now() : typeof nowOption === 'number' ? nowOption : nowOption.getTime();
  if (!Number.isFinite(nowMs)) throw new TypeError(`options.now is not a valid time: ${String(nowOption)}.`);
  const now = Math.floor(nowMs / 1000);
  const age = now - timestamp;
  if (age <= tolerance && -age <= tolerance) return;
  const at = `webhook timestamp ${timestamp} = ${isoSeconds(timestamp)}, now ${now} = ${isoSeconds(now)}`;
  const nowHint =
    typeof nowOption === 'number' && nowOption < 1e11
      ? ' options.now looks like seconds; it must be milliseconds, like Date.now().'
      : '';
  if (age > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `Webhook timestamp is too old: ${formatDuration(age)} in the past, the tolerance is ${formatDuration(tolerance)} (${at}). This is a replayed or long-delayed delivery, or this server's clock is ahead; check that it is synchronised (NTP).${nowHint}`,
    );
  }
  throw new WebhookVerificationError(
    'timestamp_too_new',
    `Webhook timestamp is too new: ${formatDuration(-age)} in the future, the tolerance is ${formatDuration(tolerance)} (${at}). One of the clocks is wrong; check that this server's clock is synchronised (NTP).${nowHint}`,
  );
}

function formatDuration(seconds: number): string {
  if (seconds < 3600) return `${seconds} s`;
  if (seconds < 172800) return `${seconds} s = ${(seconds / 3600).toFixed(1)} h`;
  return `${seconds} s = ${Math.round(seconds / 86400)} days`;
}

function isoSeconds(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? 'invalid date' : date.toISOString().replace('.000Z', 'Z');
}

// ---------------------------------------------------------------------------------------------------------------
// Result

/** The codes that say the request is not a fresh, signed Oriva delivery, as opposed to a mistake in the receiver. */
const REQUEST_REJECTIONS: ReadonlySet<WebhookErrorCode> = new Set<WebhookErrorCode>([
  'missing_header',
  'invalid_header',
  'invalid_signature',
  'timestamp_too_old',
  'timestamp_too_new',
]);

/**
 * The boolean form's rule (`verifyWebhookSignature`): a request that fails verification is `false`, whatever the
 * reason; anything else (a missing or malformed secret, a parsed body, bad options) is the receiver's own
 * programming error and is rethrown, so it surfaces instead of turning every delivery into a quiet 401.
 */
export function falseOrRethrow(error: unknown): false {
  if (error instanceof WebhookVerificationError && REQUEST_REJECTIONS.has(error.code)) return false;
  throw error;
}

export function noMatchError(parsed: SignedRequest, secretCount: number): WebhookVerificationError {
  if (parsed.signatures.length === 0) {
    return new WebhookVerificationError(
      'invalid_signature',
      `The ${parsed.source} header contains no v1 signature${parsed.ignored > 0 ? ` (${parsed.ignored} entr${parsed.ignored === 1 ? 'y' : 'ies'} of another version or malformed)` : ''}. Expected ${parsed.source === 'webhook-signature' ? '"v1,<base64 signature>"' : '"t=<timestamp>,id=<webhook id>,v1=<base64 signature>"'}.`,
    );
  }
  const sigs = parsed.signatures.length;
  return new WebhookVerificationError(
    'invalid_signature',
    `Invalid webhook signature: none of the ${sigs} v1 signature${sigs === 1 ? '' : 's'} matches the ${secretCount === 1 ? 'secret' : `${secretCount} secrets`}. Usual causes: the wrong secret (each webhook endpoint has its own whsec_ secret), a body changed before verification (parsed and re-serialised JSON, altered whitespace or encoding: pass the raw bytes), or a request not sent by Oriva.`,
  );
}

export function parseJson<T>(text: string): T {
  if (text.length === 0) {
    throw new WebhookVerificationError('invalid_json', 'The webhook signature is valid but the body is empty.');
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new WebhookVerificationError(
      'invalid_json',
      `The webhook signature is valid but the body is not JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** The signed content before the body: `${id}.${timestamp}.` */
export function signedPrefix(id: string, timestamp: number): string {
  return `${id}.${timestamp}.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Signing

const ID_PATTERN = /^[\x21-\x2b\x2d-\x7e]+$/; // printable ASCII except space and comma

export function checkSignInput(id: unknown, timestamp: unknown): number {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new TypeError(
      `Webhook id must be a non-empty string of printable ASCII without spaces or commas, got ${typeof id === 'string' ? JSON.stringify(truncate(id)) : typeof id}.`,
    );
  }
  return unixSeconds(timestamp);
}

export function unixSeconds(timestamp: unknown): number {
  if (timestamp === undefined) return Math.floor(Date.now() / 1000);
  if (timestamp instanceof Date) {
    const ms = timestamp.getTime();
    if (Number.isNaN(ms)) throw new TypeError('Webhook timestamp is an invalid Date.');
    return Math.floor(ms / 1000);
  }
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError(
      `Webhook timestamp must be a non-negative integer of Unix seconds or a Date, got ${String(timestamp)}.`,
    );
  }
  if (timestamp > 1e11) {
    throw new TypeError(
      `Webhook timestamp ${timestamp} looks like milliseconds; it must be Unix seconds: Math.floor(Date.now() / 1000).`,
    );
  }
  return timestamp;
}

export function formatHeaders(id: string, timestamp: number, signatures: readonly string[]): SignatureHeaders {
  let standard = '';
  let oriva = `t=${timestamp},id=${id}`;
  for (const signature of signatures) {
    standard += standard === '' ? `v1,${signature}` : ` v1,${signature}`;
    oriva += `,v1=${signature}`;
  }
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': standard,
    'x-oriva-signature': oriva,
  };
}

export function checkSecretByteLength(bytes: number): void {
  if (!Number.isInteger(bytes) || bytes < 16 || bytes > 128) {
    throw new TypeError(`Secret length must be an integer number of bytes between 16 and 128, got ${String(bytes)}.`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Portable base64 and comparison (used by the web entry; the Node entry uses Buffer and timingSafeEqual)

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
DECODE['-'.charCodeAt(0)] = 62;
DECODE['_'.charCodeAt(0)] = 63;

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}${ALPHABET[(n >> 6) & 63]!}=`;
  }
  return out;
}

/** Decodes standard or URL-safe base64, padding optional. Input must already be validated. */
export function base64Decode(text: string): Uint8Array<ArrayBuffer> {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--; // '='
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    value = ((value << 6) | (DECODE[text.charCodeAt(i) & 127] ?? 0)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out;
}

/** Compares two byte arrays in time that depends only on their lengths. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
