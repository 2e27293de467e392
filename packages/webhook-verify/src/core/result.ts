/**
 * What a verification ends with: the boolean form's rule, the no-match message, the parsed body.
 *
 * @module
 */
import { type WebhookErrorCode, WebhookVerificationError } from './errors.js';
import type { SignedRequest } from './headers.js';

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
      parsed.asymmetric.length > 0
        ? `The ${parsed.source} header contains no v1 signature, only v1a (Ed25519) ones: this webhook signs with a key pair, not a whsec_ secret. Verify it with verifyEd25519(rawBody, headers, publicKey), passing the webhook's whpk_ key or the app's JWKS.`
        : `The ${parsed.source} header contains no v1 signature${parsed.ignored > 0 ? ` (${parsed.ignored} entr${parsed.ignored === 1 ? 'y' : 'ies'} of another version or malformed)` : ''}. Expected ${parsed.source === 'webhook-signature' ? '"v1,<base64 signature>"' : '"t=<timestamp>,id=<webhook id>,v1=<base64 signature>"'}.`,
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
