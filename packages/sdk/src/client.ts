import { APIClient, DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT, DEFAULT_TIMEOUT_MS } from './core/api-client.js';
import { isBrowser, readEnv } from './core/env.js';
import * as errors from './core/errors.js';
import { OrivaError } from './core/errors.js';
import type { UntypedEventMap } from './core/event-map.js';
import { jwtSubject } from './core/jwt.js';
import type { Fetch, HeadersRecord } from './core/request-options.js';
import { DEFAULT_BASE_URL, normalizeBaseUrl } from './core/url.js';
import { Admin } from './resources/admin.js';
import { Apps } from './resources/apps.js';
import { Consumers } from './resources/consumers.js';
import { EventTypes } from './resources/event-types.js';
import { Events } from './resources/events.js';
import { Notifications } from './resources/notifications.js';
import { PortalSessions } from './resources/portal-sessions.js';
import { UserPreferences } from './resources/preferences.js';
import { Stats } from './resources/stats.js';
import { Stream, type StreamOptions, type WebSocketConstructor } from './resources/stream.js';
import { Webhooks } from './resources/webhooks.js';
import { VERSION } from './version.js';

/** Which credential a client sends as `Authorization: Bearer …`. */
export type CredentialKind = 'apiKey' | 'userToken' | 'adminToken';

export interface ClientOptions {
  /**
   * An app API key (`ok_…`), for an app's server. Defaults to `process.env.ORIVA_API_KEY` when no
   * credential is passed. Secret: in a browser it needs `dangerouslyAllowBrowser`.
   */
  apiKey?: string | undefined;
  /** A user's JWT, for the user-side client (a web page, a mobile app). Never read from the environment. */
  userToken?: string | undefined;
  /**
   * The server's admin token, for registering apps and managing keys. Defaults to
   * `process.env.ORIVA_ADMIN_TOKEN` only when no credential is passed and `ORIVA_API_KEY` is unset.
   */
  adminToken?: string | undefined;
  /**
   * The app that app-scoped calls act on (`/apps/{appId}/…`), such as `work-buddy`. Defaults to
   * `process.env.ORIVA_APP_ID`. Every app-scoped method also takes `{ appId }` per call.
   */
  appId?: string | undefined;
  /**
   * The user that user-scoped calls act on (`/users/{userId}/…`: the feed, unread counts, read-all,
   * preferences). Defaults to the `sub` claim of `userToken`, decoded but not verified (the server
   * verifies the token). With the admin token, pass it here or per call (`{ userId }`).
   */
  userId?: string | undefined;
  /**
   * The server: its origin (`http://localhost:8787`) or its API base (`https://api.oriva.io/api/v1`);
   * both mean the same. Defaults to `process.env.ORIVA_API_BASE`, then `http://localhost:8787/api/v1`.
   */
  baseUrl?: string | undefined;
  /** Milliseconds one attempt may take before it is abandoned (and retried). Default 60 000. */
  timeout?: number | undefined;
  /** Retries after the first attempt for retryable failures. Default 2; 0 disables retries. */
  maxRetries?: number | undefined;
  /**
   * Milliseconds of a server's `Retry-After` the SDK waits out before retrying. Default 5 000. When
   * the server asks for longer (a rate-limit window that frees up in minutes), the call fails at
   * once with `RateLimitError`, whose `retryAfter`, `limit` and `window` say what was reached and
   * when it frees up. Raise it (up to `Infinity`) for a batch job that should wait instead.
   */
  maxRetryWait?: number | undefined;
  /** The transport. Defaults to `globalThis.fetch`. */
  fetch?: Fetch | undefined;
  /** Headers sent with every request. A `null` value removes a header the SDK would send. */
  defaultHeaders?: HeadersRecord | undefined;
  /**
   * Allow an `apiKey` or `adminToken` in a browser, where every visitor can read it. Off by default:
   * browsers should use a `userToken`, and publish events from a server.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * The WebSocket implementation `stream()` uses. Defaults to `isomorphic-ws` (the `ws` package in
   * Node, the browser's `WebSocket` in a page). For tests, or a runtime with its own.
   */
  WebSocket?: WebSocketConstructor | undefined;
}

/**
 * A client with any event map, typed or not: the parameter type for code that accepts every client
 * (`function audit(client: AnyOriva)`), since `Oriva<OrivaEventMap>` and `Oriva` check events differently.
 */
// biome-ignore lint/suspicious/noExplicitAny: any map, so that every `Oriva<M>` fits
export type AnyOriva = Oriva<any>;

const CREDENTIALS: readonly CredentialKind[] = ['apiKey', 'userToken', 'adminToken'];

