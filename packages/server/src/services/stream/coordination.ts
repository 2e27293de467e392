import { randomBytes } from 'node:crypto';
import type { Principal } from '../../auth/principal.js';

/** The design document's limit: 10 concurrent stream connections per user. */
export const MAX_CONNECTIONS_PER_USER = 10;
/** How long a stream ticket stays redeemable. */
export const TICKET_TTL_MS = 30_000;

export interface IssuedTicket {
  ticket: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/**
 * Short-lived, single-use tickets standing for a principal, so no token travels in a URL. With
 * several instances the store is shared: a ticket issued on one is redeemed, once, on any.
 */
export interface TicketStore {
  issue(principal: Principal): Promise<IssuedTicket>;
  /** The ticket's principal, at most once; undefined when the ticket is unknown, used or expired. */
  redeem(ticket: string): Promise<Principal | undefined>;
  close(): Promise<void>;
}

/**
 * Places for each user's concurrent stream connections, counted across every instance. Each
 * connection holds a place under its own id; an instance keeps its places alive with `refresh`,
 * so the places of an instance that died free themselves.
 */
export interface ConnectionCounter {
  /** Takes a place for the connection; false when the user already holds every place. */
  acquire(userId: string, connectionId: string): Promise<boolean>;
  release(userId: string, connectionId: string): Promise<void>;
  /** Called every heartbeat with every connection this instance holds a place for. */
  refresh(held: ReadonlyArray<{ userId: string; connectionId: string }>): Promise<void>;
  close(): Promise<void>;
}

/** A stream ticket: 192 random bits. */
export function newTicket(): string {
  return `tkt_${randomBytes(24).toString('base64url')}`;
}

/** Tickets in memory, for one instance. */
export class MemoryTicketStore implements TicketStore {
  private readonly tickets = new Map<string, { principal: Principal; expiresAt: number }>();
  private nextSweep = 0;

  constructor(
    private readonly ttlMs = TICKET_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(principal: Principal): Promise<IssuedTicket> {
    const now = this.now();
    if (now >= this.nextSweep) {
      // Tickets never redeemed would pile up: drop the expired ones, at most once per TTL.
      for (const [ticket, entry] of this.tickets) if (entry.expiresAt <= now) this.tickets.delete(ticket);
      this.nextSweep = now + this.ttlMs;
    }
    const ticket = newTicket();
    const expiresAt = now + this.ttlMs;
    this.tickets.set(ticket, { principal, expiresAt });
    return { ticket, expiresAt };
  }

  async redeem(ticket: string): Promise<Principal | undefined> {
    const entry = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    return entry && entry.expiresAt > this.now() ? entry.principal : undefined;
  }

  async close(): Promise<void> {
    this.tickets.clear();
  }
}

/** Connection places in memory, for one instance: nothing to refresh, nothing expires. */
export class MemoryConnectionCounter implements ConnectionCounter {
  private readonly perUser = new Map<string, Set<string>>();

  constructor(private readonly limit = MAX_CONNECTIONS_PER_USER) {}

  async acquire(userId: string, connectionId: string): Promise<boolean> {
    const held = this.perUser.get(userId) ?? new Set<string>();
    if (held.has(connectionId)) return true;
    if (held.size >= this.limit) return false;
    held.add(connectionId);
    this.perUser.set(userId, held);
    return true;
  }

  async release(userId: string, connectionId: string): Promise<void> {
    const held = this.perUser.get(userId);
    if (!held) return;
    held.delete(connectionId);
    if (held.size === 0) this.perUser.delete(userId);
  }

  async refresh(): Promise<void> {}

  async close(): Promise<void> {
    this.perUser.clear();
  }
}
