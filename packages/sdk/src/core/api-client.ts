import { VERSION } from '../version.js';
import { APIPromise, type APIResponse } from './api-promise.js';
import { nodeVersion } from './env.js';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OrivaError } from './errors.js';
import { newIdempotencyKey } from './idempotency.js';
import {
  CursorPage,
  type CursorPagination,
  type CursorQuery,
  type PageFactory,
  type PageFetcher,
  PagePromise,
} from './pagination.js';
import type { Fetch, HeadersRecord, RequestOptions } from './request-options.js';
import { DEFAULT_MAX_RETRY_WAIT_MS, exceedsRetryWait, retryDelayMs, shouldRetryResponse } from './retry.js';
import { buildQuery, type QueryParams } from './url.js';

export type HTTPMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A complete request: what to call, and the per-call options. */
export interface FinalRequestOptions extends RequestOptions {
  method: HTTPMethod;
  /** The path below the API base, starting with `/` (`/apps/work-buddy/events`). */
  path: string;
  query?: QueryParams | undefined;
  /** Sent as JSON. */
  body?: unknown;
}

/** The settings the request machinery runs with, already resolved by the client. */
export interface APIClientConfig {
  /** The normalised API base, ending in `/api/v1`. */
  baseUrl: string;
  /** The credential sent as `Authorization: Bearer <credential>`. */
  credential: string;
  timeout: number;
  maxRetries: number;
  maxRetryWait: number;
  fetch: Fetch;
  defaultHeaders: HeadersRecord;
}

/** Default time one attempt may take: 60 s. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;
/** Default longest `Retry-After` slept through before a retry: 5 s; a longer one fails at once. */
export const DEFAULT_MAX_RETRY_WAIT = DEFAULT_MAX_RETRY_WAIT_MS;
/** `setTimeout` cannot wait longer than this. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The request machinery: URLs, headers, JSON, timeouts, retries with backoff, idempotency keys,
 * error mapping and pagination. Resources call `get`, `post`, `patch`, `delete` and `getCursorPage`.
 */
export abstract class APIClient {
  /** The API base every path is appended to, ending in `/api/v1`. */
  readonly baseUrl: string;
  /** Milliseconds one attempt may take. */
  readonly timeout: number;
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** Milliseconds of a server's `Retry-After` the SDK waits out; a longer one fails the call at once. */
  readonly maxRetryWait: number;
  readonly #credential: string;
  readonly #fetch: Fetch;
  readonly #defaultHeaders: HeadersRecord;

  protected constructor(config: APIClientConfig) {
    this.baseUrl = config.baseUrl;
    this.timeout = validateTimeout(config.timeout);
    this.maxRetries = validateMaxRetries(config.maxRetries);
    this.maxRetryWait = validateMaxRetryWait(config.maxRetryWait);
    this.#credential = config.credential;
    this.#fetch = config.fetch;
    this.#defaultHeaders = { ...config.defaultHeaders };
  }

  /**
   * `GET` a path below the API base. A low-level escape hatch for routes this SDK has no method for yet.
   *
   * @example
   * const { app } = await client.get<{ app: { name: string } }>('/apps/work-buddy');
   */
  get<T>(path: string, options: RequestOptions & { query?: QueryParams } = {}): APIPromise<T> {
    return this.request<T>({ ...options, method: 'get', path });
  }

  /**
   * `POST` a JSON body; it gets an idempotency key reused by its retries.
   *
   * @example
   * const result = await client.post<{ success: true }>('/apps/work-buddy/notifications', { body: { title: 'Hi' } });
   */
  post<T>(path: string, options: RequestOptions & { body?: unknown; query?: QueryParams } = {}): APIPromise<T> {
    return this.request<T>({ ...options, method: 'post', path });
  }

  /** `PATCH` a JSON body. */
  patch<T>(path: string, options: RequestOptions & { body?: unknown; query?: QueryParams } = {}): APIPromise<T> {
    return this.request<T>({ ...options, method: 'patch', path });
  }

