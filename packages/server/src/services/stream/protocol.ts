import { toStreamEvent } from '@oriva/contract/events';
import type { StoredEvent } from '../../storage/types.js';

/** WebSocket close codes: RFC 6455 section 7.4.1 for the standard ones; 4000–4999 are the application's. */
export const CLOSE = {
  goingAway: 1001,
  /** A binary frame: the protocol is JSON text. */
  unsupportedData: 1003,
  /** Invalid messages, again and again after being told (see MAX_CONSECUTIVE_PROTOCOL_ERRORS). */
  policyViolation: 1008,
  /** Our fault: handling this connection threw. It is logged; the client may reconnect and resume. */
  internalError: 1011,
  unauthorized: 4401,
  forbidden: 4403,
  tooManyConnections: 4429,
  slowConsumer: 4008,
} as const;

/**
 * Each invalid message is answered with an error frame; this many in a row close the connection.
 * A client that answers error frames with more invalid frames (an echo, a retry loop) would otherwise
 * keep both ends busy forever; one honest mistake is far below it.
 */
export const MAX_CONSECUTIVE_PROTOCOL_ERRORS = 10;

export const SUBPROTOCOL = 'oriva.v1';
export const AUTH_SUBPROTOCOL_PREFIX = 'auth.';

// Every connection gets the same event object from the bus: serialize each frame once, not once per
// client (with 10,000 clients that was 10,000 JSON.stringify calls per event).
const frames = new WeakMap<StoredEvent, string>();

/** An event as a stream frame: the design document's Event Format, its `type`, and its position. */
export function eventFrame(event: StoredEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    frame = serialize(event);
    frames.set(event, frame);
  }
  return frame;
}

function serialize(event: StoredEvent): string {
  return JSON.stringify(toStreamEvent({ ...event, event_data: JSON.parse(event.event_data) }));
}

export type ResumeOutcome = 'none' | 'complete' | 'too_old';
