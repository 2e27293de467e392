/**
 * How an Ed25519 (`v1a`) verification fails: the message that says which half is missing.
 *
 * @module
 */
import { WebhookVerificationError } from './errors.js';
import type { SignedRequest } from './headers.js';

export function ed25519NoMatchError(parsed: SignedRequest, keyCount: number): WebhookVerificationError {
  if (parsed.asymmetric.length === 0) {
    const hmacOnly = parsed.signatures.length > 0;
    return new WebhookVerificationError(
      'invalid_signature',
      `The ${parsed.source} header contains no v1a (Ed25519) signature${hmacOnly ? ': only v1 (HMAC) ones, so this webhook signs with a whsec_ secret; verify it with verify(), or set its signature_scheme to "ed25519"' : ''}.`,
    );
  }
  const sigs = parsed.asymmetric.length;
  return new WebhookVerificationError(
    'invalid_signature',
    `Invalid webhook signature: none of the ${sigs} v1a signature${sigs === 1 ? '' : 's'} verifies with the ${keyCount === 1 ? 'public key' : `${keyCount} public keys`}. Usual causes: another webhook's or app's key (fetch the app's JWKS again after a rotation), a body changed before verification (pass the raw bytes), or a request not sent by Oriva.`,
  );
}
