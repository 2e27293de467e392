/**
 * `@oriva/webhook-verify`, web entry (WebCrypto): Cloudflare Workers, Deno, Bun, browsers, Next.js edge,
 * Vercel edge functions, and Node too. Same functions as the Node entry, but WebCrypto is asynchronous,
 * so `verify`, `verifyWebhookSignature`, `sign` and `signatureHeaders` return Promises: always `await`
 * them, or an unverified webhook slips through as a pending Promise.
 *
 * Selected automatically by the package's export conditions when the `node` condition is absent, or
 * explicitly with `import ... from '@oriva/webhook-verify/web'`.
 *
 * @module
 */
import { type BodyData, normalizeBody, normalizeBodyForSigning } from './core/body.js';
import { parseOrivaSignature, readSignatureHeaders, type SignedRequest } from './core/headers.js';
import { base64Decode, base64Encode, constantTimeEqual } from './core/portable-bytes.js';
import { falseOrRethrow, noMatchError, parseJson } from './core/result.js';
import { checkSecretByteLength, KeyCache, SECRET_PREFIX, secretList, validateSecret } from './core/secrets.js';
import { checkSignInput, formatHeaders, signedPrefix } from './core/signing.js';
import { checkTimestamp } from './core/timestamp.js';
import type {
  HeadersInput,
  RawBody,
  Secrets,
  SignatureHeaders,
  SignatureHeadersInput,
  SignInput,
  VerifyOptions,
} from './core/types.js';
import { type RequestLike, readRequestBody } from './request.js';

export * from './shared-exports.js';
export * from './web-ed25519.js';

function webCrypto(): Crypto {
  const crypto = globalThis.crypto;
  if (crypto?.subtle === undefined) {
    throw new Error(
      'WebCrypto (globalThis.crypto.subtle) is not available in this runtime. In Node, import the Node entry of @oriva/webhook-verify; in browsers, use a secure context (https).',
    );
  }
  return crypto;
}

// Imported CryptoKeys by secret string: importKey is async and relatively slow, so do it once per secret.
const keys = new KeyCache<Promise<CryptoKey>>();

function keyFor(secret: string, position?: number): Promise<CryptoKey> {
  const cached = keys.get(secret);
  if (cached !== undefined) return cached;
  const raw = base64Decode(validateSecret(secret, position));
  const key = webCrypto().subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  key.catch(() => keys.delete(secret));
  return keys.set(secret, key);
}

function keysFor(secrets: Secrets): Promise<CryptoKey>[] {
  const list = secretList(secrets);
  return list.map((secret, i) => keyFor(secret, list.length > 1 ? i : undefined));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function signedBytes(prefix: string, body: BodyData): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return encoder.encode(prefix + body);
  const head = encoder.encode(prefix);
  const data = new Uint8Array(head.length + body.length);
  data.set(head);
  data.set(body, head.length);
  return data;
}

async function hmac(key: Promise<CryptoKey>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await webCrypto().subtle.sign('HMAC', await key, data));
}

/** Whether any `v1` signature in the header is the HMAC of the body under any of the keys. */
async function signatureMatches(
  body: BodyData,
  keyList: Promise<CryptoKey>[],
  parsed: SignedRequest,
): Promise<boolean> {
  if (parsed.signatures.length === 0) return false;
  const data = signedBytes(signedPrefix(parsed.id, parsed.timestamp), body);
  const candidates = parsed.signatures.map(base64Decode);
  for (const key of keyList) {
    const expected = await hmac(key, data);
    let matched = false;
    // Compare against every candidate without an early exit, each comparison in constant time.
    for (const candidate of candidates) matched = constantTimeEqual(expected, candidate) || matched;
    if (matched) return true;
  }
  return false;
}

async function check<T>(
  body: BodyData,
  keyList: Promise<CryptoKey>[],
  parsed: SignedRequest,
  options?: VerifyOptions,
): Promise<T> {
  checkTimestamp(parsed.timestamp, options);
  if (await signatureMatches(body, keyList, parsed)) {
    return parseJson<T>(typeof body === 'string' ? body : decoder.decode(body));
  }
  throw noMatchError(parsed, keyList.length);
}

/**
 * Verifies a webhook signed with the Standard Webhooks headers (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), or with `X-Oriva-Signature` when those are absent, and resolves to the parsed JSON
 * body. **Async** in this (web) entry: always `await` it.
 *
 * @param rawBody The raw request body exactly as received (string, Uint8Array or ArrayBuffer), never a parsed object.
 * @param headers A `Headers` instance or a plain object (header names in any case).
 * @param secrets The endpoint's `whsec_...` secret, or several during a rotation (any may match).
 * @param options `toleranceSeconds` (default 300) and `now` (for tests).
 * @throws {WebhookVerificationError} (as a rejection) with a `code` and a diagnostic message.
 *
 * @example
 * ```ts
 * // Cloudflare Worker
 * import { verify } from '@oriva/webhook-verify';
 *
 * export default {
 *   async fetch(request: Request, env: { ORIVA_WEBHOOK_SECRET: string }) {
 *     const event = await verify(await request.text(), request.headers, env.ORIVA_WEBHOOK_SECRET);
 *     return new Response(null, { status: 204 });
 *   },
 * };
 * ```
 */
