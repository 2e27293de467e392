import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  closeRedisClient,
  createRedisClient,
  DEFAULT_KEY_PREFIX,
  LuaScript,
  type RedisLogger,
} from '../redis/connect.js';
import type { FeedCache, FeedCacheLookup, FeedCacheTicket, FeedInvalidation } from './feed-cache.js';

/*
 * Keys (under the deployment's prefix):
 *   feed:all                the version of every feed (bumped when an app's name or icon changes)
 *   feed:{user}:v           the user's version
 *   feed:{user}:e:<key>     an entry: "<version>\n<validUntil or empty>\n<body>"
 * An entry's version is "<all>.<user>". Versions are tokens never issued twice (this instance's
 * random id and a counter), not counters: a version key lost to eviction or a Redis restart comes
 * back as a new token, so an old entry can never match it again.
 */

/**
 * KEYS: all, user version, entry. ARGV: a fresh token (for a missing version), now (ISO-8601), the
 * version keys' TTL in ms. Returns { version } on a miss, { version, body } on a hit. A missing
 * version is created here, atomically, so the version a miss returns is the one its entry must carry.
 */
const LOOKUP = new LuaScript(`
local all = redis.call('GET', KEYS[1])
if not all then
  all = ARGV[1]
  redis.call('SET', KEYS[1], all)
end
local user = redis.call('GET', KEYS[2])
if not user then
  user = ARGV[1]
  redis.call('SET', KEYS[2], user, 'PX', ARGV[3])
end
local version = all .. '.' .. user
local entry = redis.call('GET', KEYS[3])
if entry then
  local first = string.find(entry, '\\n', 1, true)
  local second = first and string.find(entry, '\\n', first + 1, true)
  if second and string.sub(entry, 1, first - 1) == version then
    local validUntil = string.sub(entry, first + 1, second - 1)
    if validUntil == '' or validUntil > ARGV[2] then
      return {version, string.sub(entry, second + 1)}
    end
  end
end
return {version}
`);

/**
 * KEYS: all, user version, entry. ARGV: the version the reader started at, the entry, its TTL in ms.
 * Stores only if that version is still current: a page read before a write is never even written.
 */
const STORE = new LuaScript(`
local all = redis.call('GET', KEYS[1])
local user = redis.call('GET', KEYS[2])
if all and user and (all .. '.' .. user) == ARGV[1] then
  redis.call('SET', KEYS[3], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
`);

export interface RedisFeedCacheOptions {
  /** A URL to connect to (the cache then owns and closes its client), or a client to use. */
  redis: string | Redis;
  logger: RedisLogger;
  /** Prefix of the keys when the cache creates its client (default `oriva:`). */
  keyPrefix?: string;
  /** The longest an entry lives, whatever its next expiry (default 5 minutes). */
  entryTtlMs?: number;
  /** A request waits at most this long for Redis before it reads the database (default 250 ms). */
  timeoutMs?: number;
  /** While this instance must invalidate everything, it retries that this often (default 250 ms). */
  resetRetryMs?: number;
}

/**
 * Feed pages and unread counts shared by every instance through Redis, invalidated by versions that
 * writes bump on any instance. One round trip per read (a Lua script checks the version and the
 * entry's expiry in Redis and sends the body only on a hit) and one per write.
 *
 * Redis out of reach never fails a request nor serves a stale page. A read that cannot ask Redis
 * reads the database. A write whose bump fails cannot tell the other instances, so this instance
 * bumps `feed:all` (invalidating every entry) as soon as Redis answers again, and reads nothing from
 * the cache until then. And every instance bumps `feed:all` whenever its connection comes (back) up,
 * before it reads from the cache: a Redis that restarted from a snapshot, or that this instance lost
 * while others wrote, may hold entries older than writes it never heard of.
 *
 * @example
 * const cache = new RedisFeedCache({ redis: config.redisUrl, keyPrefix: config.redisPrefix, logger });
 */
export class RedisFeedCache implements FeedCache, FeedInvalidation {
  readonly kind = 'redis';
  readonly client: Redis;
  private readonly owned: boolean;
  private readonly logger: RedisLogger;
  private readonly entryTtlMs: number;
  private readonly resetRetryMs: number;
  /** Tokens are this instance's id and a counter: unique across instances and restarts, cheap to make. */
  private readonly instanceId = randomBytes(6).toString('base64url');
  private issued = 0;
  /** Until `feed:all` is bumped after a connect or a failed bump, the cache is neither read nor written. */
  private resetPending = true;
  private resetsAsked = 0;
  private resetting: Promise<void> | undefined;
  private resetTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private degraded = false;

