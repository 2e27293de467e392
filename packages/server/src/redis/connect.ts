import { createHash } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/** The logger methods the Redis components use; a pino logger fits. */
export type RedisLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** The prefix of every Oriva key and channel when none is configured. */
export const DEFAULT_KEY_PREFIX = 'oriva:';

export interface RedisClientOptions {
  /** `redis://` or `rediss://` URL (ORIVA_REDIS_URL). */
  url: string;
  /** Prepended to every key (ioredis `keyPrefix`); pub/sub channels are not prefixed by ioredis. */
  keyPrefix?: string;
  /**
   * Queue commands while disconnected (default true). The rate limiter turns this off so a request
   * never waits on a Redis that is down: the command fails at once and the limiter fails open.
   */
  offlineQueue?: boolean;
  /**
   * Reconnect attempts a command survives before it fails (default 1). `null` lets commands wait
   * for Redis indefinitely, which suits a subscriber whose SUBSCRIBE must eventually happen.
   */
  maxRetriesPerRequest?: number | null;
  /** Fail a command that has no reply after this many milliseconds (default: no timeout). */
  commandTimeoutMs?: number;
  /** Shown by `CLIENT LIST`, to tell the clients of an instance apart. */
  connectionName?: string;
  logger?: RedisLogger;
}

/**
 * Reconnect delay: exponential from 100 ms, capped at 5 s, with up to 20 % jitter so instances that
 * lost the same Redis do not reconnect in lockstep. Never gives up: Redis coming back must heal us.
 */
export function reconnectDelay(attempt: number): number {
  const base = Math.min(5_000, 100 * 2 ** Math.min(attempt - 1, 16));
  return Math.round(base * (1 + Math.random() * 0.2));
}

/**
 * An ioredis client with the options every Oriva component wants: it connects at once, retries
 * forever with capped backoff, and fails commands fast while down (one retry per request instead
 * of ioredis' 20) so callers can degrade instead of hanging.
 *
 * @example
 * const redis = createRedisClient({ url: config.redisUrl, keyPrefix: 'oriva:', logger });
 */
export function createRedisClient(options: RedisClientOptions): Redis {
  const redisOptions: RedisOptions = {
    lazyConnect: false,
    maxRetriesPerRequest: options.maxRetriesPerRequest === undefined ? 1 : options.maxRetriesPerRequest,
    enableOfflineQueue: options.offlineQueue ?? true,
    retryStrategy: reconnectDelay,
    connectTimeout: 5_000,
    ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
    ...(options.commandTimeoutMs ? { commandTimeout: options.commandTimeoutMs } : {}),
    ...(options.connectionName ? { connectionName: options.connectionName } : {}),
  };
  const client = new Redis(options.url, redisOptions);
  // Without a listener ioredis prints every failed reconnect; components log outages themselves, once.
  client.on('error', (error: Error) => options.logger?.debug({ err: error }, 'redis connection error'));
  return client;
}

/** Resolves once the client is ready (connected and past the ready check). */
export function whenReady(client: Redis): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => client.once('ready', () => resolve()));
}

/** Closes a client: QUIT when connected, else drops the socket and stops reconnecting. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // Fall through: the connection went away while quitting.
    }
  }
  client.disconnect(false);
}

/**
 * A Lua script run by its SHA1 (EVALSHA), loaded with EVAL the first time a server lacks it. Keys
 * get the client's `keyPrefix`.
 */
export class LuaScript {
  readonly sha: string;

  constructor(readonly lua: string) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  async run(client: Redis, keys: string[], args: Array<string | number>): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.eval(this.lua, keys.length, ...keys, ...args);
    }
  }
}
