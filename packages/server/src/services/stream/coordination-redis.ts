import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Principal } from '../../auth/principal.js';
import { ApiError } from '../../core/errors.js';
import {
  closeRedisClient,
  createRedisClient,
  DEFAULT_KEY_PREFIX,
  LuaScript,
  type RedisLogger,
} from '../../redis/connect.js';
import {
  type ConnectionCounter,
  type IssuedTicket,
  MAX_CONNECTIONS_PER_USER,
  newTicket,
  TICKET_TTL_MS,
  type TicketStore,
} from './coordination.js';

interface RedisHandle {
  /** A URL to connect to (the store then owns and closes its client), or a client to use. */
  redis: string | Redis;
  /** Prefix of the keys when the store creates its client (default `oriva:`). */
  keyPrefix?: string;
}

function connect(handle: RedisHandle, name: string, logger?: RedisLogger): { client: Redis; owned: boolean } {
  if (typeof handle.redis !== 'string') return { client: handle.redis, owned: false };
  const client = createRedisClient({
    url: handle.redis,
    keyPrefix: handle.keyPrefix ?? DEFAULT_KEY_PREFIX,
    connectionName: name,
    // Admission never waits on a reconnect: commands fail at once and the caller degrades.
    offlineQueue: false,
    commandTimeoutMs: 1_000,
    ...(logger ? { logger } : {}),
  });
  return { client, owned: true };
}

const unavailable = () =>
  new ApiError(503, 'stream_unavailable', 'Stream tickets are unavailable for a moment; retry shortly', {
    retryable: true,
  });

export interface RedisTicketStoreOptions extends RedisHandle {
  ttlMs?: number;
  logger?: RedisLogger;
}

/**
 * Tickets in Redis, shared by every instance: `SET … PX NX` to issue, `GETDEL` to redeem, so a
 * ticket is redeemed once whichever instance the client reaches. Keys hold the ticket's SHA-256,
 * never the ticket itself. When Redis is unreachable both calls fail with a retryable 503.
 *
 * @example
 * const tickets = new RedisTicketStore({ redis: config.redisUrl, logger });
 */
export class RedisTicketStore implements TicketStore {
  readonly client: Redis;
  private readonly owned: boolean;
  private readonly ttlMs: number;

  constructor(private readonly options: RedisTicketStoreOptions) {
    ({ client: this.client, owned: this.owned } = connect(options, 'oriva-stream-tickets', options.logger));
    this.ttlMs = options.ttlMs ?? TICKET_TTL_MS;
  }

  async issue(principal: Principal): Promise<IssuedTicket> {
    const value = JSON.stringify(principal);
    try {
      // A collision of 192 random bits will not happen, but NX makes sure one could not hijack a ticket.
      for (;;) {
        const ticket = newTicket();
        const expiresAt = Date.now() + this.ttlMs;
        if ((await this.client.set(keyOf(ticket), value, 'PX', this.ttlMs, 'NX')) === 'OK') {
          return { ticket, expiresAt };
        }
      }
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'cannot issue a stream ticket: Redis unreachable');
      throw unavailable();
    }
  }

  async redeem(ticket: string): Promise<Principal | undefined> {
    let value: string | null;
    try {
      value = await this.client.getdel(keyOf(ticket));
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'cannot redeem a stream ticket: Redis unreachable');
      throw unavailable();
    }
    return value === null ? undefined : (JSON.parse(value) as Principal);
  }

  async close(): Promise<void> {
    if (this.owned) await closeRedisClient(this.client);
  }
}

function keyOf(ticket: string): string {
  return `stream:ticket:${createHash('sha256').update(ticket).digest('base64url')}`;
}

/** Redis' own clock in ms, so instances whose clocks disagree agree on expiry. */
const REDIS_NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS[1] the user's places (a sorted set of connection ids scored by expiry); ARGV: connection
 * id, limit, entry TTL in ms. Drops expired places, then takes one if the user has fewer than the
 * limit (a connection that already holds one keeps it). Returns 1 when admitted, else 0.
 */
const ACQUIRE = new LuaScript(`${REDIS_NOW}
local ttl = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ttl)
return 1
`);

/** KEYS: the users' sets; ARGV: entry TTL in ms, then one connection id per key. Pushes each expiry on. */
const REFRESH = new LuaScript(`${REDIS_NOW}
local ttl = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + ttl, ARGV[i + 1])
  redis.call('PEXPIRE', key, ttl)
end
return #KEYS
`);

export interface RedisConnectionCounterOptions extends RedisHandle {
  logger: RedisLogger;
  limit?: number;
  /**
   * How long a place lives without a refresh. Make it about two and a half heartbeats: one late
   * refresh keeps it, and a dead instance's places are gone after about two heartbeats.
   */
  entryTtlMs: number;
}

/**
 * The per-user limit across instances: one sorted set per user in Redis, a member per connection
 * scored by when it expires. Admission is one script (drop expired, count, add if under the limit),
 * so two instances cannot both admit the 11th connection. When Redis is unreachable it fails open
 * (admits, one warning per outage): the limit guards against abuse, it must not take the stream down.
 *
 * @example
 * const connections = new RedisConnectionCounter({
 *   redis: config.redisUrl,
 *   logger,
 *   entryTtlMs: config.stream.heartbeatSeconds * 2_500,
 * });
 */
export class RedisConnectionCounter implements ConnectionCounter {
  readonly client: Redis;
  private readonly owned: boolean;
  private readonly limit: number;
  private degraded = false;

  constructor(private readonly options: RedisConnectionCounterOptions) {
    ({ client: this.client, owned: this.owned } = connect(options, 'oriva-stream-connections', options.logger));
    this.limit = options.limit ?? MAX_CONNECTIONS_PER_USER;
  }

  async acquire(userId: string, connectionId: string): Promise<boolean> {
    try {
      const admitted = await ACQUIRE.run(
        this.client,
        [userKey(userId)],
        [connectionId, this.limit, this.options.entryTtlMs],
      );
      this.recovered();
      return admitted === 1;
    } catch (error) {
      this.failed(error);
      return true;
    }
  }

  async release(userId: string, connectionId: string): Promise<void> {
    try {
      await this.client.zrem(userKey(userId), connectionId);
    } catch (error) {
      // The place expires by itself.
      this.options.logger.debug({ err: error }, 'cannot release a stream connection place');
    }
  }

  async refresh(held: ReadonlyArray<{ userId: string; connectionId: string }>): Promise<void> {
    try {
      for (let start = 0; start < held.length; start += 500) {
        const chunk = held.slice(start, start + 500);
        await REFRESH.run(
          this.client,
          chunk.map((entry) => userKey(entry.userId)),
          [this.options.entryTtlMs, ...chunk.map((entry) => entry.connectionId)],
        );
      }
      this.recovered();
    } catch (error) {
      this.failed(error);
    }
  }

  async close(): Promise<void> {
    if (this.owned) await closeRedisClient(this.client);
  }

  private failed(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.options.logger.warn({ err: error }, 'stream connection limit cannot reach Redis: admitting without it');
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.options.logger.info('stream connection limit reached Redis again');
  }
}

function userKey(userId: string): string {
  return `stream:connections:${userId}`;
}
