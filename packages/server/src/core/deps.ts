/**
 * What the server is made of, built once at start (server.ts) and handed down: services get
 * `ServiceDeps`, and each long-running one only the part it uses. It lives below services and the HTTP
 * layer alike, so neither imports the other for it.
 */
import type { Logger } from 'pino';
import type { PortalSessions } from '../auth/portal-sessions.js';
import type { FeedCache } from '../cache/feed-cache.js';
import type { Config } from '../config/env.js';
import type { Metrics } from '../observability/metrics.js';
import type { CircuitBreaker } from '../storage/circuit-breaker.js';
import type { Storage } from '../storage/types.js';
import type { SecretBox } from './secret-box.js';

/** DNS for webhook hosts: every address a name resolves to. */
export type LookupAll = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

/** What services may use. The HTTP layer's `Deps` adds what only requests need (the rate limiter). */
export interface ServiceDeps {
  config: Config;
  storage: Storage;
  /** Open while the database is out of reach: background work pauses on it and resumes when it closes. */
  breaker: CircuitBreaker;
  logger: Logger;
  metrics: Metrics;
  adminToken: string;
  verifyUserToken: (token: string) => Promise<{ userId: string }>;
  /** The HS256 user-token secret, when the server has one: the dev-only token endpoint signs with it. */
  jwtSecret?: string | undefined;
  /** DNS for webhook hosts, checked when saved and again on connect (injectable for tests). */
  lookupHost: LookupAll;
  /** Encrypts webhook secrets at rest when ORIVA_SECRET_KEY is set. */
  secretBox: SecretBox;
  /** Issues and verifies the console's single-app portal session tokens. */
  portalSessions: PortalSessions;
  /** Feed pages and unread counts: in this process (SQLite), or shared through Redis (PostgreSQL with Redis). */
  feedCache: FeedCache;
  /**
   * The stream's head position, for reads that answer with it (the feed's `stream_position`): every
   * event at or below it is committed (services/stream/stream-head.ts).
   */
  streamHead: { current(): Promise<number> };
}

/** The delivery worker: the outbox, its settings, and where it reports. */
export interface DeliveryWorkerDeps {
  storage: Pick<Storage, 'deliveries'>;
  breaker: CircuitBreaker;
  config: Pick<Config, 'webhooks'>;
  logger: Logger;
  metrics: Metrics;
}

/** The stream hub and its connections: the event log, their settings, and where they report. */
export interface StreamHubDeps {
  storage: Pick<Storage, 'events' | 'notifications' | 'stats'>;
  config: Pick<Config, 'stream'>;
  logger: Logger;
  metrics: Metrics;
}
