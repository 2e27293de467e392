import { APIPromise, type APIResponse } from '../core/api-promise.js';
import type { CursorPage, PagePromise } from '../core/pagination.js';
import type { AppRequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type {
  DeliveryResponse,
  Event,
  EventListParams,
  PublishBatchResponse,
  PublishEventRequest,
  PublishEventResponse,
} from '../types.js';

/** The server accepts at most this many events in one batch request. */
export const MAX_BATCH_EVENTS = 500;

/** Platform events an app publishes, and the app's event history. App-scoped: `/apps/{appId}/events`. */
export class Events extends APIResource {
  /**
   * Publish one event. Retries reuse one idempotency key, so a retried publish is stored once.
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
  publish(params: PublishEventRequest, options?: AppRequestOptions): APIPromise<PublishEventResponse> {
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
   * If a chunk fails, this rejects with that chunk's error and **the earlier chunks stay stored**.
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
  publishBatch(events: readonly PublishEventRequest[], options?: AppRequestOptions): APIPromise<PublishBatchResponse> {
    const raw = (async (): Promise<APIResponse> => {
      const appId = this._appId(options);
      const requestOptions = this._requestOptions(options);
      const chunks = chunk(events, MAX_BATCH_EVENTS);
      const results: PublishBatchResponse['events'] = [];
      let count = 0;
      let last: APIResponse | undefined;
      for (const [index, items] of chunks.entries()) {
        const idempotencyKey =
          requestOptions.idempotencyKey !== undefined && chunks.length > 1
            ? `${requestOptions.idempotencyKey}-${index}`
            : requestOptions.idempotencyKey;
        const { data, response, requestId } = await this._client
          .request<PublishBatchResponse>({
            ...requestOptions,
            idempotencyKey,
            method: 'post',
            path: path`/apps/${appId}/events/batch`,
            body: { events: items },
          })
          .withResponse();
        results.push(...data.events);
        count += data.count;
        last = { response, requestId, body: data };
      }
      const combined: PublishBatchResponse = { success: true, count, events: results };
      // `chunks` is never empty, so `last` is set.
      return { ...(last as APIResponse), body: combined };
    })();
    return new APIPromise<PublishBatchResponse>(raw, (result) => result.body as PublishBatchResponse);
  }

  /**
   * List the app's events, newest first. Await it for one page; iterate it with `for await` for
   * every matching event across pages (each next page is requested with `after = next_cursor`).
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
  ): PagePromise<CursorPage<Event, EventListParams>, Event> {
    return this._client.getCursorPage<Event, EventListParams>(
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
}

/** Split into consecutive chunks of at most `size`; an empty list is one empty chunk (the server explains why it is invalid). */
function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