  constructor(options: RedisFeedCacheOptions) {
    this.logger = options.logger;
    this.entryTtlMs = options.entryTtlMs ?? 5 * 60_000;
    this.resetRetryMs = options.resetRetryMs ?? 250;
    this.owned = typeof options.redis === 'string';
    this.client =
      typeof options.redis === 'string'
        ? createRedisClient({
            url: options.redis,
            keyPrefix: options.keyPrefix ?? DEFAULT_KEY_PREFIX,
            // Never queue behind a reconnect: fail at once and read the database.
            offlineQueue: false,
            commandTimeoutMs: options.timeoutMs ?? 250,
            connectionName: 'oriva-feed-cache',
            logger: options.logger,
          })
        : options.redis;
    // Every (re)connection may find entries older than writes this instance never heard of.
    this.client.on('ready', () => this.mustReset());
    this.client.on('close', () => {
      this.resetPending = true;
      this.resetsAsked++;
    });
    if (this.client.status === 'ready') this.mustReset();
  }

  async lookup(userId: string, key: string, now: string): Promise<FeedCacheLookup> {
    if (this.resetPending) return { result: 'error' };
    try {
      const reply = (await LOOKUP.run(
        this.client,
        [ALL_KEY, versionKey(userId), entryKey(userId, key)],
        [this.token(), now, this.versionTtlMs()],
      )) as [string, string?];
      this.recovered();
      const [version, body] = reply;
      if (body !== undefined) return { result: 'hit', body };
      // A reset issued while this lookup was in flight may postdate its version: store nothing then.
      return { result: 'miss', ticket: this.resetPending ? undefined : { userId, key, version } };
    } catch (error) {
      this.failed(error, 'read');
      return { result: 'error' };
    }
  }

  async store(ticket: FeedCacheTicket, body: string, validUntil: string | undefined): Promise<void> {
    if (this.resetPending) return;
    let ttlMs = this.entryTtlMs;
    if (validUntil !== undefined) ttlMs = Math.min(ttlMs, Date.parse(validUntil) - Date.now());
    if (!(ttlMs >= 1)) return;
    try {
      await STORE.run(
        this.client,
        [ALL_KEY, versionKey(ticket.userId), entryKey(ticket.userId, ticket.key)],
        [ticket.version, `${ticket.version}\n${validUntil ?? ''}\n${body}`, Math.ceil(ttlMs)],
      );
    } catch (error) {
      // Nothing is lost: the next read misses and reads the database.
      this.failed(error, 'store');
    }
  }

  async touch(userIds: Iterable<string>): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    try {
      const ttl = this.versionTtlMs();
      if (unique.length === 1) {
        await this.client.set(versionKey(unique[0]!), this.token(), 'PX', ttl);
      } else {
        const pipeline = this.client.pipeline();
        for (const userId of unique) pipeline.set(versionKey(userId), this.token(), 'PX', ttl);
        const results = (await pipeline.exec()) ?? [];
        const failure = results.find(([error]) => error)?.[0];
        if (failure) throw failure;
      }
      this.recovered();
    } catch (error) {
      this.failed(error, 'invalidate');
      this.mustReset();
    }
  }

  async touchAll(): Promise<void> {
    try {
      await this.client.set(ALL_KEY, this.token());
      this.recovered();
    } catch (error) {
      this.failed(error, 'invalidate');
      this.mustReset();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.resetTimer);
    if (this.owned) await closeRedisClient(this.client);
  }

  /**
   * Stops using the cache until `feed:all` is bumped; retries the bump until Redis takes it. A call
   * while a bump is in flight asks for one more: the one in flight may have been sent before the
   * write that needs it committed.
   */
  private mustReset(): void {
    this.resetPending = true;
    this.resetsAsked++;
    if (this.resetting || this.closed) return;
    const asked = this.resetsAsked;
    this.resetting = (async () => {
      let again = false;
      try {
        await this.client.set(ALL_KEY, this.token());
        this.recovered();
        if (asked === this.resetsAsked) this.resetPending = false;
        else again = true;
      } catch (error) {
        this.failed(error, 'invalidate');
        if (!this.closed) {
          this.resetTimer = setTimeout(() => this.mustReset(), this.resetRetryMs);
          this.resetTimer.unref();
        }
      } finally {
        this.resetting = undefined;
      }
      if (again) this.mustReset();
    })();
  }

  private token(): string {
    return `${this.instanceId}${(this.issued++).toString(36)}`;
  }

  /** Version keys outlive the entries tagged with them; one that expires only turns those into misses. */
  private versionTtlMs(): number {
    return this.entryTtlMs * 2;
  }

  private failed(error: unknown, during: string): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn({ err: error, during }, 'feed cache: Redis unreachable, reading the database');
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.info('feed cache: Redis reachable again');
  }
}

const ALL_KEY = 'feed:all';
/** `{user}` is a hash tag: a user's keys share a Redis Cluster slot. */
const versionKey = (userId: string) => `feed:{${userId}}:v`;
const entryKey = (userId: string, key: string) => `feed:{${userId}}:e:${key}`;
