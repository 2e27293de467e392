import { STREAM_CLOSE_CODES, STREAM_SUBPROTOCOL } from '@oriva/contract';
import { toStreamEvent } from '@oriva/contract/events';
import type { StoredEvent } from '../../storage/types.js';

/** WebSocket close codes, declared in the contract so the AsyncAPI document lists the same ones. */
export const CLOSE = STREAM_CLOSE_CODES;

/**
 * Each invalid message is answered with an error frame; this many in a row close the connection.
 * A client that answers error frames with more invalid frames (an echo, a retry loop) would otherwise
 * keep both ends busy forever; one honest mistake is far below it.
 */
export const MAX_CONSECUTIVE_PROTOCOL_ERRORS = 10;

export const SUBPROTOCOL = STREAM_SUBPROTOCOL;
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
