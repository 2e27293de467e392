/**
 * Ed25519 keys for Standard Webhooks' asymmetric scheme (`v1a`): the `whpk_` / `whsk_` strings, JWKs and JWK Sets,
 * parsed into raw 32-byte keys with messages that name the usual mistake. Runtime-neutral: no crypto here.
 *
 * Standard Webhooks has no key id in its headers, so a JWK Set is not narrowed by `kid` unless the caller asks
 * (`options.kid`): every Ed25519 key in it is tried. A set holds a few keys (one per webhook, two during a
 * rotation), and trying each costs one verification per key, against a forged request only.
 *
 * @module
 */
import { WebhookVerificationError } from './errors.js';
import { base64Decode, base64Encode } from './portable-bytes.js';
import { KeyCache } from './secrets.js';

/** Prefix of an Ed25519 public key in the Standard Webhooks serialisation: `whpk_` + base64 of 32 bytes. */
export const PUBLIC_KEY_PREFIX = 'whpk_';
/** Prefix of an Ed25519 private key: `whsk_` + base64 of the 32-byte seed (a 64-byte seed‖public key is accepted). */
export const PRIVATE_KEY_PREFIX = 'whsk_';

/** A public Ed25519 key as a JSON Web Key (RFC 8037): `{ kty: 'OKP', crv: 'Ed25519', x }`. */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  /** The public key, base64url without padding. */
  x: string;
  kid?: string;
  use?: string;
  alg?: string;
}

/** A JSON Web Key Set, as served by `GET /api/v1/apps/{app_id}/webhooks/jwks`. */
export interface Jwks {
  keys: readonly { kty: string; crv?: string; x?: string; kid?: string; use?: string }[];
}

/** What the Ed25519 verifiers accept: a `whpk_` key, a JWK, a JWK Set, or a list of keys and JWKs (rotation). */
export type PublicKeys = string | Ed25519Jwk | Jwks | readonly (string | Ed25519Jwk)[];

/** Options of the Ed25519 verifiers: the timestamp tolerance, plus which key ids of a JWK Set to use. */
export interface Ed25519VerifyOptions {
  toleranceSeconds?: number;
  now?: Date | number;
  /** Use only the keys of a JWK Set with this `kid` (or one of these). Default: every Ed25519 key in the set. */
  kid?: string | readonly string[];
}

export interface RawPublicKey {
  kid: string | undefined;
  /** 32 bytes. */
  raw: Uint8Array<ArrayBuffer>;
  /** base64url of `raw`, the cache key and the JWK `x`. */
  x: string;
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function decodeKey(text: string, what: string, lengths: readonly number[]): Uint8Array<ArrayBuffer> {
  const bytes = BASE64.test(text) ? base64Decode(text) : undefined;
  if (bytes === undefined || !lengths.includes(bytes.length)) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `The ${what} is not base64 of ${lengths.join(' or ')} bytes${bytes ? ` (it decodes to ${bytes.length})` : ''}. Copy it whole, without quotes or whitespace.`,
    );
  }
  return bytes;
}

export function toBase64Url(bytes: Uint8Array): string {
  return base64Encode(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

// Decoded keys by their text (the whpk_ string or the JWK's x): a receiver passes the same few keys on every request,
// and decoding them each time costs a measurable share of a verification (bench/suites/webhook-verify-ed25519.ts).
const decoded = new KeyCache<Uint8Array<ArrayBuffer>>();

function cachedDecode(text: string, what: string): Uint8Array<ArrayBuffer> {
  return decoded.get(text) ?? decoded.set(text, decodeKey(text, what, [32]));
}

function fromWhpk(key: string, kid: string | undefined): RawPublicKey {
  const cached = decoded.get(key);
  if (cached !== undefined) return { kid, raw: cached, x: xOf(key, cached) };
  if (key.startsWith(PRIVATE_KEY_PREFIX)) {
    throw new WebhookVerificationError(
      'invalid_secret',
      'This is a private key (whsk_...): verify with the public key (whpk_...), which the webhook resource and the JWKS show. Keep the private key out of receivers.',
    );
  }
  if (key.startsWith('whsec_')) {
    throw new WebhookVerificationError(
      'invalid_secret',
      'This is an HMAC secret (whsec_...): it verifies v1 signatures with verify(). An Ed25519 webhook is verified with its public key (whpk_...).',
    );
  }
  if (!key.startsWith(PUBLIC_KEY_PREFIX)) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `An Ed25519 public key starts with "${PUBLIC_KEY_PREFIX}"${key.trim() !== key ? ' (this one has surrounding whitespace)' : ''}.`,
    );
  }
  const raw = decoded.set(key, decodeKey(key.slice(PUBLIC_KEY_PREFIX.length), 'whpk_ public key', [32]));
  return { kid, raw, x: xOf(key, raw) };
}