/**
 * The Oriva API client.
 *
 * Credentials: pass exactly one of `apiKey`, `userToken` or `adminToken`. With none passed, it
 * reads `ORIVA_API_KEY`, else `ORIVA_ADMIN_TOKEN`, from the environment (Node), and throws an
 * `OrivaError` when neither is set.
 *
 * @example
 * import { Oriva } from '@oriva/sdk';
 *
 * const client = new Oriva({ apiKey: process.env.ORIVA_API_KEY, appId: 'work-buddy' });
 * await client.events.publish({
 *   event_category: 'notification',
 *   event_type: 'dismissed',
 *   entity_type: 'notification',
 *   entity_id: 'wb_notif_123',
 *   user_id: 'user_456',
 * });
 *
 * @example
 * // Typed events: the map `oriva types generate` writes checks what is published and narrows what is received.
 * import type { OrivaEventMap } from './oriva-events.js';
 * const typed = new Oriva<OrivaEventMap>({ appId: 'work-buddy' });
 */
export class Oriva<M extends object = UntypedEventMap> extends APIClient {
  static readonly VERSION = VERSION;
  static readonly DEFAULT_TIMEOUT = DEFAULT_TIMEOUT_MS;
  static readonly DEFAULT_MAX_RETRIES = DEFAULT_MAX_RETRIES;
  static readonly DEFAULT_MAX_RETRY_WAIT = DEFAULT_MAX_RETRY_WAIT;

  static readonly OrivaError = errors.OrivaError;
  static readonly APIError = errors.APIError;
  static readonly BadRequestError = errors.BadRequestError;
  static readonly AuthenticationError = errors.AuthenticationError;
  static readonly PermissionDeniedError = errors.PermissionDeniedError;
  static readonly NotFoundError = errors.NotFoundError;
  static readonly ConflictError = errors.ConflictError;
  static readonly UnprocessableEntityError = errors.UnprocessableEntityError;
  static readonly RateLimitError = errors.RateLimitError;
  static readonly InternalServerError = errors.InternalServerError;
  static readonly APIConnectionError = errors.APIConnectionError;
  static readonly APIConnectionTimeoutError = errors.APIConnectionTimeoutError;
  static readonly APIUserAbortError = errors.APIUserAbortError;

  /** The app that app-scoped calls act on by default, or `null`. */
  readonly appId: string | null;
  /** The user that user-scoped calls act on by default (the `userId` option, else the user token's `sub`), or `null`. */
  readonly userId: string | null;
  /** Which credential this client sends (the credential itself is kept private). */
  readonly credentialKind: CredentialKind;

  /** Publish and validate events and read an app's event history, typed by the client's event map `M`. */
  readonly events: Events<M>;
  /** Register apps, and manage their API keys (`apps.keys`). */
  readonly apps: Apps;
  /** Create and manage an app's notifications; read a user's feed and act on it. */
  readonly notifications: Notifications;
  /** A user's notification preferences: muted apps and types. */
  readonly preferences: UserPreferences;
  /** Subscribe URLs to the app's events, and inspect, retry and recover their deliveries. */
  readonly webhooks: Webhooks;
  /** Console links for one app: `create()` returns `{ url, expires_at }`. */
  readonly portalSessions: PortalSessions;
  /** Server operations for the admin token, such as pruning old data. */
  readonly admin: Admin;
  /** Declare the app's event types (a JSON Schema each), read the catalogue, and validate events. */
  readonly eventTypes: EventTypes;
  /** An app's stats and success metrics (`appId` and an app key, or the admin token). */
  readonly stats: Stats;
  /** Pull the app's events from a committed position (polling consumers), on the stream's positions. */
  readonly consumers: Consumers;

  readonly #options: ClientOptions;
  readonly #credential: string;

  /**
   * @example
   * const app = new Oriva({ apiKey: 'ok_…', appId: 'work-buddy', baseUrl: 'https://api.oriva.io' });
   * const admin = new Oriva({ adminToken: process.env.ORIVA_ADMIN_TOKEN });
   * const user = new Oriva({ userToken: jwt, baseUrl: 'https://api.oriva.io' }); // fine in a browser; userId = the JWT's sub
   */
  constructor(options: ClientOptions = {}) {
    const { kind, credential } = resolveCredential(options);
    if (kind !== 'userToken' && isBrowser() && !options.dangerouslyAllowBrowser) {
      throw new OrivaError(
        `Refusing to use ${kind === 'apiKey' ? 'an app API key' : 'the admin token'} in a browser, where every visitor can read it. ` +
          "Publish events from your server; in the browser use `new Oriva({ userToken })` with the signed-in user's JWT. " +
          'If you accept the risk (an internal tool), pass `dangerouslyAllowBrowser: true`.',
      );
    }
    const fetch = options.fetch ?? defaultFetch();
    super({
      baseUrl: normalizeBaseUrl(options.baseUrl ?? readEnv('ORIVA_API_BASE') ?? DEFAULT_BASE_URL),
      credential,
      timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      maxRetryWait: options.maxRetryWait ?? DEFAULT_MAX_RETRY_WAIT,
      fetch,
      defaultHeaders: options.defaultHeaders ?? {},
    });
    this.#options = { ...options };
    this.#credential = credential;
    this.appId = options.appId ?? readEnv('ORIVA_APP_ID') ?? null;
    this.userId = options.userId ?? (kind === 'userToken' ? jwtSubject(credential) : undefined) ?? null;
    this.credentialKind = kind;
    this.events = new Events<M>(this);
    this.apps = new Apps(this);
    this.notifications = new Notifications(this);
    this.preferences = new UserPreferences(this);
    this.webhooks = new Webhooks(this);
    this.portalSessions = new PortalSessions(this);
    this.admin = new Admin(this);
    this.eventTypes = new EventTypes(this);
    this.stats = new Stats(this);
    this.consumers = new Consumers(this);
  }

