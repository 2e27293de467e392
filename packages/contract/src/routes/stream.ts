import { createRoute, z } from '@hono/zod-openapi';
import { SuccessFlag, Timestamp } from '../schemas/common.js';
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
    'Upgrade to a WebSocket. Authenticate with `auth=<token>` (the design document form), a `ticket` from POST /api/v1/events/stream/tickets, or the subprotocols `oriva.v1, auth.<token>`.',
    "An app key sees its own app's events (narrow with `user_id`); a user token sees every event whose user_id is that user.",
    'The first frame is `{"control":"ready","resume":"none"|"complete"|"too_old","position":…}`; each event frame has the design document\'s fields plus `type` and `position`. Send `{"type":"subscribe"|"unsubscribe","events":[…]}` to change filters. See docs/stream.md.',
  ].join(' '),
  security: security.anyone,
  request: {
    query: z.object({
      app_id: z.string().optional(),
      user_id: z.string().optional(),
      events: z.string().optional().openapi({ example: 'notification.*,session.created' }),
      since: z.string().optional().openapi({ description: 'Resume after this position or event id.' }),
      auth: z.string().optional(),
      ticket: z.string().optional(),
    }),
  },
  responses: { 101: { description: 'Switching protocols.' }, ...errorResponses(400, 401, 403) },
});
