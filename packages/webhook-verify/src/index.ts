/**
 * `@oriva/webhook-verify`, Node entry (node:crypto). Every function here is synchronous except
 * `verifyRequest`, which has to read a fetch `Request` body. The web entry (`@oriva/webhook-verify/web`,
 * selected automatically in Workers, browsers and edge runtimes by the package's export conditions) has the same
 * functions returning Promises.
 *
 * @module
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type BodyData, normalizeBody, normalizeBodyForSigning } from './core/body.js';
import { parseOrivaSignature, readSignatureHeaders, type SignedRequest } from './core/headers.js';
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
import { type HmacKey, hmac, hmacKey } from './node-hmac.js';
import { type RequestLike, readRequestBody } from './request.js';

export * from './ed25519.js';
export * from './shared-exports.js';

// Decoded keys by secret string: parsing and validating a secret happens once, not per request.
const keys = new KeyCache<HmacKey>();

function keyFor(secret: string, position?: number): HmacKey {
  const cached = keys.get(secret);
  if (cached !== undefined) return cached;
  return keys.set(secret, hmacKey(Buffer.from(validateSecret(secret, position), 'base64')));
}

function keysFor(secrets: Secrets): HmacKey[] {
  if (typeof secrets === 'string') return [keyFor(secrets)];
  const list = secretList(secrets);
  const result: HmacKey[] = [];
  for (let i = 0; i < list.length; i++) result.push(keyFor(list[i]!, list.length > 1 ? i : undefined));
  return result;
}

// Fixed buffers for the comparison: the expected digest and one decoded candidate signature (32 bytes each).
const expectedBytes = Buffer.alloc(32);
const candidateBytes = Buffer.alloc(32);

function bodyText(body: BodyData): string {
  if (typeof body === 'string') return body;
  return (Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength)).toString('utf8');
}

/** Whether any `v1` signature in the header is the HMAC of the body under any of the keys. */
function signatureMatches(body: BodyData, keyList: HmacKey[], parsed: SignedRequest): boolean {
  const signatures = parsed.signatures;
  if (signatures.length === 0) return false;
  const prefix = signedPrefix(parsed.id, parsed.timestamp);
  for (const key of keyList) {
    expectedBytes.write(hmac(key, prefix, body, 'latin1'), 'latin1');
    for (const signature of signatures) {
      // Candidates were checked to be canonical base64 of exactly 32 bytes (readSignatureHeaders).
      candidateBytes.write(signature, 'base64');
      if (timingSafeEqual(expectedBytes, candidateBytes)) return true;
    }
  }
  return false;
}

function check<T>(body: BodyData, keyList: HmacKey[], parsed: SignedRequest, options?: VerifyOptions): T {
  checkTimestamp(parsed.timestamp, options);
  if (signatureMatches(body, keyList, parsed)) return parseJson<T>(bodyText(body));
  throw noMatchError(parsed, keyList.length);
}

/**
 * Verifies a webhook signed with the Standard Webhooks headers (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`) and returns the parsed JSON body. If those headers are all absent but
 * `X-Oriva-Signature` is present, verifies that one instead, so this works for every Oriva delivery.
 *
 * Synchronous in this (Node) entry; the web entry returns a Promise.
 *
 * @param rawBody The raw request body exactly as received (string, Buffer, Uint8Array or ArrayBuffer), never a parsed object.
 * @param headers `req.headers`, a `Headers` instance, or a plain object (header names in any case).
 * @param secrets The endpoint's `whsec_...` secret, or several during a rotation (any may match).
 * @param options `toleranceSeconds` (default 300) and `now` (for tests).
 * @returns The parsed event (`JSON.parse` of the body).
 * @throws {WebhookVerificationError} with a `code` and a message that explains the likely mistake.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { verify } from '@oriva/webhook-verify';
 *
 * app.post('/webhooks/oriva', express.raw({ type: 'application/json' }), (req, res) => {
 *   const event = verify(req.body, req.headers, process.env.ORIVA_WEBHOOK_SECRET!);
 *   res.sendStatus(204);
 * });
 * ```
 */
export function verify<T = unknown>(
  rawBody: RawBody,
  headers: HeadersInput,
  secrets: Secrets,
  options?: VerifyOptions,
): T {
  const body = normalizeBody(rawBody);
  const keyList = keysFor(secrets);
  return check<T>(body, keyList, readSignatureHeaders(headers), options);
}

