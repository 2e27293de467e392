/**
 * Ed25519 (`v1a`) signatures for the Node entry, with node:crypto: verify with a `whpk_` key, a JWK or a JWK Set;
 * sign with a `whsk_` key; make key pairs. Synchronous, like the rest of the Node entry.
 *
 * @module
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { type BodyData, normalizeBody, normalizeBodyForSigning } from './core/body.js';
import {
  type Ed25519VerifyOptions,
  type PublicKeys,
  privateKeyList,
  privateKeySeed,
  publicKeyList,
  type RawPublicKey,
  whpk,
  whsk,
} from './core/ed25519-keys.js';
import { ed25519NoMatchError } from './core/ed25519-result.js';
import { readSignatureHeaders, type SignedRequest } from './core/headers.js';
import { parseJson } from './core/result.js';
import { KeyCache } from './core/secrets.js';
import { checkSignInput, formatHeaders, signedPrefix } from './core/signing.js';
import { checkTimestamp } from './core/timestamp.js';
import type { HeadersInput, RawBody, SignatureHeaders } from './core/types.js';

export type { Ed25519Jwk, Ed25519VerifyOptions, Jwks, PublicKeys } from './core/ed25519-keys.js';
export { PRIVATE_KEY_PREFIX, PUBLIC_KEY_PREFIX, publicKeyToJwk } from './core/ed25519-keys.js';

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): node:crypto imports private keys as DER, not raw.
const PKCS8_SEED_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const publicKeys = new KeyCache<KeyObject>();
const privateKeys = new KeyCache<KeyObject>();

function publicKeyObject(key: RawPublicKey): KeyObject {
  const cached = publicKeys.get(key.x);
  if (cached !== undefined) return cached;
  return publicKeys.set(key.x, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' }));
}

function privateKeyObject(key: string): KeyObject {
  const cached = privateKeys.get(key);
  if (cached !== undefined) return cached;
  const der = Buffer.concat([PKCS8_SEED_PREFIX, privateKeySeed(key)]);
  return privateKeys.set(key, createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
}

function signedBuffer(prefix: string, body: BodyData): Buffer {
  if (typeof body === 'string') return Buffer.from(prefix + body, 'utf8');
  return Buffer.concat([Buffer.from(prefix, 'utf8'), body]);
}

function asymmetricMatches(body: BodyData, keys: RawPublicKey[], parsed: SignedRequest): boolean {
  if (parsed.asymmetric.length === 0) return false;
  const data = signedBuffer(signedPrefix(parsed.id, parsed.timestamp), body);
  const signatures = parsed.asymmetric.map((signature) => Buffer.from(signature, 'base64'));
  for (const key of keys) {
    const keyObject = publicKeyObject(key);
    for (const signature of signatures) if (verify(null, data, keyObject, signature)) return true;
  }
  return false;
}

/**
 * Verifies a webhook signed with Ed25519 (Standard Webhooks `v1a`, in `webhook-signature` or, when the three
 * Standard Webhooks headers are absent, in `X-Oriva-Signature`) and returns the parsed JSON body.
 *
 * @param rawBody The raw request body exactly as received, never a parsed object.
 * @param headers `req.headers`, a `Headers` instance, or a plain object.
 * @param keys The webhook's public key (`whpk_...`), a JWK, the app's JWK Set (every Ed25519 key is tried unless
 *   `options.kid` narrows it), or a list of keys and JWKs during a rotation.
 * @param options `toleranceSeconds` (default 300), `now` (for tests), `kid`.
 * @throws {WebhookVerificationError} with a `code` and a message that explains the likely mistake.
 *
 * @example
 * ```ts
 * import { verifyEd25519 } from '@oriva/webhook-verify';
 *
 * const jwks = await (await fetch(`${ORIVA_URL}/api/v1/apps/${APP_ID}/webhooks/jwks`)).json(); // cache it
 * app.post('/webhooks/oriva', express.raw({ type: 'application/json' }), (req, res) => {
 *   const event = verifyEd25519(req.body, req.headers, jwks);
 *   res.sendStatus(204);
 * });
 * ```
 */
