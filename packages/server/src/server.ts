import { lookup } from 'node:dns/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { DestinationStream, Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { createApp } from './app.js';
import { createUserTokenVerifier } from './auth/jwt.js';
import { createPortalSessions } from './auth/portal-sessions.js';
import { type FeedCache, memoryFeedCache } from './cache/feed-cache.js';
import { withFeedInvalidation } from './cache/feed-invalidation.js';
import { RedisFeedCache } from './cache/redis-feed-cache.js';
import { type Config, ConfigError, loadConfig } from './config/env.js';
import { ensureSecrets } from './config/secrets.js';
import { removeServerFile, writeServerFile } from './config/server-file.js';
import type { LookupAll } from './core/deps.js';
import { createSecretBox } from './core/secret-box.js';
import type { Deps } from './http/context.js';
import { IDEMPOTENCY_KEY_TTL_MS } from './http/idempotency.js';
import { MemoryRateLimiter, type RateLimiter } from './http/rate-limit.js';
import { RedisRateLimiter } from './http/rate-limit-redis.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { startStallTrace } from './observability/stall-trace.js';
import { CommitWaits } from './services/consumers/index.js';
import { startExpirySweeper } from './services/expiry-sweeper.js';
import { startRetentionJob } from './services/retention.js';
import { createInProcessBus } from './services/stream/bus.js';
import { RedisConnectionCounter, RedisTicketStore } from './services/stream/coordination-redis.js';
import { StreamHub } from './services/stream/hub.js';
import { SUBPROTOCOL } from './services/stream/protocol.js';
import { createRedisBus } from './services/stream/redis-bus.js';
import { trackStreamHead } from './services/stream/stream-head.js';
import { DeliveryWorker } from './services/webhooks/delivery-worker.js';
import { createSender } from './services/webhooks/sender.js';
import { urlPolicyFrom } from './services/webhooks/url-policy.js';
import { withApiKeyCache } from './storage/cached-api-keys.js';
import { type BreakerState, CircuitBreaker } from './storage/circuit-breaker.js';
import { isDatabaseUnreachable } from './storage/failures.js';
import { reportingTo, withCircuitBreaker } from './storage/guarded-storage.js';
import { openSqliteStorage } from './storage/sqlite/index.js';
import { type StorageCallObserver, withQueryTiming } from './storage/timed-storage.js';
import type { Storage } from './storage/types.js';

export const DATABASE_FILE = 'oriva.db';

export interface StartOptions {
  /** The environment to configure from; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  /** Resolves webhook hosts (default: the system resolver). Tests use it to play DNS rebinding. */
  lookupHost?: LookupAll;
  /** Where log lines go (default: stdout). Tests pass a stream to read what the server logged. */
  logDestination?: DestinationStream;
}

export interface RunningServer {
  url: string;
  port: number;
  config: Config;
  /** Where the generated admin token is saved; undefined when ORIVA_ADMIN_TOKEN is set. */
  adminTokenFile: string | undefined;
  /** The SQLite file; undefined on PostgreSQL. */
  databaseFile: string | undefined;
  /** The ids of the apps registered when the server started: the banner says so instead of "create one". */
  appsAtStart: string[];
  /** Stops accepting connections, lets requests in flight finish, then closes storage. */
  close(): Promise<void>;
}

