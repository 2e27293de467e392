/**
 * Ed25519 (`v1a`) signatures for the web entry, with WebCrypto's `Ed25519` algorithm: the same functions as the
 * Node entry's, returning Promises. WebCrypto Ed25519 is in Node ≥ 18.4, Deno, Bun, Cloudflare Workers,
 * Chromium ≥ 137 (113–136 behind a flag), Firefox ≥ 129 and Safari ≥ 17 (README, "Edge runtimes").
 *
 * @module
 */
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
import { base64Decode, base64Encode } from './core/portable-bytes.js';
import { parseJson } from './core/result.js';
import { KeyCache } from './core/secrets.js';
import { checkSignInput, formatHeaders, signedPrefix } from './core/signing.js';
import { checkTimestamp } from './core/timestamp.js';
import type { HeadersInput, RawBody, SignatureHeaders } from './core/types.js';

export type { Ed25519Jwk, Ed25519VerifyOptions, Jwks, PublicKeys } from './core/ed25519-keys.js';
export { PRIVATE_KEY_PREFIX, PUBLIC_KEY_PREFIX, publicKeyToJwk } from './core/ed25519-keys.js';

const ED25519 = { name: 'Ed25519' } as const;
// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): WebCrypto imports private keys as pkcs8 or JWK, not raw.
const PKCS8_SEED_PREFIX = base64Decode('MC4CAQAwBQYDK2VwBCIEIA==');

function subtle(): SubtleCrypto {
  const crypto = globalThis.crypto;
  if (crypto?.subtle === undefined) {
    throw new Error('WebCrypto (globalThis.crypto.subtle) is not available in this runtime; Ed25519 needs it.');
  }
  return crypto.subtle;
}

function unsupported(error: unknown): never {
  throw new Error(
    'This runtime\'s WebCrypto has no Ed25519 (NotSupportedError). It needs Chromium ≥ 137, Firefox ≥ 129, Safari ≥ 17, Node ≥ 18.4, Deno, Bun or Cloudflare Workers; see the README\'s "Edge runtimes".',
    { cause: error },
  );
}

const publicKeys = new KeyCache<Promise<CryptoKey>>();
const privateKeys = new KeyCache<Promise<CryptoKey>>();

function publicCryptoKey(key: RawPublicKey): Promise<CryptoKey> {
  const cached = publicKeys.get(key.x);
  if (cached !== undefined) return cached;
  const imported = subtle().importKey('raw', key.raw, ED25519, false, ['verify']);
  imported.catch(() => publicKeys.delete(key.x));
  return publicKeys.set(key.x, imported.catch(unsupported));
}

function pkcs8(privateKey: string): Uint8Array<ArrayBuffer> {
  const seed = privateKeySeed(privateKey);
  const der = new Uint8Array(PKCS8_SEED_PREFIX.length + 32);
  der.set(PKCS8_SEED_PREFIX);
  der.set(seed, PKCS8_SEED_PREFIX.length);
  return der;
}