  /** `DELETE` a path. */
  delete<T>(path: string, options: RequestOptions & { query?: QueryParams } = {}): APIPromise<T> {
    return this.request<T>({ ...options, method: 'delete', path });
  }

  /**
   * Send a request and resolve to its parsed JSON body. `options` may be a function, called once
   * when the request starts: a mistake it throws (a missing app id) rejects the promise.
   */
  request<T>(options: FinalRequestOptions | (() => FinalRequestOptions)): APIPromise<T> {
    return new APIPromise<T>(this.#send(options), (raw) => raw.body as T);
  }

  /**
   * Fetch the first page of a cursor-paged list whose items sit under `itemsKey` in the body
   * (`events` in `{ success, events, pagination }`). `createPage` builds each page (default a `CursorPage`).
   */
  getCursorPage<
    Item,
    Query extends CursorQuery,
    Page extends CursorPage<Item, Query, CursorPagination> = CursorPage<Item, Query>,
  >(
    build: (query: Query) => FinalRequestOptions,
    itemsKey: string,
    query: Query,
    createPage?: PageFactory<Item, Query, Page>,
  ): PagePromise<Page, Item> {
    const makePage: PageFactory<Item, Query, Page> =
      createPage ??
      ((fetchPage, pageQuery, data, pagination, requestId) =>
        new CursorPage<Item, Query, CursorPagination>(fetchPage, pageQuery, data, pagination, requestId) as Page);
    const fetchPage: PageFetcher<Item, Query, Page> = (pageQuery) =>
      new PagePromise<Page, Item>(
        this.#send(() => build(pageQuery)),
        (raw) => {
          const body = raw.body as Record<string, unknown> | undefined;
          const items = body?.[itemsKey];
          const pagination = body?.pagination;
          if (!body || !Array.isArray(items) || !isPagination(pagination)) {
            throw new OrivaError(
              `Unexpected list response: expected \`${itemsKey}\` and \`pagination\` in the body (request_id: ${raw.requestId ?? 'none'}).`,
            );
          }
          // Checked: `has_more` and `next_cursor`, what paging needs; the rest is the list's own shape.
          return makePage(fetchPage, pageQuery, items as Item[], pagination as Page['pagination'], raw.requestId, body);
        },
      );
    return fetchPage(query);
  }

  /** Wait before a retry. Rejects with `APIUserAbortError` as soon as `signal` aborts. Tests override it. */
  protected sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new APIUserAbortError({ cause: signal.reason }));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(new APIUserAbortError({ cause: signal?.reason }));
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.min(ms, MAX_TIMER_MS),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** A number in [0, 1) for backoff jitter. Tests override it. */
  protected random(): number {
    return Math.random();
  }

  /** The full URL of a path below the API base. */
  buildURL(path: string, query?: QueryParams): string {
    return `${this.baseUrl}${path.startsWith('/') ? path : `/${path}`}${buildQuery(query)}`;
  }

