import {
  closeRedisClient,
  createRedisClient,
  DEFAULT_KEY_PREFIX,
  type RedisLogger,
  whenReady,
} from '../../redis/connect.js';
import type { StoredEvent } from '../../storage/types.js';
import type { EventBus } from './bus.js';

export interface RedisBusOptions {
  /** ORIVA_REDIS_URL. */
  url: string;
  /** The pub/sub channel, after the key prefix (default `events`). */
  channel?: string;
  /** Prefixes the channel so several deployments can share one Redis (default `oriva:`). */
  keyPrefix?: string;
  logger: RedisLogger;
  /** The newest committed position when the bus starts: older events are never handed on. */
  headPosition: () => Promise<number>;
  /**
   * Committed events after `position`, oldest first, at most `limit` (every app and user: the
   * listeners filter). Positions must be commit-ordered: once position p is committed, no
   * position below p commits later.
   */
  fetchAfter: (position: number, limit: number) => Promise<StoredEvent[]>;
  /** How often to read storage for events whose message never came (default 2,000 ms; 0 turns it off). */
  catchUpIntervalMs?: number;
  /** Events per `fetchAfter` call (default 500). */
  fetchLimit?: number;
  /** Names this instance's connections in `CLIENT LIST` (`oriva-bus-sub-<name>`). */
  name?: string;
}

export interface RedisEventBus extends EventBus {
  /**
   * Resolves once the bus is subscribed and knows its starting position. Optional: the bus works
   * without it, but events committed before it resolves reach listeners only through catch-up.
   * Waits as long as Redis is unreachable.
   */
  ready(): Promise<void>;
  /** Reads storage for events after the last one handed on, now (also runs on a timer and after a reconnect). */
  catchUp(): Promise<void>;
  /** The position of the last event handed to listeners; undefined before the start position is known. */
  readonly position: number | undefined;
}

interface Message {
  events: StoredEvent[];
}

/**
 * The event bus across instances: `publish` sends committed events on a Redis pub/sub channel, and
 * every instance, the publisher included, hands what it receives to its listeners in position
 * order, with no gap and no duplicate.
 *
 * Pub/sub delivers at most once, so the bus never trusts it alone. It remembers the last position
 * it handed on; a message that skips positions makes it read the skipped ones from storage first
 * (a skip may also be a rolled-back transaction, which that read shows), and a slow timer and every
 * reconnect read storage for anything published while Redis was down. One queue runs all of this,
 * so listeners see positions strictly increasing.
 *
 * @example
 * const bus = createRedisBus({
 *   url: config.redisUrl,
 *   logger,
 *   headPosition: () => storage.events.head(),
 *   fetchAfter: (position, limit) => storage.allEventsAfter(position, limit),
 * });
 * const stop = storage.events.onCommitted((events) => bus.publish(events));
 */
