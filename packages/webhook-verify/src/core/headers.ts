/**
 * Reading the signature headers, in either format: Standard Webhooks' three headers or Oriva's single one.
 *
 * @module
 */
import { WebhookVerificationError } from './errors.js';
import { truncate } from './text.js';
import type { HeadersGetter, HeadersInput, HeaderValue } from './types.js';

/** What the signature headers say, whichever format they came in. */
export interface SignedRequest {
  id: string;
  /** Unix seconds. */
  timestamp: number;
  /** Candidate `v1` signatures (base64 of 32 bytes), in header order. */
  signatures: string[];
  /** Candidate `v1a` (Ed25519) signatures (base64 of 64 bytes), in header order; also counted in `ignored`. */
  asymmetric: string[];
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
// base64 of 64 bytes: 85 significant characters, then one whose 4 unused bits are zero, then optional padding.
const V1A_SIGNATURE = /^[A-Za-z0-9+/_-]{85}[AQgw](==)?$/;

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
    asymmetric: [],
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
    asymmetric: [],
    ignored: 0,
    source: 'X-Oriva-Signature',
  };
  for (const [version, value] of versions) addCandidate(parsed, version, value);
  return parsed;
}

function addCandidate(parsed: SignedRequest, version: string, value: string): void {
  if (version === 'v1' && V1_SIGNATURE.test(value)) {
    parsed.signatures.push(value);
    return;
  }
  if (version === 'v1a' && V1A_SIGNATURE.test(value)) parsed.asymmetric.push(value);
  parsed.ignored++;
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
