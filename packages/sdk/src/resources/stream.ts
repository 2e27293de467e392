import { OrivaError } from '../core/errors.js';
import type { EventOfName, EventUnion, IsUntyped, ListenableName, UntypedEventMap } from '../core/event-map.js';
import { buildQuery } from '../core/url.js';

/** An event as the stream sends it: the design document's Event Format, plus `type` and `position`. */
export interface StreamEvent {
  /** `evt_…` */
  event_id: string;
  /** `<event_category>.<event_type>`, such as `notification.dismissed`. */
  type: string;
  app_id: string;
  event_category: string;
  event_type: string;
  entity_type: string;
  entity_id: string;
  user_id: string | null;
  event_data: Record<string, unknown>;
  timestamp: string;
  /** The event's place in the server's commit order: resume after it with `since`. */
  position: number;
}

/**
 * What a stream yields for the client's type map `M`: the union of the map's event types, so
 * `event.type === 'session.ended'` (or `event_category` with `event_type`) narrows `event_data`; with no
 * map, `StreamEvent`. The union is closed: an event of a type the map does not list still arrives when the
 * subscription's patterns select it, in a `switch`'s `default` branch.
 */
export type TypedStreamEvent<M = UntypedEventMap> =
  IsUntyped<M> extends true ? StreamEvent : EventUnion<M, StreamEvent>;

/** The first frame of every connection. */
export interface StreamReady {
  /** `none` (no `since`), `complete` (every missed event follows), or `too_old` (reload from the REST API). */
  resume: 'none' | 'complete' | 'too_old';
  /** The server's newest position when the connection opened. */
  position: number;
  /** The patterns this connection is subscribed to. */
  events: string[];
}

/** Sent with `'reconnecting'`: the connection was lost and another attempt follows after `delayMs`. */
export interface StreamReconnecting {
  /** 1 for the first retry after a connection was lost, then 2, 3, … until a connection is ready again. */
  attempt: number;
  delayMs: number;
  /** The close code, when the server closed the connection (4429 too many connections, 4008 slow consumer, 1001 shutting down). */
  code: number | null;
  reason: string;
}

/** Sent with `'resync'`: the server could not replay everything missed (`resume: "too_old"`). Reload from the REST API. */
export interface StreamResync {
  /** The position the live events carry on from. */
  position: number;
}

/** Sent with `'close'` once, when the stream ends for good (`close()`, or a fatal error). */
export interface StreamClose {
  code: number | null;
  reason: string;
}

/**
 * A stream problem. `fatal` errors end the stream (bad credentials: HTTP 401/403 on the upgrade,
 * close codes 4401/4403); the others are notices (`code` is the server's error code, such as `invalid_pattern`).
 */
export class StreamError extends OrivaError {
  override readonly name: string = 'StreamError';
  /** The HTTP status, the close code, or the server's error code; `null` when unknown. */
  readonly code: number | string | null;
  /** True when the stream has ended because of it. */
  readonly fatal: boolean;

  constructor(message: string, code: number | string | null, fatal: boolean) {
    super(message);
    this.code = code;
    this.fatal = fatal;
  }
}

/** What `on(type, listener)` passes to its listener for each kind of notice; `E` is the event type (`TypedStreamEvent<M>`). */
export interface StreamEventMap<E = StreamEvent> {
  event: E;
  ready: StreamReady;
  error: StreamError;
  reconnecting: StreamReconnecting;
  resync: StreamResync;
  close: StreamClose;
}

/** The part of a WebSocket the stream uses: the browser's `WebSocket`, the `ws` package, or a test double. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /** `ws` only: drop the connection at once. */
  terminate?(): void;
  /** `ws` only: used to see the server's pings. */
  on?(event: 'ping', listener: () => void): unknown;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: { message?: string; error?: unknown }) => void) | null;
}

/** A WebSocket constructor: `new WebSocket(url, protocols)`. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/** How the stream authenticates: see {@link StreamOptions.auth}. */
export type StreamAuth = 'subprotocol' | 'query' | 'ticket';

