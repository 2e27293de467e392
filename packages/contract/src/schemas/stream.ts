import { z } from '@hono/zod-openapi';
import { WebhookEventPattern } from './webhooks.js';

/** The stream filters events with the same patterns as webhooks: `*`, `notification.*`, `session.created`. */
export const StreamEventPattern = WebhookEventPattern;

/** A query parameter sent empty (`?app_id=`) counts as not sent. */
const emptyAsAbsent = (value: string | undefined) => value || undefined;

/**
 * Who opens the stream and whose events it carries. The server reads these first, with the credential;
 * `auth` and `ticket` stay as sent, so an empty credential is refused rather than ignored.
 */
export const StreamAccessQuery = z.object({
  app_id: z.string().optional().transform(emptyAsAbsent),
  user_id: z.string().optional().transform(emptyAsAbsent),
  auth: z.string().optional().openapi({
    description: "A token in the URL, as the design document writes it. URLs reach proxies' logs: prefer a ticket.",
  }),
  ticket: z.string().optional().openapi({
    description: 'A single-use ticket from POST /api/v1/events/stream/tickets, valid for 30 seconds.',
  }),
});

/** Where a stream resumes: a position (from `ready` or an event frame) or an event id; empty, from now. */
const STREAM_SINCE = /^(\d{1,15}|evt_[0-9A-Z]{26})?$/;

/**
 * What the stream carries: the patterns of `events`, comma-separated (`*` when none), and where to
 * resume. The server checks these once the caller may open the stream at all.
 */
export const StreamFilterQuery = z.object({
  events: z
    .string()
    .optional()
    .openapi({ example: 'notification.*,session.created' })
    .transform((value, ctx) => {
      const patterns = (value ?? '*')
        .split(',')
        .map((pattern) => pattern.trim())
        .filter(Boolean);
      const invalid = patterns.find((pattern) => !StreamEventPattern.safeParse(pattern).success);
      if (invalid !== undefined) {
        ctx.issues.push({
          code: 'custom',
          input: value,
          message: `"${invalid}" is not "*", "<category>.*" or "<category>.<type>"`,
          params: { code: 'invalid_pattern' },
        });
        return z.NEVER;
      }
      return patterns.length > 0 ? patterns : ['*'];
    }),
  since: z
    .string()
    .regex(STREAM_SINCE, { message: 'must be a position or an event id (evt_…)' })
    .optional()
    .transform(emptyAsAbsent)
    .openapi({ description: 'Resume after this position or event id.' }),
});

const { auth, ticket, ...narrowing } = StreamAccessQuery.shape;

/** The stream's query as the OpenAPI document lists it: whose events, which, from where, then the credential. */
export const StreamQuery = z.object({ ...narrowing, ...StreamFilterQuery.shape, auth, ticket });

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

/** The first frame of every connection: how the resume went, the stream's head position and the filter. */
export const StreamReadyFrame = z
  .object({
    control: z.literal('ready'),
    resume: z.enum(['none', 'complete', 'too_old']),
    position: z.number().int(),
    events: z.array(z.string()),
  })
  .openapi('StreamReadyFrame');
export type StreamReadyFrame = z.infer<typeof StreamReadyFrame>;

/** The answer to subscribe and unsubscribe: the connection's whole filter after the change. */
export const StreamSubscribedFrame = z
  .object({ control: z.literal('subscribed'), events: z.array(z.string()) })
  .openapi('StreamSubscribedFrame');
export type StreamSubscribedFrame = z.infer<typeof StreamSubscribedFrame>;

/** The answer to `{"type":"ping"}`. */
export const StreamPongFrame = z.object({ control: z.literal('pong') }).openapi('StreamPongFrame');
export type StreamPongFrame = z.infer<typeof StreamPongFrame>;

/**
 * WebSocket close codes the stream uses: RFC 6455 section 7.4.1 for the standard ones; 4000–4999 are
 * the application's. 1007 (invalid UTF-8) and 1009 (a frame over 64 KiB) come from the WebSocket library.
 */
export const STREAM_CLOSE_CODES = {
  goingAway: 1001,
  /** A binary frame: the protocol is JSON text. */
  unsupportedData: 1003,
  /** Invalid messages, again and again after being told (see the server's MAX_CONSECUTIVE_PROTOCOL_ERRORS). */
  policyViolation: 1008,
  /** Our fault: handling this connection threw. It is logged; the client may reconnect and resume. */
  internalError: 1011,
  unauthorized: 4401,
  forbidden: 4403,
  tooManyConnections: 4429,
  slowConsumer: 4008,
} as const;

/** What each close code the server sends tells the client (4401 is reserved, not sent today), for documents and clients that explain a close. */
export const STREAM_CLOSE_CODE_MEANINGS: Record<number, string> = {
  [STREAM_CLOSE_CODES.goingAway]: 'The server is shutting down: reconnect (to another instance) and resume.',
  [STREAM_CLOSE_CODES.unsupportedData]: 'A binary frame: the protocol is JSON text.',
  1007: 'A text frame that is not valid UTF-8.',
  [STREAM_CLOSE_CODES.policyViolation]: 'Ten invalid messages in a row.',
  1009: 'A frame over 64 KiB.',
  [STREAM_CLOSE_CODES.internalError]: 'The server failed while serving this connection: reconnect and resume.',
  [STREAM_CLOSE_CODES.slowConsumer]: 'Slow consumer: the unsent backlog grew too large; reconnect and resume.',
  [STREAM_CLOSE_CODES.tooManyConnections]: 'Too many connections for this user (at most 10).',
  [STREAM_CLOSE_CODES.forbidden]: 'The user was erased (DELETE /api/v1/admin/users/{user_id}): do not reconnect.',
};
