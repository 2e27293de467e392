import { CLOSE } from './protocol.js';

/**
 * Why a stream connection ended, as `oriva_stream_disconnects_total` labels it: a handful of values
 * (a client may close with any code from 3000 to 4999, so the code itself would make unbounded series).
 * Operators alert on the ones that are not the client's own choice (docs/operations.md).
 */
export type DisconnectReason =
  | 'client_closed'
  | 'going_away'
  | 'abnormal'
  | 'slow_consumer'
  | 'protocol_error'
  | 'server_error'
  | 'other';

/** The reasons that mean something went wrong: a dropped network, our failure, a client that cannot keep up. */
export const UNEXPECTED_DISCONNECT_REASONS: readonly DisconnectReason[] = ['abnormal', 'slow_consumer', 'server_error'];

// RFC 6455 section 7.4.1: 1000 normal closure, 1005 no status given (a close frame without a code),
// 1006 closed without a close frame (the network or a crashed peer), 1007 and 1009 bad frames.
const REASONS = new Map<number, DisconnectReason>([
  [1000, 'client_closed'],
  [1005, 'client_closed'],
  [CLOSE.goingAway, 'going_away'],
  [1006, 'abnormal'],
  [CLOSE.slowConsumer, 'slow_consumer'],
  [CLOSE.unsupportedData, 'protocol_error'],
  [1007, 'protocol_error'],
  [CLOSE.policyViolation, 'protocol_error'],
  [1009, 'protocol_error'],
  [CLOSE.internalError, 'server_error'],
]);

/** The reason for a WebSocket close code, as the server saw the connection end. */
export function disconnectReason(closeCode: number): DisconnectReason {
  return REASONS.get(closeCode) ?? 'other';
}