  async #send(build: FinalRequestOptions | (() => FinalRequestOptions)): Promise<APIResponse> {
    const options = typeof build === 'function' ? build() : build;
    const method = options.method.toUpperCase();
    const url = this.buildURL(options.path, options.query);
    const timeout = options.timeout === undefined ? this.timeout : validateTimeout(options.timeout);
    const maxRetries = options.maxRetries === undefined ? this.maxRetries : validateMaxRetries(options.maxRetries);
    const maxRetryWait =
      options.maxRetryWait === undefined ? this.maxRetryWait : validateMaxRetryWait(options.maxRetryWait);
    const { signal } = options;
    // One key per logical POST: every retry repeats it, so the server stores the call at most once.
    const idempotencyKey = options.idempotencyKey ?? (method === 'POST' ? newIdempotencyKey() : undefined);
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers = this.#buildHeaders(options, body !== undefined, idempotencyKey);

    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason });
      const canRetry = retry < maxRetries;

      let response: Response;
      let text: string;
      try {
        ({ response, text } = await this.#attempt(url, { method, headers, body }, timeout, signal));
      } catch (error) {
        if (signal?.aborted) throw new APIUserAbortError({ cause: error });
        // A timeout, or fetch rejecting (a TypeError for DNS, refused and reset connections, CORS).
        const failure = error instanceof APIConnectionError ? error : new APIConnectionError({ cause: error });
        if (!canRetry) throw failure;
        await this.sleep(
          retryDelayMs(retry, undefined, () => this.random()),
          signal,
        );
        continue;
      }

      const requestId = response.headers.get('x-request-id');
      if (response.ok) return { response, body: parseSuccessBody(text, response.status, requestId), requestId };
      if (
        canRetry &&
        shouldRetryResponse(response.status, response.headers) &&
        // A rate limit that frees up in minutes: say so now (RateLimitError.retryAfter) rather than hang.
        !exceedsRetryWait(response.headers, maxRetryWait)
      ) {
        await this.sleep(
          retryDelayMs(retry, response.headers, () => this.random()),
          signal,
        );
        continue;
      }
      throw APIError.generate(response.status, parseErrorBody(text), response.headers);
    }
  }

  /** One attempt: fetch and read the body, abandoned after `timeout` ms or when `signal` aborts. */
  async #attempt(
    url: string,
    init: { method: string; headers: Headers; body: string | undefined },
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<{ response: Response; text: string }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = Number.isFinite(timeout)
      ? setTimeout(
          () => {
            timedOut = true;
            controller.abort();
          },
          Math.min(timeout, MAX_TIMER_MS),
        )
      : undefined;
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const requestInit: RequestInit = { method: init.method, headers: init.headers, signal: controller.signal };
      if (init.body !== undefined) requestInit.body = init.body;
      const response = await this.#fetch(url, requestInit);
      const text = await response.text();
      return { response, text };
    } catch (error) {
      if (timedOut && !signal?.aborted) throw new APIConnectionTimeoutError({ timeout, cause: error });
      throw error;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  #buildHeaders(options: FinalRequestOptions, hasBody: boolean, idempotencyKey: string | undefined): Headers {
    const headers = new Headers();
    headers.set('accept', 'application/json');
    headers.set('authorization', `Bearer ${this.#credential}`);
    headers.set('x-oriva-sdk', `js/${VERSION}`);
    const node = nodeVersion();
    if (node) headers.set('user-agent', `oriva-sdk-js/${VERSION} node/${node}`);
    if (hasBody) headers.set('content-type', 'application/json');
    if (idempotencyKey !== undefined) headers.set('idempotency-key', idempotencyKey);
    for (const extra of [this.#defaultHeaders, options.headers]) {
      for (const [name, value] of Object.entries(extra ?? {})) {
        if (value === null || value === undefined) headers.delete(name);
        else headers.set(name, value);
      }
    }
    return headers;
  }
}

function validateTimeout(timeout: number): number {
  if (typeof timeout !== 'number' || Number.isNaN(timeout) || timeout <= 0) {
    throw new OrivaError(`Invalid timeout ${String(timeout)}: expected a positive number of milliseconds.`);
  }
  return timeout;
}

function validateMaxRetries(maxRetries: number): number {
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new OrivaError(`Invalid maxRetries ${String(maxRetries)}: expected a whole number, 0 or more.`);
  }
  return maxRetries;
}

function validateMaxRetryWait(maxRetryWait: number): number {
  if (typeof maxRetryWait !== 'number' || Number.isNaN(maxRetryWait) || maxRetryWait < 0) {
    throw new OrivaError(
      `Invalid maxRetryWait ${String(maxRetryWait)}: expected milliseconds, 0 or more (Infinity waits as long as the server asks).`,
    );
  }
  return maxRetryWait;
}

function isPagination(value: unknown): value is CursorPagination {
  if (typeof value !== 'object' || value === null) return false;
  const pagination = value as Record<string, unknown>;
  return typeof pagination.has_more === 'boolean' && 'next_cursor' in pagination;
}

function parseSuccessBody(text: string, status: number, requestId: string | null): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new OrivaError(
      `Could not parse the ${status} response body as JSON (request_id: ${requestId ?? 'none'}): ${text.slice(0, 200)}`,
      { cause },
    );
  }
}

function parseErrorBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
