/**
 * The raw body, normalised, and the messages for the usual mistake: a parsed body instead of the raw one.
 *
 * @module
 */
import { WebhookVerificationError } from './errors.js';

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
