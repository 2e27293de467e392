/**
 * Signing secrets: validation with messages that never reveal the secret, lists for rotation, the decoded-key cache.
 *
 * @module
 */
import { WebhookVerificationError } from './errors.js';

/** Prefix of every Oriva / Standard Webhooks signing secret. */
export const SECRET_PREFIX = 'whsec_';

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

export function checkSecretByteLength(bytes: number): void {
  if (!Number.isInteger(bytes) || bytes < 16 || bytes > 128) {
    throw new TypeError(`Secret length must be an integer number of bytes between 16 and 128, got ${String(bytes)}.`);
  }
}
