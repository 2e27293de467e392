/**
 * The signed content and the headers of a signed delivery; input checks for the signing functions.
 *
 * @module
 */
import { truncate } from './text.js';
import type { SignatureHeaders } from './types.js';

/** The signed content before the body: `${id}.${timestamp}.` */
export function signedPrefix(id: string, timestamp: number): string {
  return `${id}.${timestamp}.`;
}

const ID_PATTERN = /^[\x21-\x2b\x2d-\x7e]+$/; // printable ASCII except space and comma

export function checkSignInput(id: unknown, timestamp: unknown): number {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new TypeError(
      `Webhook id must be a non-empty string of printable ASCII without spaces or commas, got ${typeof id === 'string' ? JSON.stringify(truncate(id)) : typeof id}.`,
    );
  }
  return unixSeconds(timestamp);
}

export function unixSeconds(timestamp: unknown): number {
  if (timestamp === undefined) return Math.floor(Date.now() / 1000);
  if (timestamp instanceof Date) {
    const ms = timestamp.getTime();
    if (Number.isNaN(ms)) throw new TypeError('Webhook timestamp is an invalid Date.');
    return Math.floor(ms / 1000);
  }
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError(
      `Webhook timestamp must be a non-negative integer of Unix seconds or a Date, got ${String(timestamp)}.`,
    );
  }
  if (timestamp > 1e11) {
    throw new TypeError(
      `Webhook timestamp ${timestamp} looks like milliseconds; it must be Unix seconds: Math.floor(Date.now() / 1000).`,
    );
  }
  return timestamp;
}

/** `version` is `v1` for HMAC-SHA256, `v1a` for Ed25519 (Standard Webhooks' asymmetric scheme). */
export function formatHeaders(
  id: string,
  timestamp: number,
  signatures: readonly string[],
  version: 'v1' | 'v1a' = 'v1',
): SignatureHeaders {
  let standard = '';
  let oriva = `t=${timestamp},id=${id}`;
  for (const signature of signatures) {
    standard += standard === '' ? `${version},${signature}` : ` ${version},${signature}`;
    oriva += `,${version}=${signature}`;
  }
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': standard,
    'x-oriva-signature': oriva,
  };
}