export interface StreamOptions {
  /** Event patterns: `*`, `<category>.*` or `<category>.<type>`. Default `['*']`. A string is split on commas. */
  events?: string | readonly string[] | undefined;
  /** Only this user's events (an app key or the admin token). A user token always streams its own user. */
  userId?: string | undefined;
  /** The app to stream. Default the client's `appId` (app key, admin token); with a user token, narrows the user's events to one app. */
  appId?: string | undefined;
  /** Start after this position or event id (`evt_…`): replay what was missed, then go live. */
  since?: number | string | undefined;
  /**
   * How the credential travels: `subprotocol` (default: `Sec-WebSocket-Protocol: oriva.v1, auth.<token>`),
   * `query` (`?auth=<token>`, the design document's form), or `ticket` (a single-use ticket from
   * `POST /events/stream/tickets`, so no token appears in a URL or header).
   */
  auth?: StreamAuth | undefined;
  /** Reconnect after a lost connection, resuming after the last position. Default true. */
  reconnect?: boolean | undefined;
  /** The first reconnect delay in ms; it doubles each attempt (with jitter). Default 500. */
  initialBackoffMs?: number | undefined;
  /** The longest reconnect delay in ms. Default 15 000. */
  maxBackoffMs?: number | undefined;
  /**
   * A connection with no frame and no server ping for this long is taken as dead, dropped and
   * reconnected. Default 60 000 (twice the server's 30 s heartbeat). Where server pings are invisible
   * (browsers) the stream sends `{"type":"ping"}` every half of it.
   */
  heartbeatTimeoutMs?: number | undefined;
  /** Closes the stream when it aborts. */
  signal?: AbortSignal | undefined;
  /** The WebSocket implementation. Default the client's `WebSocket` option, else `isomorphic-ws` (`ws` in Node, the browser's own). */
  WebSocket?: WebSocketConstructor | undefined;
}

/** What the client gives a stream: where to connect and with which credential. @internal */
export interface StreamConfig {
  /** The API base, ending in `/api/v1`. */
  baseUrl: string;
  credential: string;
  appId: string | undefined;
  userId: string | undefined;
  WebSocket: WebSocketConstructor | undefined;
  /** Asks for a single-use ticket (`auth: 'ticket'`). */
  ticket(): Promise<string>;
}

const OPEN = 1;
const DEFAULT_HEARTBEAT_TIMEOUT_MS = 60_000;
const FATAL_CLOSE_CODES = new Set([4401, 4403]);
const FATAL_HTTP_STATUSES = new Set([401, 403]);

type Listener<K extends keyof StreamEventMap> = (value: StreamEventMap[K]) => void;

/**
 * A live stream of events over a WebSocket. Iterate it with `for await`, or listen with `on(…)`
 * (browsers). It reconnects by itself with jittered exponential backoff and resumes after the last
 * position it saw: no gap, no duplicate. `close()` ends it (and the `for await` loop).
 *
 * @example
 * const stream = client.stream({ events: ['notification.*'] });
 * for await (const event of stream) {
 *   console.log(event.position, event.type, event.entity_id);
 * }
 *
 * @example
 * // Browsers: the event-emitter style.
 * const stream = user.stream();
 * stream.on('event', (event) => render(event));
 * stream.on('resync', () => reloadFromRest());
 * stream.on('error', (error) => console.warn(error.message));
 */