/** Starts the server on the configured port. Prints nothing: the binary and the CLI print their own banner. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = loadConfig(options.env ?? process.env);
  const secrets = ensureSecrets(config);
  const databaseFile = config.database ? undefined : join(config.dataDir, DATABASE_FILE);
  // The sources are read at scrape time, once storage is open.
  const metrics = createMetrics({
    pendingDeliveries: () => storage.deliveries.countPending(),
    webhooks: () => storage.webhooks.count(),
  });
  // Every storage call passes the breaker, outside the timing, so refused calls do not pass for fast
  // queries; the timing layer reports each outcome to it. It probes the storage beneath itself, so its
  // own refusals never keep it open.
  let unguarded: Storage | undefined;
  const breaker = new CircuitBreaker({ probe: () => (unguarded as Storage).ping() });
  unguarded = await openStorage(config, databaseFile, reportingTo(breaker, metrics.storageCallObserver));
  const logger = createLogger(config.logLevel, config.logFormat, options.logDestination);
  breaker.onChange((state) => {
    metrics.storageCircuitState.set(BREAKER_GAUGE[state]);
    if (state === 'open') metrics.storageCircuitOpens.inc();
    const log = state === 'open' ? logger.error.bind(logger) : logger.warn.bind(logger);
    log({ state }, `storage circuit breaker ${state}`);
  });
  const stopStallTrace = startStallTrace(config.stallTrace, logger);
  const guarded = withCircuitBreaker(unguarded, breaker);
  const feedCache = createFeedCache(config, guarded, logger);
  // Writes on any instance must reach the shared cache: each bumps its users' versions after committing.
  const storage = feedCache instanceof RedisFeedCache ? withFeedInvalidation(guarded, feedCache) : guarded;
  const appsAtStart = (await storage.apps.list()).map((app) => app.app_id);
  // Committed events reach stream clients through the bus: in process for one instance; with Redis,
  // every instance's commits reach every instance's clients (gaps filled from the database).
  const { redisUrl, redisPrefix } = config;
  const bus = redisUrl
    ? createRedisBus({
        url: redisUrl,
        keyPrefix: redisPrefix,
        logger,
        headPosition: () => storage.events.head(),
        fetchAfter: (position, limit) => storage.events.committedAfter(position, limit),
      })
    : createInProcessBus();
  // PostgreSQL's head is a MAX(position) round trip: the feed reads it from process memory instead.
  // SQLite's is a local index lookup, exact and cheap, and stays as it is.
  const streamHead =
    storage.kind === 'postgres'
      ? trackStreamHead({
          read: () => storage.events.head(),
          sources: [storage.events.onCommitted, (listener) => bus.subscribe(listener)],
        })
      : { current: () => storage.events.head(), close: () => {} };
  const deps: Deps = {
    config,
    storage,
    logger,
    metrics,
    rateLimiter: createRateLimiter(config, logger),
    adminToken: secrets.adminToken,
    verifyUserToken: createUserTokenVerifier({ ...config.jwt, secret: secrets.jwtSecret }),
    jwtSecret: secrets.jwtSecret,
    lookupHost: options.lookupHost ?? ((hostname) => lookup(hostname, { all: true })),
    secretBox: createSecretBox(config.secretKey),
    portalSessions: createPortalSessions(secrets.adminToken),
    breaker,
    feedCache,
    streamHead,
  };
  const stopBroadcast = storage.events.onCommitted((events) => bus.publish(events));
  // Tickets and the per-user connection limit are shared through Redis too, so a ticket issued by
  // one instance opens a stream on another and ten connections means ten across all of them.
  const streamHub = new StreamHub(
    deps,
    bus,
    redisUrl
      ? {
          tickets: new RedisTicketStore({ redis: redisUrl, keyPrefix: redisPrefix, logger }),
          connections: new RedisConnectionCounter({
            redis: redisUrl,
            keyPrefix: redisPrefix,
            logger,
            entryTtlMs: config.stream.heartbeatSeconds * 2_500,
          }),
        }
      : {},
  );
  // Long polls wake on the same bus: a commit on any instance answers a poll waiting on this one.
  const commitWaits = new CommitWaits(bus);
  const app = createApp(deps, streamHub, commitWaits);
  const webSockets = new WebSocketServer({
    noServer: true,
    // Clients send filters, never events: 64 KiB is plenty, and larger frames close the connection.
    maxPayload: 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  });

  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const instance = serve(
        { fetch: app.fetch, port: config.port, hostname: config.host, websocket: { server: webSockets } },
        () => resolve(instance),
      );
      instance.once('error', reject);
    });
  } catch (error) {
    // Nothing may outlive a failed start (a port in use): the caller may try again in the same process.
    await streamHub.close();
    stopBroadcast();
    streamHead.close();
    webSockets.close();
    await deps.rateLimiter?.close();
    await feedCache.close();
    breaker.close();
    await storage.close();
    throw error;
  }

  // Background work starts once the server is listening.
  const expirySweeper = startExpirySweeper(deps, config.expirySweepSeconds);
  const retention = startRetentionJob(deps);
  const deliveryWorker = new DeliveryWorker(deps, {
    sender: createSender(urlPolicyFrom(config), deps.lookupHost, config.webhooks.timeoutMs),
    secretBox: deps.secretBox,
  });
  const pruneIdempotencyKeys = setInterval(
    () => {
      storage.idempotency
        .prune(new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS).toISOString())
        .catch((error) => logger.warn({ err: error }, 'pruning idempotency keys failed'));
    },
    60 * 60 * 1000,
  ).unref();

  const { port } = server.address() as AddressInfo;
  const displayHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`;
  writeServerFile(config.dataDir, url);
  logger.info({ url, data_dir: config.dataDir, dev: config.dev }, 'oriva server listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    config,
    adminTokenFile: secrets.adminTokenFile,
    databaseFile,
    appsAtStart,
    close: () => {
      closing ??= (async () => {
        // First, so no command finds a server that no longer takes requests.
        removeServerFile(config.dataDir, url);
        clearInterval(pruneIdempotencyKeys);
        await expirySweeper.stop();
        await retention.stop();
        await deliveryWorker.stop();
        await streamHub.close();
        // Waiting polls answer now, so closing the HTTP server does not wait out their 30 seconds.
        commitWaits.close();
        stopBroadcast();
        streamHead.close();
        await bus.close();
        webSockets.close();
        await deps.rateLimiter?.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive sockets would hold close() open until they time out; idle ones can go now.
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await feedCache.close();
        breaker.close();
        await storage.close();
        stopStallTrace();
      })();
      return closing;
    },
  };
}

/**
 * Feed pages and unread counts: shared through Redis by the instances of a PostgreSQL deployment,
 * else kept in this process. SQLite keeps its own even with Redis: one process owns the file and
 * sees every write, so its versions cost no round trip.
 */
