import { APIPromise, type APIResponse } from '../core/api-promise.js';
import { APIError } from '../core/errors.js';
import type {
  PublishableCategory,
  PublishableType,
  PublishBatchElement,
  PublishBatchParams,
  PublishEventParams,
  TypedEvent,
  UntypedEventMap,
} from '../core/event-map.js';
import type { CursorPage, PagePromise } from '../core/pagination.js';
import type { AppRequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type {
  DeliveryResponse,
  EventListParams,
  PublishBatchResponse,
  PublishEventResponse,
  ValidateBatchResponse,
  ValidateEventResponse,
} from '../types.js';

/** The server accepts at most this many events in one batch request. */
export const MAX_BATCH_EVENTS = 500;

/**
 * Platform events an app publishes, and the app's event history. App-scoped: `/apps/{appId}/events`.
 *
 * `M` is the client's type map (`new Oriva<OrivaEventMap>()`): with one, `publish` and `validate` check
 * `event_data` against the map's type for the event's `<event_category>.<event_type>`, and `list` yields
 * the union of the map's event types. See `core/event-map.ts` for the rules.
 */
export class Events<M extends object = UntypedEventMap> extends APIResource {
  /**
   * Publish one event. Retries reuse one idempotency key, so a retried publish is stored once.
   * With a type map, `event_data` is checked at compile time against the map's type for
   * `<event_category>.<event_type>`.
   *
   * @example
   * const { event_id } = await client.events.publish({
   *   event_category: 'notification',
   *   event_type: 'dismissed',
   *   entity_type: 'notification',
   *   entity_id: 'wb_notif_123',
   *   user_id: 'user_456',
   *   event_data: { dismissed_from: 'work_buddy' },
   * });
   */
  publish<C extends PublishableCategory<M>, T extends PublishableType<M, C>>(
    params: PublishEventParams<M, C, T>,
    options?: AppRequestOptions,
  ): APIPromise<PublishEventResponse> {
    return this._client.request<PublishEventResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/events`,
      body: params,
    }));
  }

  /**
   * Publish many events. Each request carries at most 500 events and is all or nothing; a longer list
   * is sent as consecutive chunks of 500, one after another, each with its own idempotency key, and the
   * results are combined in order.
   *
   * If a chunk fails, this rejects with that chunk's error and **the earlier chunks stay stored**; the
   * error's `fields` name events by their index in the whole list (`events.503.event_data/duration`).
   * To make the whole call safe to repeat, pass `idempotencyKey`: chunk `i` of `n > 1` is sent with
   * the key `<idempotencyKey>-<i>` (a single chunk uses the key as is), so repeating the call with the
   * same events replays the stored chunks and sends only the rest.
   * `withResponse()` gives the last chunk's response.
   *
   * @example
   * const { count, events } = await client.events.publishBatch([
   *   { event_category: 'task', event_type: 'created', entity_type: 'task', entity_id: 't_1', user_id: 'user_456' },
   *   { event_category: 'task', event_type: 'created', entity_type: 'task', entity_id: 't_2', user_id: 'user_456' },
   * ]);
   */
  publishBatch<const E extends readonly PublishBatchElement<M>[]>(
    events: E & PublishBatchParams<M, E>,
    options?: AppRequestOptions,
  ): APIPromise<PublishBatchResponse> {
    return this.#inChunks<PublishBatchResponse, PublishBatchResponse['events'][number]>(
      events,
      options,
      (appId) => path`/apps/${appId}/events/batch`,
      (data) => data.events,
      (count, results) => ({ success: true, count, events: results }),
    );
  }

  /**
   * Check one event as publishing would (its type's schema, the app's `undeclared_types` policy), storing
   * nothing. Resolves when publishing would accept it; rejects with the error publishing would give, such as
   * an `UnprocessableEntityError` with code `event_data_invalid` and one `fields` entry per schema error.
   *
   * @example
   * const { check } = await client.events.validate({
   *   event_category: 'session',
   *   event_type: 'ended',
   *   entity_type: 'session',
   *   entity_id: 's_1',
   *   user_id: 'user_456',
   *   event_data: { duration: 1200 },
   * });
   * console.log(check.event_type, check.declared, check.schema_version); // 'session.ended' true 3
   */
  validate<C extends PublishableCategory<M>, T extends PublishableType<M, C>>(
    params: PublishEventParams<M, C, T>,
    options?: AppRequestOptions,
  ): APIPromise<ValidateEventResponse> {
    return this._client.request<ValidateEventResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/events/validate`,
      body: params,
    }));
  }

  /**
   * Check many events as `publishBatch` would, storing nothing: in chunks of 500 like it, stopping at the
   * first chunk publishing would refuse. Resolves with one check per event, in order; rejects with the
   * refusal, its `fields` naming events by their index in the whole list.
   *
   * @example
   * const { count, checks } = await client.events.validateBatch(events);
   * const undeclared = checks.filter((check) => !check.declared).map((check) => check.event_type);
   */
  validateBatch<const E extends readonly PublishBatchElement<M>[]>(
    events: E & PublishBatchParams<M, E>,
    options?: AppRequestOptions,
  ): APIPromise<ValidateBatchResponse> {
    return this.#inChunks<ValidateBatchResponse, ValidateBatchResponse['checks'][number]>(
      events,
      options,
      (appId) => path`/apps/${appId}/events/batch/validate`,
      (data) => data.checks,
      (count, checks) => ({ success: true, valid: true, count, checks }),
    );
  }

  /**
   * List the app's events, newest first. Await it for one page; iterate it with `for await` for
   * every matching event across pages (each next page is requested with `after = next_cursor`).
   * With a type map, each event is the union of the map's types: `event.type` narrows `event_data`.
   *
   * @example
   * for await (const event of client.events.list({ user_id: 'user_456', event_category: 'notification' })) {
   *   console.log(event.id, event.type);
   * }
   * const page = await client.events.list({ limit: 20 });
   * console.log(page.data.length, page.pagination.total, page.hasNextPage());
   */
  list(
    query: EventListParams = {},
    options?: AppRequestOptions,
  ): PagePromise<CursorPage<TypedEvent<M>, EventListParams>, TypedEvent<M>> {
    return this._client.getCursorPage<TypedEvent<M>, EventListParams>(
      (pageQuery) => ({
        ...this._requestOptions(options),
        method: 'get',
        path: path`/apps/${this._appId(options)}/events`,
        query: pageQuery,
      }),
      'events',
      query,
    );
  }

  /**
   * Deliver one stored event again, to one of the app's webhooks whatever it subscribes to: a new
   * delivery (its own `webhook-id`, `replay: true`), for debugging a receiver. Rejects with a
   * `NotFoundError` (`event_not_found`, `webhook_not_found`) for an id the app does not own.
   *
   * @example
   * const { delivery } = await client.events.replay('evt_01J8…', { webhookId: 'wh_01J8…' });
   * console.log(delivery.id, delivery.replay);
   */
  replay(eventId: string, params: { webhookId: string }, options?: AppRequestOptions): APIPromise<DeliveryResponse> {
    return this._client.request<DeliveryResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/events/${eventId}/replay`,
      body: { webhook_id: params.webhookId },
    }));
  }

  /**
   * Sends `events` to a batch route in consecutive chunks of at most 500, one after another (see
   * `publishBatch` for the idempotency keys), and combines the chunks' counts and item lists in order.
   */
  #inChunks<R extends { count: number }, Item>(
    events: readonly unknown[],
    options: AppRequestOptions | undefined,
    route: (appId: string) => string,
    itemsOf: (data: R) => readonly Item[],
    combine: (count: number, items: Item[]) => R,
  ): APIPromise<R> {
    const raw = (async (): Promise<APIResponse> => {
      const appId = this._appId(options);
      const requestOptions = this._requestOptions(options);
      const chunks = chunk(events, MAX_BATCH_EVENTS);
      const items: Item[] = [];
      let count = 0;
      let last: APIResponse | undefined;
      for (const [index, part] of chunks.entries()) {
        const idempotencyKey =
          requestOptions.idempotencyKey !== undefined && chunks.length > 1
            ? `${requestOptions.idempotencyKey}-${index}`
            : requestOptions.idempotencyKey;
        const { data, response, requestId } = await this._client
          .request<R>({
            ...requestOptions,
            idempotencyKey,
            method: 'post',
            path: route(appId),
            body: { events: part },
          })
          .withResponse()
          .catch((error: unknown) => {
            throw indexedFromStart(error, index * MAX_BATCH_EVENTS);
          });
        items.push(...itemsOf(data));
        count += data.count;
        last = { response, requestId, body: data };
      }
      // `chunks` is never empty, so `last` is set.
      return { ...(last as APIResponse), body: combine(count, items) };
    })();
    return new APIPromise<R>(raw, (result) => result.body as R);
  }
}

/** Split into consecutive chunks of at most `size`; an empty list is one empty chunk (the server explains why it is invalid). */
function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * The server names a batch's failing events by their index in the request (`events.3.event_data/duration`).
 * A chunk's request starts at `offset` in the caller's list, so the same error is rebuilt with the caller's
 * indices (`events.503.…`), message included, instead of pointing at the wrong event.
 */
function indexedFromStart(error: unknown, offset: number): unknown {
  if (offset === 0 || !(error instanceof APIError) || error.fields.length === 0) return error;
  const body = error.body as { error?: { fields?: { path?: unknown }[] } };
  const fields = body.error?.fields?.map((field) => ({
    ...field,
    path:
      typeof field.path === 'string'
        ? field.path.replace(/^events\.(\d+)/, (_, index: string) => `events.${Number(index) + offset}`)
        : field.path,
  }));
  return APIError.generate(error.status, { ...body, error: { ...body.error, fields } }, error.headers);
}