/**
 * Checks Oriva's single header,
 * `X-Oriva-Signature: t=<unix seconds>,id=<webhook id>,v1=<base64>[,v1=<base64>...]`, against the raw body: `true`
 * when a signature matches and the timestamp is within the tolerance, `false` for anything a request can get wrong
 * (a missing or malformed header, the wrong secret, a changed body, an expired timestamp). It does not parse the body;
 * {@link verify} is the throwing form that returns the parsed event and says why a delivery failed.
 *
 * Synchronous in this (Node) entry; the web entry returns a Promise.
 *
 * @param rawBody The raw request body exactly as received, never a parsed object.
 * @param signature The value of the `X-Oriva-Signature` header (absent is `false`).
 * @param secrets The endpoint's `whsec_...` secret, or several during a rotation.
 * @param options `toleranceSeconds` (default 300) and `now` (for tests).
 * @returns Whether the delivery is authentic and fresh.
 * @throws {WebhookVerificationError} only for the receiver's own mistakes: `invalid_secret` (missing, empty or
 *   malformed secret) and `body_not_raw` (a parsed object instead of the raw body); a `TypeError` for a signature
 *   argument that is not a header value, or bad options.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { verifyWebhookSignature } from '@oriva/webhook-verify';
 *
 * app.post('/api/oriva-events', express.raw({ type: 'application/json' }), (req, res) => {
 *   const signature = req.headers['x-oriva-signature'];
 *   const isValid = verifyWebhookSignature(req.body, signature, webhookSecret);
 *   if (!isValid) return res.status(401).json({ error: 'Invalid signature' });
 *   const event = JSON.parse(req.body); // the bytes just verified
 *   res.status(200).json({ success: true });
 * });
 * ```
 */
export function verifyWebhookSignature(
  rawBody: RawBody,
  signature: string | readonly string[] | null | undefined,
  secrets: Secrets,
  options?: VerifyOptions,
): boolean {
  const body = normalizeBody(rawBody);
  const keyList = keysFor(secrets);
  try {
    const parsed = parseOrivaSignature(signature);
    checkTimestamp(parsed.timestamp, options);
    return signatureMatches(body, keyList, parsed);
  } catch (error) {
    return falseOrRethrow(error);
  }
}

/**
 * Reads a fetch `Request` (Next.js route handlers, undici, Bun, ...) and verifies it like {@link verify}.
 * Async because reading the body is; the body is consumed, so use the returned event.
 *
 * @example
 * ```ts
 * // app/api/webhooks/oriva/route.ts (Next.js, Node runtime)
 * import { verifyRequest } from '@oriva/webhook-verify';
 *
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
 * Computes the Standard Webhooks signature of one delivery: `v1,<base64 HMAC-SHA256>` over
 * `${id}.${timestamp}.${body}` with the key decoded from the `whsec_` secret.
 *
 * @example
 * ```ts
 * sign({ id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}',
 *   secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
 * // 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
 * ```
 */
export function sign({ id, timestamp, body, secret }: SignInput): string {
  if (timestamp === undefined) throw new TypeError('sign() needs a timestamp (Unix seconds or a Date).');
  const seconds = checkSignInput(id, timestamp);
  const data = normalizeBodyForSigning(body);
  return `v1,${hmac(keyFor(secret), signedPrefix(id, seconds), data, 'base64')}`;
}

/**
 * Signs one delivery with one or several secrets and returns every header to send: the Standard Webhooks
 * `webhook-id`, `webhook-timestamp`, `webhook-signature` (space-separated `v1,<sig>` entries) and Oriva's
 * `x-oriva-signature` (`t=...,id=...,v1=...[,v1=...]`). Decoded keys are cached per secret.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(event);
 * const headers = signatureHeaders({ id: delivery.id, body, secrets: [newSecret, oldSecret] });
 * await fetch(endpoint.url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
 * ```
 */
export function signatureHeaders({ id, timestamp, body, secrets }: SignatureHeadersInput): SignatureHeaders {
  const seconds = checkSignInput(id, timestamp);
  const data = normalizeBodyForSigning(body);
  const keyList = keysFor(secrets);
  const prefix = signedPrefix(id, seconds);
  const signatures = keyList.map((key) => hmac(key, prefix, data, 'base64'));
  return formatHeaders(id, seconds, signatures);
}

/**
 * Creates a new signing secret: `whsec_` + base64 of 32 random bytes (or `bytes`, 16 to 128).
 *
 * @example
 * ```ts
 * generateSecret(); // 'whsec_3q2+7wX...'
 * ```
 */
export function generateSecret(bytes = 32): string {
  checkSecretByteLength(bytes);
  return SECRET_PREFIX + randomBytes(bytes).toString('base64');
}
