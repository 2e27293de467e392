import { upgradeWebSocket } from '@hono/node-server';
import { OpenAPIHono, type z } from '@hono/zod-openapi';
import { routes, StreamAccessQuery, StreamFilterQuery } from '@oriva/contract';
import type { WebSocket } from 'ws';
import { errors } from '../../core/errors.js';
import { authenticate, bearerCredential } from '../../http/authenticate.js';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { fieldErrorsFrom, validationHook } from '../../http/validation.js';
import type { StreamHub, StreamRequest } from '../../services/stream/hub.js';
import { AUTH_SUBPROTOCOL_PREFIX } from '../../services/stream/protocol.js';
import { streamScope } from '../../services/stream/scope.js';
import { answerRefusedUpgrade } from './refused-upgrade.js';

export function streamRoutes(deps: Deps, hub: StreamHub) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(guarded(routes.createStreamTicket, deps), async (c) =>
    c.json({ success: true as const, ...(await hub.issueTicket(c.get('principal')!)) }, 200),
  );

  app.get(
    '/api/v1/events/stream',
    answerRefusedUpgrade,
    async (c, next) => {
      // Node hands a request to the WebSocket server only when `Connection` says upgrade too.
      const upgrading =
        c.req.header('upgrade')?.toLowerCase() === 'websocket' && /\bupgrade\b/i.test(c.req.header('connection') ?? '');
      if (!upgrading) {
        throw errors.validation([
          { path: 'upgrade', code: 'websocket_required', message: 'open this URL as a WebSocket' },
        ]);
      }
      const origin = c.req.header('origin');
      const origins = deps.config.stream.origins;
      // A page served by this server (the /inbox notification center) is always its own origin.
      const sameOrigin = origin !== undefined && hostOf(origin) === c.req.header('host');
      if (origin !== undefined && !sameOrigin && !origins.includes('*') && !origins.includes(origin)) {
        throw errors.forbidden(`Origin ${origin} may not open the stream (ORIVA_STREAM_ORIGINS)`, 'forbidden_origin');
      }
      const access = parseQuery(StreamAccessQuery, c.req.query());
      const principal = await streamPrincipal(
        access.ticket,
        access.auth,
        c.req.header('authorization'),
        c.req.header('sec-websocket-protocol'),
      );
      const scope = streamScope(principal, access);
      const { events: patterns, since } = parseQuery(StreamFilterQuery, c.req.query());
      const request: StreamRequest = { scope, patterns, since, requestId: c.get('requestId') };
      c.set('streamRequest', request);
      await next();
    },
    upgradeWebSocket((c) => {
      const request = c.get('streamRequest') as StreamRequest;
      return {
        // The hub never rejects: it closes the socket with 1011 and logs when opening fails.
        onOpen: (_event, ws) => void hub.open(ws.raw as unknown as WebSocket, request),
      };
    }),
  );

  /**
   * The credential: a ticket, the design document's `auth` parameter, `Authorization: Bearer` (clients
   * other than browsers, which cannot set headers on a WebSocket), or an `auth.<token>` subprotocol.
   */
  async function streamPrincipal(
    ticket: string | undefined,
    auth: string | undefined,
    authorization: string | undefined,
    protocols: string | undefined,
  ) {
    if (ticket !== undefined) {
      const principal = await hub.redeemTicket(ticket);
      if (!principal)
        throw errors.invalidCredentials('The stream ticket is unknown, used or expired; ask for a new one');
      return principal;
    }
    const fromProtocol = protocols
      ?.split(',')
      .map((protocol) => protocol.trim())
      .find((protocol) => protocol.startsWith(AUTH_SUBPROTOCOL_PREFIX))
      ?.slice(AUTH_SUBPROTOCOL_PREFIX.length);
    return authenticate(deps, auth ?? bearerCredential(authorization) ?? fromProtocol);
  }

  return app;
}

/**
 * Applies one of the contract's stream query schemas. The upgrade is admitted step by step (upgrade,
 * origin, credential, scope, filters), not by the route validator, so that a refusal is the first
 * step's; within a step it names one field, the first, as stream refusals always have.
 */
function parseQuery<Schema extends z.ZodType>(schema: Schema, query: Record<string, string>): z.output<Schema> {
  const result = schema.safeParse(query);
  if (!result.success) throw errors.validation(fieldErrorsFrom(result.error).slice(0, 1));
  return result.data;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