export function verifyEd25519<T = unknown>(
  rawBody: RawBody,
  headers: HeadersInput,
  keys: PublicKeys,
  options?: Ed25519VerifyOptions,
): T {
  const body = normalizeBody(rawBody);
  const keyList = publicKeyList(keys, options?.kid);
  const parsed = readSignatureHeaders(headers);
  checkTimestamp(parsed.timestamp, options);
  if (asymmetricMatches(body, keyList, parsed)) {
    return parseJson<T>(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  }
  throw ed25519NoMatchError(parsed, keyList.length);
}

/** Input of {@link signEd25519}. */
export interface SignEd25519Input {
  id: string;
  timestamp: number | Date;
  body: RawBody;
  /** The `whsk_...` private key. */
  privateKey: string;
}

/**
 * The Standard Webhooks asymmetric signature of one delivery: `v1a,<base64 Ed25519 signature>` over
 * `${id}.${timestamp}.${body}`.
 *
 * @example
 * ```ts
 * const { privateKey, publicKey } = generateEd25519KeyPair();
 * signEd25519({ id: 'msg_1', timestamp: 1674087231, body: '{"a":1}', privateKey }); // 'v1a,hnO3f9...=='
 * ```
 */
export function signEd25519({ id, timestamp, body, privateKey }: SignEd25519Input): string {
  const seconds = checkSignInput(id, timestamp);
  const data = signedBuffer(signedPrefix(id, seconds), normalizeBodyForSigning(body));
  return `v1a,${sign(null, data, privateKeyObject(privateKey)).toString('base64')}`;
}

/** Input of {@link ed25519SignatureHeaders}. */
export interface Ed25519SignatureHeadersInput {
  id: string;
  /** Unix seconds or a Date. Default: now. */
  timestamp?: number | Date;
  body: RawBody;
  /** One `whsk_` key, or several during a rotation: one `v1a` signature each. */
  privateKeys: string | readonly string[];
}

/**
 * Signs one delivery with one or several Ed25519 keys and returns the headers to send: `webhook-signature` holds
 * `v1a,<sig>` entries and `x-oriva-signature` is `t=...,id=...,v1a=<sig>[,v1a=<sig>]`.
 *
 * @example
 * ```ts
 * const headers = ed25519SignatureHeaders({ id: 'msg_1', body, privateKeys: [current, previous] });
 * ```
 */
export function ed25519SignatureHeaders({
  id,
  timestamp,
  body,
  privateKeys: keys,
}: Ed25519SignatureHeadersInput): SignatureHeaders {
  const seconds = checkSignInput(id, timestamp);
  const data = signedBuffer(signedPrefix(id, seconds), normalizeBodyForSigning(body));
  const signatures = privateKeyList(keys).map((key) => sign(null, data, privateKeyObject(key)).toString('base64'));
  return formatHeaders(id, seconds, signatures, 'v1a');
}

/**
 * A new Ed25519 key pair in the Standard Webhooks serialisation: `whsk_` + base64 of the 32-byte seed, and
 * `whpk_` + base64 of the 32-byte public key.
 *
 * @example
 * ```ts
 * const { privateKey, publicKey } = generateEd25519KeyPair(); // 'whsk_...', 'whpk_...'
 * ```
 */
export function generateEd25519KeyPair(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('ed25519');
  const d = pair.privateKey.export({ format: 'jwk' }).d as string;
  const x = pair.publicKey.export({ format: 'jwk' }).x as string;
  return { privateKey: whsk(Buffer.from(d, 'base64url')), publicKey: whpk(Buffer.from(x, 'base64url')) };
}

/**
 * The `whpk_` public key of a `whsk_` private key.
 *
 * @example
 * ```ts
 * ed25519PublicKey('whsk_...'); // 'whpk_...'
 * ```
 */
export function ed25519PublicKey(privateKey: string): string {
  const x = createPublicKey(privateKeyObject(privateKey)).export({ format: 'jwk' }).x as string;
  return whpk(Buffer.from(x, 'base64url'));
}
