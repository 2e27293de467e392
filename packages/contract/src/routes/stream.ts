import { createRoute, z } from '@hono/zod-openapi';
import { SuccessFlag, Timestamp } from '../schemas/common.js';
import { StreamQuery } from '../schemas/stream.js';
import { errorResponses, jsonContent, security } from './responses.js';

const StreamTicketResponse = z
  .object({
    success: SuccessFlag,
    ticket: z.string().openapi({ example: 'tkt_9c1J…' }),
    expires_at: Timestamp.openapi({ description: 'Valid for 30 seconds, for one connection.' }),
  })
  .openapi('StreamTicketResponse');

export const createStreamTicket = createRoute({
  method: 'post',
  path: '/api/v1/events/stream/tickets',
  operationId: 'createStreamTicket',
  tags: ['Stream'],
  summary: 'A single-use ticket to open the stream without a token in the URL',
  security: security.anyone,
  responses: { 200: jsonContent(StreamTicketResponse, 'The ticket.'), ...errorResponses(401, 429) },
});

export const openStream = createRoute({
  method: 'get',
  path: '/api/v1/events/stream',
  operationId: 'openStream',
  tags: ['Stream'],
  summary: 'The real-time event stream (WebSocket)',
  description: [
    'Upgrade to a WebSocket. Authenticate with one of: the `auth=<token>` query parameter (the design document form), a single-use `ticket` from POST /api/v1/events/stream/tickets, the subprotocols `Sec-WebSocket-Protocol: oriva.v1, auth.<token>` (browsers, which cannot set headers), or `Authorization: Bearer <token>` (other clients). The token is an app API key, a user token or the admin token.',
    "An app key sees its own app's events (narrow with `user_id`); a user token sees every event whose user_id is that user.",
    'The first frame is `{"control":"ready","resume":"none"|"complete"|"too_old","position":…}`; each event frame has the design document\'s fields plus `type` and `position`.',
    'Send JSON text frames `{"type":"subscribe"|"unsubscribe","events":[…]}` to change filters, `{"type":"ping"}` for a `pong`. An invalid message is answered with `{"control":"error","code","message","path"}`; binary frames close with 1003, ten invalid messages in a row with 1008, frames over 64 KiB with 1009, a server fault with 1011.',
    'A refused upgrade answers the usual JSON error body. See docs/stream.md.',
  ].join(' '),
  security: security.anyone,
  request: {
    query: StreamQuery,
    headers: z.object({
      authorization: z.string().optional().openapi({
        description: '`Bearer <token>`, for clients that can set headers on the upgrade request.',
        example: 'Bearer ok_live_…',
      }),
      'sec-websocket-protocol': z.string().optional().openapi({
        description: '`oriva.v1, auth.<token>`: how a browser sends its token. The server selects `oriva.v1`.',
        example: 'oriva.v1, auth.<token>',
      }),
    }),
  },
  responses: { 101: { description: 'Switching protocols.' }, ...errorResponses(400, 401, 403) },
});