export class Stream<M extends object = UntypedEventMap> implements AsyncIterable<TypedStreamEvent<M>> {
  readonly #config: StreamConfig;
  readonly #options: StreamOptions;
  readonly #listeners: { [K in keyof StreamEventMap]: Set<Listener<K>> } = {
    event: new Set(),
    ready: new Set(),
    error: new Set(),
    reconnecting: new Set(),
    resync: new Set(),
    close: new Set(),
  };
  /** Listeners for one qualified event type (`on('session.ended', …)`), by that name. */
  readonly #named = new Map<string, Set<Listener<'event'>>>();
  #patterns: string[];
  #since: string | undefined;
  #position: number | null = null;
  #socket: WebSocketLike | null = null;
  #closed = false;
  #attempt = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #deadTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #iterating = false;
  #queue: StreamEvent[] = [];
  #waiters: { resolve: (result: IteratorResult<TypedStreamEvent<M>>) => void; reject: (error: unknown) => void }[] = [];
  #failure: StreamError | undefined;
  #readyPromise: Promise<StreamReady>;
  #resolveReady: (ready: StreamReady) => void = () => {};
  #rejectReady: (error: unknown) => void = () => {};
  readonly #onAbort = () => this.close();

  /** @internal Use `client.stream(options)`. */
  constructor(config: StreamConfig, options: StreamOptions = {}) {
    this.#config = config;
    this.#options = options;
    const events = typeof options.events === 'string' ? options.events.split(',') : (options.events ?? ['*']);
    this.#patterns = events.map((pattern) => pattern.trim()).filter(Boolean);
    if (this.#patterns.length === 0) this.#patterns = ['*'];
    if (options.since !== undefined && options.since !== '') {
      this.#since = String(options.since);
      if (/^\d+$/.test(this.#since)) this.#position = Number(this.#since);
    }
    this.#readyPromise = new Promise<StreamReady>((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.#readyPromise.catch(() => {});
    if (options.signal?.aborted) {
      this.#closed = true;
      return;
    }
    options.signal?.addEventListener('abort', this.#onAbort, { once: true });
    void this.#connect();
  }

  /** The position of the last event received (or the server's head once ready), `null` before that. Reconnects resume after it. */
  get position(): number | null {
    return this.#position;
  }

  /** The patterns the stream is subscribed to. */
  get events(): readonly string[] {
    return [...this.#patterns];
  }

  /** True once `close()` was called or a fatal error ended the stream. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Resolves with the first connection's `ready` frame (events published after it are received);
   * rejects if the stream ends first.
   *
   * @example
   * const stream = client.stream();
   * await stream.ready();
   */
  ready(): Promise<StreamReady> {
    return this.#readyPromise;
  }

  /**
   * Listen: `event` (each event), `ready` (each connection), `reconnecting`, `resync` (`resume: "too_old"`:
   * reload from the REST API), `error` (fatal or a server notice), `close` (the end); or a qualified event
   * type, such as `session.ended`, for the events of that type only, typed by the client's event map.
   * Returns the stream.
   *
   * @example
   * stream.on('event', (event) => console.log(event.type)).on('error', (error) => console.error(error));
   *
   * @example
   * // With `new Oriva<OrivaEventMap>()`: the listener's event_data is the map's SessionEnded.
   * stream.on('session.ended', (event) => console.log(event.event_data.duration));
   */
  on<K extends keyof StreamEventMap>(type: K, listener: (value: StreamEventMap<TypedStreamEvent<M>>[K]) => void): this;
  on<K extends ListenableName<M>>(type: K, listener: (event: EventOfName<M, K, StreamEvent>) => void): this;
  on(type: string, listener: (value: never) => void): this {
    if (isNotice(type)) {
      this.#listeners[type].add(listener as Listener<typeof type>);
      return this;
    }
    const listeners = this.#named.get(type) ?? new Set();
    listeners.add(listener as Listener<'event'>);
    this.#named.set(type, listeners);
    return this;
  }

  /** Stop listening. */
  off<K extends keyof StreamEventMap>(type: K, listener: (value: StreamEventMap<TypedStreamEvent<M>>[K]) => void): this;
  off<K extends ListenableName<M>>(type: K, listener: (event: EventOfName<M, K, StreamEvent>) => void): this;
  off(type: string, listener: (value: never) => void): this {
    if (isNotice(type)) {
      this.#listeners[type].delete(listener as Listener<typeof type>);
      return this;
    }
    const listeners = this.#named.get(type);
    listeners?.delete(listener as Listener<'event'>);
    if (listeners?.size === 0) this.#named.delete(type);
    return this;
  }

  /**
   * Add patterns to the subscription, on the open connection and on every reconnect.
   *
   * @example
   * stream.subscribe(['session.created']);
   */
  subscribe(patterns: string | readonly string[]): void {
    const added = toPatterns(patterns);
    if (!this.#patterns.includes('*')) this.#patterns = [...new Set([...this.#patterns, ...added])];
    this.#sendControl({ type: 'subscribe', events: added });
  }

  /** Remove patterns from the subscription. */
  unsubscribe(patterns: string | readonly string[]): void {
    const removed = new Set(toPatterns(patterns));
    this.#patterns = this.#patterns.filter((pattern) => !removed.has(pattern));
    this.#sendControl({ type: 'unsubscribe', events: [...removed] });
  }

  /** Close the connection for good: no reconnect; a `for await` loop ends after the events already received. */
  close(): void {
    if (this.#closed) return;
    this.#end(null, { code: 1000, reason: 'closed by the client' });
  }

  [Symbol.asyncIterator](): AsyncIterator<TypedStreamEvent<M>> {
    this.#iterating = true;
    return {
      next: () => {
        const event = this.#queue.shift() as TypedStreamEvent<M> | undefined;
        if (event) return Promise.resolve({ value: event, done: false });
        if (this.#failure) return Promise.reject(this.#failure);
        if (this.#closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
      },
      return: () => {
        this.close();
        this.#queue = [];
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  #emit<K extends keyof StreamEventMap>(type: K, value: StreamEventMap[K]): void {
    callEach(this.#listeners[type], value);
  }

  async #connect(): Promise<void> {
    if (this.#closed) return;
    let socket: WebSocketLike;
    try {
      const WebSocketImpl = this.#options.WebSocket ?? this.#config.WebSocket ?? (await loadWebSocket());
      const { url, protocols } = await this.#target();
      if (this.#closed) return;
      socket = new WebSocketImpl(url, protocols);
    } catch (error) {
      if (error instanceof StreamError && error.fatal) {
        this.#end(error, { code: typeof error.code === 'number' ? error.code : null, reason: error.message });
        return;
      }
      this.#scheduleReconnect(null, error instanceof Error ? error.message : String(error));
      return;
    }
    this.#socket = socket;
    let failure: StreamError | undefined;
    let lastError = '';
    const since = this.#position;
    socket.onopen = () => this.#alive(socket);
    socket.onmessage = (message) => {
      if (socket !== this.#socket) return;
      this.#alive(socket);
      this.#onFrame(typeof message.data === 'string' ? message.data : String(message.data), since);
    };
    socket.onerror = (event) => {
      const message = event.message ?? (event.error instanceof Error ? event.error.message : '');
      lastError = message;
      const status = /Unexpected server response: (\d+)/.exec(message)?.[1];
      if (status !== undefined && FATAL_HTTP_STATUSES.has(Number(status))) {
        failure = new StreamError(
          Number(status) === 401
            ? 'The stream refused the credentials (HTTP 401): check the API key or user token'
            : 'The stream refused access (HTTP 403): this credential may not stream that app or user',
          Number(status),
          true,
        );
      }
    };
    if (typeof socket.on === 'function') socket.on('ping', () => this.#alive(socket));
    socket.onclose = (event) => {
      if (socket !== this.#socket) return;
      this.#socket = null;
      this.#clearTimers();
      if (this.#closed) return;
      if (failure) {
        this.#end(failure, { code: event.code, reason: failure.message });
      } else if (FATAL_CLOSE_CODES.has(event.code)) {
        this.#end(new StreamError(event.reason || `closed with code ${event.code}`, event.code, true), event);
      } else {
        this.#scheduleReconnect(event.code, event.reason || lastError);
      }
    };
  }

  async #target(): Promise<{ url: string; protocols: string[] | undefined }> {
    const auth = this.#options.auth ?? 'subprotocol';
    const since = this.#position !== null ? String(this.#position) : this.#since;
    const query: Record<string, string | undefined> = {
      app_id: this.#options.appId ?? this.#config.appId,
      user_id: this.#options.userId ?? this.#config.userId,
      events: this.#patterns.join(','),
      since,
    };
    let protocols: string[] | undefined;
    if (auth === 'ticket') query.ticket = await this.#config.ticket();
    else if (auth === 'query') query.auth = this.#config.credential;
    else protocols = ['oriva.v1', `auth.${this.#config.credential}`];
    const url = `${this.#config.baseUrl.replace(/^http/, 'ws')}/events/stream${buildQuery(query)}`;
    return { url, protocols };
  }

  #onFrame(text: string, since: number | null): void {
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    switch (frame.control) {
      case undefined:
        break;
      case 'ready': {
        const ready = frame as unknown as StreamReady;
        this.#attempt = 0;
        if (ready.resume === 'too_old' || this.#position === null) this.#position = ready.position;
        this.#emit('ready', { resume: ready.resume, position: ready.position, events: ready.events });
        this.#resolveReady({ resume: ready.resume, position: ready.position, events: ready.events });
        if (ready.resume === 'too_old') this.#emit('resync', { position: ready.position });
        return;
      }
      case 'error':
        this.#emit(
          'error',
          new StreamError(String(frame.message ?? 'stream error'), String(frame.code ?? 'stream_error'), false),
        );
        return;
      default:
        // `pong`, `subscribed`: nothing to do beyond keeping the connection alive.
        return;
    }
    if (typeof frame.event_id !== 'string' || typeof frame.position !== 'number') return;
    const event = frame as unknown as StreamEvent;
    // The server sends nothing at or before `since`; this guards a double delivery anyway.
    if (since !== null && event.position <= since) return;
    this.#position = this.#position === null ? event.position : Math.max(this.#position, event.position);
    this.#deliver(event);
  }

  #deliver(event: StreamEvent): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter.resolve({ value: event as TypedStreamEvent<M>, done: false });
    // Kept for a later `for await` only while nothing listens; a listener for one type counts, or its events would pile up.
    else if (this.#iterating || (this.#listeners.event.size === 0 && this.#named.size === 0)) this.#queue.push(event);
    this.#emit('event', event);
    const named = this.#named.get(event.type);
    if (named) callEach(named, event);
  }

  /** A frame or a ping arrived: the connection is alive. Re-arms the dead-connection timer. */
  #alive(socket: WebSocketLike): void {
    if (socket !== this.#socket || this.#closed) return;
    const timeout = this.#options.heartbeatTimeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS;
    clearTimeout(this.#deadTimer);
    this.#deadTimer = setTimeout(() => {
      if (socket !== this.#socket) return;
      // No frame and no ping for too long: drop it; its close event reconnects.
      if (typeof socket.terminate === 'function') socket.terminate();
      else {
        socket.close(4000, 'heartbeat timeout');
        // A browser socket may wait for the close handshake that never comes: move on now.
        this.#socket = null;
        this.#clearTimers();
        this.#scheduleReconnect(null, 'heartbeat timeout');
      }
    }, timeout);
    unref(this.#deadTimer);
    if (typeof socket.on !== 'function' && this.#pingTimer === undefined) {
      this.#pingTimer = setInterval(() => this.#sendControl({ type: 'ping' }), Math.max(1, timeout / 2));
      unref(this.#pingTimer);
    }
  }

  #sendControl(message: object): void {
    const socket = this.#socket;
    if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(message));
  }

  #scheduleReconnect(code: number | null, reason: string): void {
    if (this.#closed) return;
    if (this.#options.reconnect === false) {
      this.#end(new StreamError(`The stream connection was lost: ${reason || `code ${code}`}`, code, true), {
        code,
        reason,
      });
      return;
    }
    this.#attempt += 1;
    const initial = this.#options.initialBackoffMs ?? 500;
    const max = this.#options.maxBackoffMs ?? 15_000;
    const ceiling = Math.min(max, initial * 2 ** (this.#attempt - 1));
    const delayMs = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.#emit('reconnecting', { attempt: this.#attempt, delayMs, code, reason });
    this.#reconnectTimer = setTimeout(() => void this.#connect(), delayMs);
  }

  #clearTimers(): void {
    clearTimeout(this.#deadTimer);
    clearInterval(this.#pingTimer);
    this.#deadTimer = undefined;
    this.#pingTimer = undefined;
  }

  #end(error: StreamError | null, close: StreamClose): void {
    this.#closed = true;
    clearTimeout(this.#reconnectTimer);
    this.#clearTimers();
    this.#options.signal?.removeEventListener('abort', this.#onAbort);
    const socket = this.#socket;
    this.#socket = null;
    if (socket && socket.readyState <= OPEN) socket.close(1000, 'closed by the client');
    if (error) {
      this.#failure = error;
      this.#emit('error', error);
    }
    this.#rejectReady(error ?? new StreamError('The stream was closed before it was ready', null, false));
    for (const waiter of this.#waiters.splice(0)) {
      if (error && this.#queue.length === 0) waiter.reject(error);
      else waiter.resolve({ value: undefined, done: true });
    }
    this.#emit('close', close);
  }
}

/** Calls each listener with `value`; a listener's bug must not break the stream, nor keep the others from hearing. */
function callEach<T>(listeners: ReadonlySet<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch {
      // Swallowed on purpose: see above.
    }
  }
}

const NOTICES: ReadonlySet<string> = new Set(['event', 'ready', 'error', 'reconnecting', 'resync', 'close']);

/** Whether `on(type)` names one of the stream's notices rather than a qualified event type. */
function isNotice(type: string): type is keyof StreamEventMap {
  return NOTICES.has(type);
}

function toPatterns(patterns: string | readonly string[]): string[] {
  const list = typeof patterns === 'string' ? patterns.split(',') : patterns;
  return list.map((pattern) => pattern.trim()).filter(Boolean);
}

function unref(timer: unknown): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}

/** `isomorphic-ws`: the `ws` package in Node, the global `WebSocket` in browsers. Loaded on first use. */
async function loadWebSocket(): Promise<WebSocketConstructor> {
  const module = (await import('isomorphic-ws')) as unknown as { default?: unknown };
  return (module.default ?? module) as WebSocketConstructor;
}
