import { upgradeWebSocket } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import { routes, StreamEventPattern } from '@oriva/contract';
import type { WebSocket } from 'ws';
import { errors } from '../../core/errors.js';
import { authenticate, bearerCredential } from '../../http/authenticate.js';
import type { AppEnv, Deps } from '../../http/context.js';
import { guarded } from '../../http/guarded-route.js';
import { validationHook } from '../../http/validation.js';
import type { StreamHub, StreamRequest } from '../../services/stream/hub.js';
import { AUTH_SUBPROTOCOL_PREFIX } from '../../services/stream/protocol.js';
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
      const principal = await streamPrincipal(
        c.req.query('ticket'),
        c.req.query('auth'),
        c.req.header('authorization'),
        c.req.header('sec-websocket-protocol'),
      );
      const appId = c.req.query('app_id') || undefined;
      const userId = c.req.query('user_id') || undefined;
      const scope: StreamRequest['scope'] = { principal };
      if (principal.kind === 'app') {
        if (appId !== undefined && appId !== principal.appId) {
          throw errors.forbidden(`This API key belongs to app "${principal.appId}", not "${appId}"`, 'forbidden_app');
        }
        Object.assign(scope, { app_id: principal.appId, user_id: userId });
      } else if (principal.kind === 'user') {
        if (userId !== undefined && userId !== principal.userId) {
          throw errors.forbidden("A user token streams only that user's events", 'forbidden_user');
        }
        Object.assign(scope, { user_id: principal.userId, app_id: appId });
      } else {
        if (appId === undefined && userId === undefined) {
          throw errors.validation([
            { path: 'app_id', code: 'required', message: 'the admin streams one app (app_id) or one user (user_id)' },
          ]);
        }
        Object.assign(scope, { app_id: appId, user_id: userId });
      }
      const patterns = (c.req.query('events') ?? '*')
        .split(',')
        .map((pattern) => pattern.trim())
        .filter(Boolean);
      const invalid = patterns.findIndex((pattern) => !StreamEventPattern.safeParse(pattern).success);
      if (invalid >= 0) {
        throw errors.validation([
          {
            path: 'events',
            code: 'invalid_pattern',
            message: `"${patterns[invalid]}" is not "*", "<category>.*" or "<category>.<type>"`,
          },
        ]);
      }
      const since = c.req.query('since') || undefined;
      if (since !== undefined && !/^(\d{1,15}|evt_[0-9A-Z]{26})$/.test(since)) {
        throw errors.validation([
          { path: 'since', code: 'invalid_format', message: 'must be a position or an event id (evt_…)' },
        ]);
      }
      const request: StreamRequest = {
        scope,
        patterns: patterns.length > 0 ? patterns : ['*'],
        since,
        requestId: c.get('requestId'),
      };
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

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