function privateCryptoKey(privateKey: string): Promise<CryptoKey> {
  const cached = privateKeys.get(privateKey);
  if (cached !== undefined) return cached;
  const imported = subtle().importKey('pkcs8', pkcs8(privateKey), ED25519, false, ['sign']);
  imported.catch(() => privateKeys.delete(privateKey));
  return privateKeys.set(privateKey, imported.catch(unsupported));
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

async function asymmetricMatches(body: BodyData, keys: RawPublicKey[], parsed: SignedRequest): Promise<boolean> {
  if (parsed.asymmetric.length === 0) return false;
  const data = signedBytes(signedPrefix(parsed.id, parsed.timestamp), body);
  const signatures = parsed.asymmetric.map(base64Decode);
  for (const key of keys) {
    const cryptoKey = await publicCryptoKey(key);
    for (const signature of signatures) if (await subtle().verify(ED25519, cryptoKey, signature, data)) return true;
  }
  return false;
}

/**
 * Verifies an Ed25519-signed webhook (`v1a`) and resolves to the parsed JSON body. **Async**: always `await` it.
 * Same arguments as the Node entry's `verifyEd25519`.
 *
 * @example
 * ```ts
 * // Cloudflare Worker: the app's JWKS, fetched once and cached
 * const event = await verifyEd25519(await request.text(), request.headers, jwks);
 * ```
 */
export async function verifyEd25519<T = unknown>(
  rawBody: RawBody,
  headers: HeadersInput,
  keys: PublicKeys,
  options?: Ed25519VerifyOptions,
): Promise<T> {
  const body = normalizeBody(rawBody);
  const keyList = publicKeyList(keys, options?.kid);
  const parsed = readSignatureHeaders(headers);
  checkTimestamp(parsed.timestamp, options);
  if (await asymmetricMatches(body, keyList, parsed)) {
    return parseJson<T>(typeof body === 'string' ? body : decoder.decode(body));
  }
  throw ed25519NoMatchError(parsed, keyList.length);
}

/**
 * `v1a,<base64 Ed25519 signature>` over `${id}.${timestamp}.${body}` with a `whsk_` key. **Async** in this entry.
 *
 * @example
 * ```ts
 * await signEd25519({ id: 'msg_1', timestamp: 1674087231, body: '{"a":1}', privateKey });
 * ```
 */
export async function signEd25519({
  id,
  timestamp,
  body,
  privateKey,
}: {
  id: string;
  timestamp: number | Date;
  body: RawBody;
  privateKey: string;
}): Promise<string> {
  const seconds = checkSignInput(id, timestamp);
  const data = signedBytes(signedPrefix(id, seconds), normalizeBodyForSigning(body));
  return `v1a,${base64Encode(new Uint8Array(await subtle().sign(ED25519, await privateCryptoKey(privateKey), data)))}`;
}

/**
 * Signs one delivery with one or several `whsk_` keys and resolves to the headers to send. **Async** in this entry.
 *
 * @example
 * ```ts
 * const headers = await ed25519SignatureHeaders({ id: 'msg_1', body, privateKeys: privateKey });
 * ```
 */
export async function ed25519SignatureHeaders({
  id,
  timestamp,
  body,
  privateKeys: keys,
}: {
  id: string;
  timestamp?: number | Date;
  body: RawBody;
  privateKeys: string | readonly string[];
}): Promise<SignatureHeaders> {
  const seconds = checkSignInput(id, timestamp);
  const data = signedBytes(signedPrefix(id, seconds), normalizeBodyForSigning(body));
  const signatures = await Promise.all(
    privateKeyList(keys).map(
      async (key) => new Uint8Array(await subtle().sign(ED25519, await privateCryptoKey(key), data)),
    ),
  );
  return formatHeaders(id, seconds, signatures.map(base64Encode), 'v1a');
}

/**
 * A new Ed25519 key pair: `whsk_` (32-byte seed) and `whpk_` (32-byte public key), base64. **Async** in this entry.
 *
 * @example
 * ```ts
 * const { privateKey, publicKey } = await generateEd25519KeyPair();
 * ```
 */
export async function generateEd25519KeyPair(): Promise<{ privateKey: string; publicKey: string }> {
  const pair = (await subtle().generateKey(ED25519, true, ['sign', 'verify']).catch(unsupported)) as CryptoKeyPair;
  const der = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return { privateKey: whsk(der.slice(der.length - 32)), publicKey: whpk(raw) };
}

/**
 * The `whpk_` public key of a `whsk_` private key. **Async** in this entry.
 *
 * @example
 * ```ts
 * await ed25519PublicKey('whsk_...'); // 'whpk_...'
 * ```
 */
export async function ed25519PublicKey(privateKey: string): Promise<string> {
  const key = await subtle().importKey('pkcs8', pkcs8(privateKey), ED25519, true, ['sign']).catch(unsupported);
  const jwk = await subtle().exportKey('jwk', key);
  return whpk(base64Decode(jwk.x as string));
}