export async function verify<T = unknown>(
  rawBody: RawBody,
  headers: HeadersInput,
  secrets: Secrets,
  options?: VerifyOptions,
): Promise<T> {
  const body = normalizeBody(rawBody);
  const keyList = keysFor(secrets);
  return check<T>(body, keyList, readSignatureHeaders(headers), options);
}

/**
 * Checks Oriva's single `X-Oriva-Signature: t=<unix seconds>,id=<webhook id>,v1=<base64>` header against the raw
 * body and resolves to `true` when it verifies, `false` for anything a request can get wrong (a missing or malformed
 * header, the wrong secret, a changed body, an expired timestamp). **Async** in this (web) entry: always `await` it,
 * since a pending Promise is truthy. {@link verify} is the throwing form that returns the parsed event.
 *
 * @throws {WebhookVerificationError} (as a rejection) only for the receiver's own mistakes: `invalid_secret` and
 *   `body_not_raw`; a `TypeError` for a signature argument that is not a header value, or bad options.
 *
 * @example
 * ```ts
 * const body = await c.req.text();
 * if (!(await verifyWebhookSignature(body, c.req.header('x-oriva-signature'), secret))) {
 *   return c.json({ error: 'Invalid signature' }, 401);
 * }
 * const event = JSON.parse(body);
 * ```
 */
export async function verifyWebhookSignature(
  rawBody: RawBody,
  signature: string | readonly string[] | null | undefined,
  secrets: Secrets,
  options?: VerifyOptions,
): Promise<boolean> {
  const body = normalizeBody(rawBody);
  const keyList = keysFor(secrets);
  try {
    const parsed = parseOrivaSignature(signature);
    checkTimestamp(parsed.timestamp, options);
    return await signatureMatches(body, keyList, parsed);
  } catch (error) {
    return falseOrRethrow(error);
  }
}

/**
 * Reads a fetch `Request` and verifies it like {@link verify}. The body is consumed; use the returned event.
 *
 * @example
 * ```ts
 * // Next.js route handler on the edge runtime
 * export const runtime = 'edge';
 * export async function POST(request: Request) {
 *   const event = await verifyRequest(request, process.env.ORIVA_WEBHOOK_SECRET!);
 *   return new Response(null, { status: 204 });
 * }
 * ```
 */
export async function verifyRequest<T = unknown>(
  request: RequestLike,
  secrets: Secrets,
  options?: VerifyOptions,
): Promise<T> {
  const body = await readRequestBody(request);
  return verify<T>(body, request.headers, secrets, options);
}

/**
 * Computes the Standard Webhooks signature `v1,<base64 HMAC-SHA256>` of `${id}.${timestamp}.${body}`.
 * **Async** in this (web) entry.
 *
 * @example
 * ```ts
 * await sign({ id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}',
 *   secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
 * // 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
 * ```
 */
export async function sign({ id, timestamp, body, secret }: SignInput): Promise<string> {
  if (timestamp === undefined) throw new TypeError('sign() needs a timestamp (Unix seconds or a Date).');
  const seconds = checkSignInput(id, timestamp);
  const data = signedBytes(signedPrefix(id, seconds), normalizeBodyForSigning(body));
  return `v1,${base64Encode(await hmac(keyFor(secret), data))}`;
}

/**
 * Signs one delivery with one or several secrets and resolves to the headers to send (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`, `x-oriva-signature`). **Async** in this (web) entry.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(event);
 * const headers = await signatureHeaders({ id: 'msg_123', body, secrets: env.WEBHOOK_SECRET });
 * await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
 * ```
 */
export async function signatureHeaders({
  id,
  timestamp,
  body,
  secrets,
}: SignatureHeadersInput): Promise<SignatureHeaders> {
  const seconds = checkSignInput(id, timestamp);
  const data = signedBytes(signedPrefix(id, seconds), normalizeBodyForSigning(body));
  const macs = await Promise.all(keysFor(secrets).map((key) => hmac(key, data)));
  return formatHeaders(id, seconds, macs.map(base64Encode));
}

/**
 * Creates a new signing secret: `whsec_` + base64 of 32 random bytes (or `bytes`, 16 to 128).
 * Synchronous in both entries.
 *
 * @example
 * ```ts
 * generateSecret(); // 'whsec_3q2+7wX...'
 * ```
 */
export function generateSecret(bytes = 32): string {
  checkSecretByteLength(bytes);
  return SECRET_PREFIX + base64Encode(webCrypto().getRandomValues(new Uint8Array(bytes)));
}
