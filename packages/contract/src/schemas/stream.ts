import { z } from '@hono/zod-openapi';
import { WebhookEventPattern } from './webhooks.js';

/** The stream filters events with the same patterns as webhooks: `*`, `notification.*`, `session.created`. */
export const StreamEventPattern = WebhookEventPattern;

/** More patterns than any subscription needs; a list this long is a client bug, not a filter. */
export const MAX_STREAM_PATTERNS_PER_MESSAGE = 100;

const Patterns = z.array(StreamEventPattern).max(MAX_STREAM_PATTERNS_PER_MESSAGE);

/**
 * What a client may send on an open stream, one JSON text frame each. Keys other than these are
 * ignored, so a newer client's extra fields do not break an older server.
 */
export const StreamClientMessage = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('subscribe'), events: Patterns }).openapi({
      description: 'Adds patterns to the connection\'s filter; answered with `{"control":"subscribed","events":[…]}`.',
    }),
    z.object({ type: z.literal('unsubscribe'), events: Patterns }).openapi({
      description: 'Removes patterns from the filter; answered like subscribe.',
    }),
    z.object({ type: z.literal('ping') }).openapi({
      description: 'Answered with `{"control":"pong"}`, for browsers that cannot see protocol pings.',
    }),
  ])
  .openapi('StreamClientMessage');
export type StreamClientMessage = z.infer<typeof StreamClientMessage>;

/**
 * The stable codes of `{"control":"error","code",…}` frames: the frame was not JSON text, was not a
 * message of a known `type`, carried a pattern that is not one, or had another field wrong (`path` says which).
 */
export const StreamErrorCode = z.enum(['malformed_message', 'unknown_message', 'invalid_pattern', 'invalid_message']);
export type StreamErrorCode = z.infer<typeof StreamErrorCode>;

/** The server's answer to a message it could not accept; the connection stays open. */
export const StreamErrorFrame = z
  .object({
    control: z.literal('error'),
    code: StreamErrorCode,
    message: z.string(),
    path: z.string().optional().openapi({ description: 'The field that was wrong, such as `events.0`.' }),
  })
  .openapi('StreamErrorFrame');
export type StreamErrorFrame = z.infer<typeof StreamErrorFrame>;