function createFeedCache(config: Config, storage: Storage, logger: Logger): FeedCache {
  if (config.redisUrl && storage.kind === 'postgres') {
    return new RedisFeedCache({ redis: config.redisUrl, keyPrefix: config.redisPrefix, logger });
  }
  return memoryFeedCache((userId) => storage.notifications.feedVersion(userId));
}

/** The breaker's state as its gauge reads it (oriva_storage_circuit_state). */
const BREAKER_GAUGE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** Fixed windows shared through Redis when configured, else counted in this process. */
function createRateLimiter(config: Config, logger: Logger): RateLimiter | undefined {
  if (!config.rateLimits) return undefined;
  if (!config.redisUrl) return new MemoryRateLimiter(config.rateLimits);
  return new RedisRateLimiter({
    rules: config.rateLimits,
    redis: config.redisUrl,
    keyPrefix: config.redisPrefix,
    logger,
  });
}

/**
 * PostgreSQL when ORIVA_DATABASE_URL is set (several instances may share it), else the embedded
 * SQLite file. Only a single SQLite writer may cache API keys: on PostgreSQL another instance may
 * revoke a key, and revocation must take effect on the next request. Calls are timed on the adapter,
 * beneath the cache, so cache hits do not pass for fast queries.
 */
async function openStorage(
  config: Config,
  databaseFile: string | undefined,
  observerFor: (operation: string) => StorageCallObserver,
): Promise<Storage> {
  if (config.database) {
    // Loaded only when configured: the embedded default never loads the PostgreSQL driver.
    const { openPostgresStorage } = await import('./storage/postgres/index.js');
    try {
      return withQueryTiming(await openPostgresStorage(config.database), observerFor);
    } catch (error) {
      // Unreachable, refused, unknown database, bad password: the operator's URL is the thing to check.
      if (!isConnectionFailure(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError(
        `Invalid configuration:\n  ORIVA_DATABASE_URL: cannot open PostgreSQL at ${withoutPassword(config.database.url)} (${reason}); check that it is running and that the URL, user and database are right`,
      );
    }
  }
  if (!databaseFile) throw new Error('no database configured');
  return withApiKeyCache(withQueryTiming(openSqliteStorage(databaseFile), observerFor));
}

/**
 * Whether PostgreSQL could not be opened: out of reach, or it refused us (SQLSTATE class 28,
 * authorization; 3D000, no such database).
 */
function isConnectionFailure(error: unknown): boolean {
  if (isDatabaseUnreachable(error)) return true;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (code === '3D000' || code.startsWith('28'));
}

/** The URL as it may be printed: any password replaced. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}