const xs = new KeyCache<string>();

/** The base64url form (the JWK `x`, the verifiers' cache key), computed once per key text. */
function xOf(text: string, raw: Uint8Array): string {
  return xs.get(text) ?? xs.set(text, toBase64Url(raw));
}

function fromJwk(jwk: { kty?: unknown; crv?: unknown; x?: unknown; kid?: unknown }): RawPublicKey {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new WebhookVerificationError(
      'invalid_secret',
      `Expected an Ed25519 JWK ({ kty: "OKP", crv: "Ed25519", x }), got kty ${JSON.stringify(jwk.kty)} crv ${JSON.stringify(jwk.crv)}.`,
    );
  }
  const raw = cachedDecode(jwk.x, 'JWK "x"');
  return { kid: typeof jwk.kid === 'string' ? jwk.kid : undefined, raw, x: xOf(jwk.x, raw) };
}

/** The raw keys to try, in order, after `options.kid` narrowed a JWK Set. */
export function publicKeyList(keys: unknown, kid?: string | readonly string[]): RawPublicKey[] {
  let list: RawPublicKey[];
  if (typeof keys === 'string') list = [fromWhpk(keys, undefined)];
  else if (Array.isArray(keys))
    list = keys.map((key) => (typeof key === 'string' ? fromWhpk(key, undefined) : fromJwk(key)));
  else if (typeof keys === 'object' && keys !== null && Array.isArray((keys as Jwks).keys)) {
    // Other key types can share a JWK Set; only Ed25519 signing keys are ours to use.
    list = (keys as Jwks).keys
      .filter((key) => key.kty === 'OKP' && key.crv === 'Ed25519' && (key.use === undefined || key.use === 'sig'))
      .map(fromJwk);
  } else if (typeof keys === 'object' && keys !== null) list = [fromJwk(keys as Ed25519Jwk)];
  else {
    throw new WebhookVerificationError(
      'invalid_secret',
      `No Ed25519 public key given: expected a whpk_ key, a JWK or a JWK Set, got ${keys === null ? 'null' : typeof keys}.`,
    );
  }
  if (kid !== undefined) {
    const wanted = typeof kid === 'string' ? [kid] : kid;
    list = list.filter((key) => key.kid !== undefined && wanted.includes(key.kid));
  }
  if (list.length === 0) {
    throw new WebhookVerificationError(
      'invalid_secret',
      kid === undefined
        ? 'No Ed25519 public key to verify with: the list or JWK Set is empty (is signature_scheme "ed25519" set on the webhook?).'
        : `No key in the JWK Set has the kid ${JSON.stringify(kid)}: fetch the JWKS again, the key may be new.`,
    );
  }
  return list;
}

/** The 32-byte seed of a `whsk_` private key. A TypeError: a wrong private key is the sender's programming error. */
export function privateKeySeed(key: unknown): Uint8Array<ArrayBuffer> {
  if (typeof key !== 'string' || !key.startsWith(PRIVATE_KEY_PREFIX)) {
    throw new TypeError(`An Ed25519 private key is a string starting with "${PRIVATE_KEY_PREFIX}".`);
  }
  const text = key.slice(PRIVATE_KEY_PREFIX.length);
  const bytes = BASE64.test(text) ? base64Decode(text) : undefined;
  if (!bytes || (bytes.length !== 32 && bytes.length !== 64)) {
    throw new TypeError(
      'A whsk_ private key is base64 of the 32-byte Ed25519 seed (or of seed and public key, 64 bytes).',
    );
  }
  return bytes.slice(0, 32);
}

export function privateKeyList(keys: unknown): readonly string[] {
  const list = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? (keys as string[]) : [];
  if (list.length === 0) throw new TypeError('Sign with one whsk_ private key or a non-empty list of them.');
  return list;
}

/** The JWK of a `whpk_` public key, with its `kid` when given. */
export function publicKeyToJwk(publicKey: string, kid?: string): Ed25519Jwk {
  const { x } = fromWhpk(publicKey, kid);
  return { kty: 'OKP', crv: 'Ed25519', x, ...(kid === undefined ? {} : { kid }), use: 'sig', alg: 'EdDSA' };
}

export function whpk(raw: Uint8Array): string {
  return PUBLIC_KEY_PREFIX + base64Encode(raw);
}

export function whsk(seed: Uint8Array): string {
  return PRIVATE_KEY_PREFIX + base64Encode(seed);
}
