import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Principal } from '../../auth/principal.js';
import type { StreamHubDeps } from '../../core/deps.js';
import { StreamDeliveries } from '../notifications/delivery.js';
import type { EventBus } from './bus.js';
import { StreamConnection, type StreamScope } from './connection.js';
import {
  type ConnectionCounter,
  MAX_CONNECTIONS_PER_USER,
  MemoryConnectionCounter,
  MemoryTicketStore,
  type TicketStore,
} from './coordination.js';
import { disconnectReason } from './disconnect-reason.js';
import { CLOSE } from './protocol.js';
import { StreamStats } from './stream-stats.js';

export { MAX_CONNECTIONS_PER_USER } from './coordination.js';

/** An admitted upgrade request: who, which events, where to resume, and its request id for the logs. */
export interface StreamRequest {
  scope: StreamScope;
  patterns: string[];
  since: string | undefined;
  requestId: string;
}

/** Where tickets and per-user places live: memory for one instance, Redis for several. */
export interface StreamCoordination {
  tickets: TicketStore;
  connections: ConnectionCounter;
}

/**
 * All stream connections of this instance: admission (per-user limit), heartbeats (a peer silent
 * for two intervals is closed), single-use tickets, and a graceful close on shutdown. The hub owns
 * its coordination and closes it.
 */
export class StreamHub {
  private readonly connections = new Set<StreamConnection>();
  /** The place each user connection holds in the per-user limit. */
  private readonly places = new Map<StreamConnection, { userId: string; connectionId: string }>();
  private readonly tickets: TicketStore;
  private readonly counter: ConnectionCounter;
  private readonly heartbeat: NodeJS.Timeout;
  /** Notifications pushed to their user, recorded as delivered. */
  private readonly deliveries: StreamDeliveries;
  /** Connections opened and peaks, in the stats rollups. */
  private readonly stats: StreamStats;
  private readonly unsubscribeErasures: () => void;

  constructor(
    private readonly deps: StreamHubDeps,
    private readonly bus: EventBus,
    coordination: Partial<StreamCoordination> = {},
  ) {
    this.tickets = coordination.tickets ?? new MemoryTicketStore();
    this.counter = coordination.connections ?? new MemoryConnectionCounter();
    this.deliveries = new StreamDeliveries(deps.storage.notifications, deps.logger);
    this.stats = new StreamStats(deps);
    this.heartbeat = setInterval(() => {
      // Each heartbeat is guarded by its connection: one that throws is closed, the others still ping.
      for (const connection of this.connections) connection.heartbeat();
      if (this.places.size > 0) {
        this.counter
          .refresh([...this.places.values()])
          .catch((error) => deps.logger.warn({ err: error }, 'refreshing stream connection places failed'));
      }
    }, deps.config.stream.heartbeatSeconds * 1000);
    this.heartbeat.unref();
    // An erasure on another instance reaches this one as its `user.deleted` events (through the bus, as
    // every committed event does): the erased user's connections here close too.
    this.unsubscribeErasures = bus.subscribe((events) => {
      for (const event of events) {
        if (event.event_category === 'user' && event.event_type === 'deleted' && event.user_id !== null) {
          this.disconnectUser(event.user_id);
        }
      }
    });
  }

  /** A short-lived, single-use ticket standing for a principal, so no token travels in a URL. */
  async issueTicket(principal: Principal): Promise<{ ticket: string; expires_at: string }> {
    const { ticket, expiresAt } = await this.tickets.issue(principal);
    return { ticket, expires_at: new Date(expiresAt).toISOString() };
  }

  redeemTicket(ticket: string): Promise<Principal | undefined> {
    return this.tickets.redeem(ticket);
  }

  /**
   * Admits an upgraded socket (the per-user limit), then starts its connection. Never rejects: a
   * failure closes this socket with 1011 and is logged.
   */
  async open(ws: WebSocket, request: StreamRequest): Promise<void> {
    const { scope } = request;
    const log = this.deps.logger.child({
      req_id: request.requestId,
      principal: scope.principal.kind,
      app_id: scope.app_id,
      user_id: scope.user_id,
    });
    try {
      await this.admit(ws, request, log);
    } catch (error) {
      log.error({ err: error }, 'stream open failed; closing the connection');
      if (ws.readyState === ws.OPEN) ws.close(CLOSE.internalError, 'internal error');
    }
  }

  private async admit(ws: WebSocket, { scope, patterns, since }: StreamRequest, log: Logger): Promise<void> {
    const { principal } = scope;
    const userId = principal.kind === 'user' ? principal.userId : undefined;
    const connectionId = randomUUID();
    if (userId !== undefined) {
      if (!(await this.counter.acquire(userId, connectionId))) {
        log.info({ close_code: CLOSE.tooManyConnections }, 'stream refused: too many connections for this user');
        ws.close(CLOSE.tooManyConnections, `too many connections: at most ${MAX_CONNECTIONS_PER_USER} per user`);
        return;
      }
      if (ws.readyState !== ws.OPEN) {
        // The peer left while we asked for its place.
        await this.counter.release(userId, connectionId);
        return;
      }
    }
    const connection = new StreamConnection(
      ws,
      scope,
      patterns,
      this.deps,
      this.bus,
      { maxReplay: this.deps.config.stream.maxReplay, maxBufferedBytes: this.deps.config.stream.maxBufferedBytes },
      log,
    );
    this.connections.add(connection);
    if (userId !== undefined) {
      this.places.set(connection, { userId, connectionId });
      // A frame the socket refused (closed, or a slow consumer just closed) reached no one.
      connection.onSent = (event) => {
        if (ws.readyState === ws.OPEN) this.deliveries.sent(userId, event);
      };
    }
    this.deps.metrics.streamConnections.inc({ principal: principal.kind });
    const counted = this.stats.opened(scope);
    const openedAt = performance.now();
    // The design document asks for a log line per WebSocket connect and disconnect.
    log.info({ events: patterns, since }, 'stream connected');
    ws.on('close', (code, reason) => {
      if (!this.connections.delete(connection)) return;
      log.info(
        {
          duration_ms: Math.round(performance.now() - openedAt),
          close_code: code,
          close_reason: reason.toString() || undefined,
        },
        'stream disconnected',
      );
      this.deps.metrics.streamConnections.dec({ principal: principal.kind });
      this.deps.metrics.streamDisconnects.inc({ principal: principal.kind, reason: disconnectReason(code) });
      counted();
      if (this.places.delete(connection) && userId !== undefined) {
        this.counter
          .release(userId, connectionId)
          .catch((error) => log.warn({ err: error }, 'releasing a stream connection place failed'));
      }
    });
    await connection.start(since);
  }

  /**
   * Closes the user's own connections on this instance (an erased user): 4403, which tells clients
   * not to reconnect. App connections narrowed to the user are the app's, and stay. Returns how many.
   */
  disconnectUser(userId: string): number {
    let closed = 0;
    for (const [connection, place] of this.places) {
      if (place.userId !== userId) continue;
      connection.close(CLOSE.forbidden, 'user erased');
      closed++;
    }
    return closed;
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.stats.close();
    this.unsubscribeErasures();
    for (const connection of this.connections) connection.close(CLOSE.goingAway, 'server shutting down');
    // Free this instance's places now rather than when they expire.
    const places = [...this.places.values()];
    this.places.clear();
    await Promise.allSettled(places.map(({ userId, connectionId }) => this.counter.release(userId, connectionId)));
    await this.deliveries.close();
    await Promise.allSettled([this.tickets.close(), this.counter.close()]);
  }
}