export function createRedisBus(options: RedisBusOptions): RedisEventBus {
  const { logger } = options;
  const channel = `${options.keyPrefix ?? DEFAULT_KEY_PREFIX}${options.channel ?? 'events'}`;
  const fetchLimit = options.fetchLimit ?? 500;
  const catchUpIntervalMs = options.catchUpIntervalMs ?? 2_000;
  const suffix = options.name ? `-${options.name}` : '';
  // Publishing never waits on a reconnect: a failed publish is covered by catch-up.
  const publisher = createRedisClient({
    url: options.url,
    offlineQueue: false,
    connectionName: `oriva-bus-pub${suffix}`,
    logger,
  });
  // SUBSCRIBE waits for Redis however long it takes; ioredis re-subscribes after a reconnect.
  const subscriber = createRedisClient({
    url: options.url,
    maxRetriesPerRequest: null,
    connectionName: `oriva-bus-sub${suffix}`,
    logger,
  });
  const listeners = new Set<(events: StoredEvent[]) => void>();
  let last: number | undefined;
  let queue: Promise<void> = Promise.resolve();
  let closed = false;
  let connectionLost = false;
  let publishFailing = false;
  let catchUpFailing = false;

  /** Runs tasks one at a time, in order: the listeners' ordering depends on it. */
  const enqueue = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(task).catch((error) => logger.error({ err: error }, 'event bus task failed'));
    queue = run;
    return run;
  };

  const start = async (): Promise<boolean> => {
    if (last !== undefined) return true;
    try {
      last = await options.headPosition();
      return true;
    } catch (error) {
      logger.warn({ err: error }, 'event bus cannot read the head position; retrying on the next message');
      return false;
    }
  };

  const emit = (events: StoredEvent[]): void => {
    const newest = events.at(-1);
    if (!newest) return;
    last = newest.position;
    for (const listener of listeners) {
      try {
        listener(events);
      } catch (error) {
        logger.error({ err: error }, 'event bus listener failed');
      }
    }
  };

  /** Hands on committed events after `last` from storage, oldest first, until past `upTo` or none are left. */
  const fill = async (upTo: number): Promise<void> => {
    while (last !== undefined && last < upTo && !closed) {
      const from = last;
      const page = await options.fetchAfter(from, fetchLimit);
      emit(page.filter((event) => event.position > from).sort((a, b) => a.position - b.position));
      if (page.length < fetchLimit) return;
    }
  };

  const receive = async (received: StoredEvent[]): Promise<void> => {
    if (closed || received.length === 0) return;
    const sorted = [...received].sort((a, b) => a.position - b.position);
    if (!(await start())) {
      // Without a start position there is nothing to compare with: take the message as it is.
      last = sorted[0]!.position - 1;
    }
    let batch: StoredEvent[] = [];
    for (const event of sorted) {
      const cursor = batch.at(-1)?.position ?? last!;
      if (event.position <= cursor) continue;
      if (event.position > cursor + 1) {
        emit(batch);
        batch = [];
        try {
          await fill(event.position - 1);
        } catch (error) {
          // Storage will have these events when it is back: the next catch-up hands them on in order.
          logger.warn({ err: error }, 'event bus cannot read skipped positions; waiting for catch-up');
          if (!timer) setTimeout(() => void catchUp(), 1_000).unref();
          return;
        }
        if (event.position <= last!) continue;
      }
      batch.push(event);
    }
    emit(batch);
  };

  const catchUp = (): Promise<void> =>
    enqueue(async () => {
      if (closed || !(await start())) return;
      try {
        await fill(Number.POSITIVE_INFINITY);
        if (catchUpFailing) logger.info('event bus catch-up works again');
        catchUpFailing = false;
      } catch (error) {
        if (!catchUpFailing) logger.warn({ err: error }, 'event bus catch-up cannot read storage');
        catchUpFailing = true;
      }
    });

  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    let events: StoredEvent[];
    try {
      events = (JSON.parse(message) as Message).events;
      if (!Array.isArray(events)) throw new Error('no events array');
    } catch (error) {
      logger.warn({ err: error }, 'event bus ignored a malformed message');
      return;
    }
    void enqueue(() => receive(events));
  });
  subscriber.on('close', () => {
    if (closed || connectionLost) return;
    connectionLost = true;
    logger.warn('event bus lost Redis: stream events arrive by catch-up from storage until it is back');
  });
  subscriber.on('ready', () => {
    if (!connectionLost) return;
    connectionLost = false;
    logger.info('event bus reached Redis again');
    // Messages published while we were away are gone: storage has the events.
    void catchUp();
  });

  const subscribed = subscriber.subscribe(channel).then(
    () => undefined,
    (error) => {
      if (!closed) logger.error({ err: error }, 'event bus could not subscribe');
    },
  );
  const started = enqueue(async () => {
    await start();
  });
  const timer = catchUpIntervalMs > 0 ? setInterval(() => void catchUp(), catchUpIntervalMs).unref() : undefined;

  return {
    publish: (events) => {
      if (closed || events.length === 0) return;
      const message: Message = { events };
      publisher.publish(channel, JSON.stringify(message)).then(
        () => {
          if (publishFailing) logger.info('event bus publishes to Redis again');
          publishFailing = false;
        },
        (error) => {
          if (closed) return;
          if (!publishFailing)
            logger.warn({ err: error }, 'event bus cannot publish to Redis; other instances catch up from storage');
          publishFailing = true;
          // This instance need not wait for the timer.
          void catchUp();
        },
      );
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: async () => {
      await Promise.all([subscribed, started, whenReady(subscriber)]);
    },
    catchUp,
    get position() {
      return last;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      listeners.clear();
      await queue;
      await Promise.all([closeRedisClient(publisher), closeRedisClient(subscriber)]);
    },
  };
}