  /**
   * Open a live stream of events over a WebSocket (`/events/stream`). With an app key (and `appId`):
   * the app's events, optionally one user's (`userId`); with a user token: that user's events from
   * every app; with the admin token: one app (`appId`) or one user (`userId`). It reconnects by
   * itself and resumes after the last position, so nothing is missed or repeated; see {@link Stream}.
   *
   * @example
   * const stream = client.stream({ events: ['notification.*', 'session.created'] });
   * for await (const event of stream) {
   *   console.log(event.position, event.type, event.user_id);
   *   if (event.type === 'session.created') stream.close(); // ends the loop
   * }
   *
   * @example
   * // In a browser, with the signed-in user's token:
   * const stream = new Oriva({ userToken: jwt }).stream();
   * stream.on('event', (event) => showToast(event));
   * stream.on('resync', () => reloadFeed()); // missed too much while offline: reload from REST
   */
  stream(options: StreamOptions = {}): Stream<M> {
    const kind = this.credentialKind;
    return new Stream<M>(
      {
        baseUrl: this.baseUrl,
        credential: this.#credential,
        appId: kind === 'userToken' ? undefined : (this.appId ?? undefined),
        userId: kind === 'adminToken' ? (this.userId ?? undefined) : undefined,
        WebSocket: this.#options.WebSocket,
        ticket: async () => (await this.post<{ ticket: string }>('/events/stream/tickets')).ticket,
      },
      options,
    );
  }

  /**
   * A new client with these options changed and the rest kept. Passing a credential replaces the
   * current one (to refresh an expiring user token, or act as admin). A new `userToken` also resets
   * `userId` to that token's `sub` unless `userId` is passed with it.
   *
   * @example
   * const slow = client.withOptions({ timeout: 120_000, maxRetries: 5 });
   * const refreshed = userClient.withOptions({ userToken: newJwt });
   */
  withOptions(options: ClientOptions): this {
    const replacesCredential = CREDENTIALS.some((kind) => options[kind] !== undefined);
    const base: ClientOptions = { ...this.#options };
    if (replacesCredential) for (const kind of CREDENTIALS) delete base[kind];
    // A new user token names its own user (its `sub`), unless `userId` is passed again.
    if (options.userToken !== undefined && options.userId === undefined) delete base.userId;
    const Constructor = this.constructor as new (options: ClientOptions) => this;
    return new Constructor({ ...base, ...options });
  }
}

function resolveCredential(options: ClientOptions): { kind: CredentialKind; credential: string } {
  const given = CREDENTIALS.filter((kind) => options[kind] !== undefined);
  if (given.length > 1) {
    throw new OrivaError(
      `Pass one credential, not ${given.map((kind) => `\`${kind}\``).join(' and ')}: create one client per credential.`,
    );
  }
  const kind = given[0];
  if (kind !== undefined) {
    const credential = options[kind];
    if (typeof credential !== 'string' || credential.trim() === '') {
      throw new OrivaError(`\`${kind}\` is empty: pass the credential itself, or leave the option out.`);
    }
    return { kind, credential: credential.trim() };
  }
  const apiKey = readEnv('ORIVA_API_KEY');
  if (apiKey) return { kind: 'apiKey', credential: apiKey };
  const adminToken = readEnv('ORIVA_ADMIN_TOKEN');
  if (adminToken) return { kind: 'adminToken', credential: adminToken };
  throw new OrivaError(
    "Missing credentials: pass `apiKey` (an app key, ok_…), `userToken` (a user's JWT) or `adminToken` to `new Oriva({ … })`, " +
      'or set the ORIVA_API_KEY (or ORIVA_ADMIN_TOKEN) environment variable.',
  );
}

function defaultFetch(): Fetch {
  if (typeof globalThis.fetch !== 'function') {
    throw new OrivaError(
      'No global `fetch` in this runtime: use Node ≥ 20.18 or a browser, or pass `fetch` to `new Oriva({ fetch })`.',
    );
  }
  // Looked up on every call (a test double installed later is used) and called unbound from its owner.
  return (url, init) => globalThis.fetch(url, init);
}
