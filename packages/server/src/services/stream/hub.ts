import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Principal } from '../../auth/principal.js';
import type { Deps } from '../../http/context.js';
import type { EventBus } from './bus.js';
import { StreamConnection, type StreamScope } from './connection.js';
import { CLOSE } from './protocol.js';

/** The design document's limit: 10 concurrent stream connections per user. */
export const MAX_CONNECTIONS_PER_USER = 10;
const TICKET_TTL_MS = 30_000;

/**
 * All stream connections of this instance: admission (per-user limit), heartbeats (a peer silent
 * for two intervals is closed), single-use tickets, and a graceful close on shutdown.
 */
export class StreamHub {
  private readonly connections = new Set<StreamConnection>();
  /** Open connections per user, for the per-user limit without scanning every connection. */
  private readonly perUser = new Map<string, number>();
  private readonly tickets = new Map<string, { principal: Principal; expiresAt: number }>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly deps: Deps,
    private readonly bus: EventBus,
  ) {
    this.heartbeat = setInterval(() => {
      for (const connection of this.connections) connection.heartbeat();
      const now = Date.now();
      for (const [ticket, entry] of this.tickets) if (entry.expiresAt <= now) this.tickets.delete(ticket);
    }, deps.config.stream.heartbeatSeconds * 1000);
    this.heartbeat.unref();
  }

  /** A short-lived, single-use ticket standing for a principal, so no token travels in a URL. */
  issueTicket(principal: Principal): { ticket: string; expires_at: string } {
    const ticket = `tkt_${randomBytes(24).toString('base64url')}`;
    const expiresAt = Date.now() + TICKET_TTL_MS;
    this.tickets.set(ticket, { principal, expiresAt });
    return { ticket, expires_at: new Date(expiresAt).toISOString() };
  }

  redeemTicket(ticket: string): Principal | undefined {
    const entry = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    return entry && entry.expiresAt > Date.now() ? entry.principal : undefined;
  }

  async open(ws: WebSocket, scope: StreamScope, patterns: string[], since: string | undefined): Promise<void> {
    const { principal } = scope;
    const userId = principal.kind === 'user' ? principal.userId : undefined;
    if (userId !== undefined) {
      const open = this.perUser.get(userId) ?? 0;
      if (open >= MAX_CONNECTIONS_PER_USER) {
        ws.close(CLOSE.tooManyConnections, `too many connections: at most ${MAX_CONNECTIONS_PER_USER} per user`);
        return;
      }
      this.perUser.set(userId, open + 1);
    }
    const connection = new StreamConnection(ws, scope, patterns, this.deps, this.bus, {
      maxReplay: this.deps.config.stream.maxReplay,
      maxBufferedBytes: this.deps.config.stream.maxBufferedBytes,
    });
    this.connections.add(connection);
    this.deps.metrics.streamConnections.inc({ principal: principal.kind });
    ws.on('close', () => {
      if (!this.connections.delete(connection)) return;
      this.deps.metrics.streamConnections.dec({ principal: principal.kind });
      if (userId !== undefined) {
        const left = (this.perUser.get(userId) ?? 1) - 1;
        if (left > 0) this.perUser.set(userId, left);
        else this.perUser.delete(userId);
      }
    });
    await connection.start(since);
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const connection of this.connections) connection.close(CLOSE.goingAway, 'server shutting down');
  }
}
