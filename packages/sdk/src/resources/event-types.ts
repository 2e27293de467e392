import type { APIPromise } from '../core/api-promise.js';
import { CursorPage, type PagePromise } from '../core/pagination.js';
import type { AppRequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type {
  CataloguePagination,
  CatalogueParams,
  EventType,
  EventTypeResponse,
  ListEventTypesResponse,
  PublishEventRequest,
  PutEventTypeRequest,
  ValidateBatchResponse,
  ValidateEventResponse,
} from '../types.js';

/** One page of the catalogue. Its `pagination` has `limit`, `has_more` and `next_cursor`, no `total`. */
export class CataloguePage extends CursorPage<EventType, CatalogueParams, CataloguePagination> {}

/** Options of `eventTypes.put`: the app, and whether a change that breaks earlier examples is accepted. */
export interface PutEventTypeOptions extends AppRequestOptions {
  /**
   * Accept a schema that rejects examples of the previous version. Without it such a change is a
   * `ConflictError` with code `breaking_change`, whose `fields` name each example that broke.
   */
  breaking?: boolean | undefined;
}

/** Options of `eventTypes.get`: the app, and which version to read. */
export interface GetEventTypeOptions extends AppRequestOptions {
  /** Read this version of the schema and its examples; the latest when left out. */
  version?: number | undefined;
}

/**
 * The event catalogue: an app declares its event types (`session.ended`), each with a JSON Schema
 * (2020-12) for `event_data` that publishing then enforces, and reads every app's types and the
 * platform's own. Declaring is app-scoped (`/apps/{appId}/event-types`); the catalogue is readable
 * with any app key.
 */
export class EventTypes extends APIResource {
  /**
   * Declare an event type, or change it. A changed `schema` is a new `version`; sending the same
   * declaration again changes nothing. A schema that rejects examples of the previous version is a
   * `ConflictError` (`breaking_change`, the broken examples in `fields`) unless `{ breaking: true }`.
   *
   * @example
   * const { event_type } = await client.eventTypes.put('session.ended', {
   *   description: 'A focus session ended.',
   *   schema: { type: 'object', required: ['duration'], properties: { duration: { type: 'integer', minimum: 0 } } },
   *   examples: [{ duration: 1500 }],
   * });
   * console.log(event_type.version);
   */
  put(eventType: string, params: PutEventTypeRequest, options?: PutEventTypeOptions): APIPromise<EventTypeResponse> {
    const { breaking, ...rest } = options ?? {};
    return this._client.request<EventTypeResponse>(() => ({
      ...this._requestOptions(rest),
      method: 'put',
      path: path`/apps/${this._appId(rest)}/event-types/${eventType}`,
      query: breaking ? { breaking: true } : undefined,
      body: params,
    }));
  }

  /**
   * Read one of the app's event types: its latest version, or `{ version }`.
   *
   * @example
   * const { event_type } = await client.eventTypes.get('session.ended', { version: 1 });
   * console.log(event_type.schema, event_type.versions);
   */
  get(eventType: string, options?: GetEventTypeOptions): APIPromise<EventTypeResponse> {
    const { version, ...rest } = options ?? {};
    return this._client.request<EventTypeResponse>(() => ({
      ...this._requestOptions(rest),
      method: 'get',
      path: path`/apps/${this._appId(rest)}/event-types/${eventType}`,
      query: version === undefined ? undefined : { version },
    }));
  }

  /**
   * The event types the app declared, each at its latest version.
   *
   * @example
   * const { event_types } = await client.eventTypes.list();
   * for (const type of event_types) console.log(type.name, type.version);
   */
  list(options?: AppRequestOptions): APIPromise<ListEventTypesResponse> {
    return this._client.request<ListEventTypesResponse>(() => ({
      ...this._requestOptions(options),
      method: 'get',
      path: path`/apps/${this._appId(options)}/event-types`,
    }));
  }

  /**
   * Remove an event type and its history; its events are no longer checked. Resolves with nothing (204).
   *
   * @example
   * await client.eventTypes.delete('session.ended');
   */
  delete(eventType: string, options?: AppRequestOptions): APIPromise<void> {
    return this._client.request<void>(() => ({
      ...this._requestOptions(options),
      method: 'delete',
      path: path`/apps/${this._appId(options)}/event-types/${eventType}`,
    }));
  }

  /**
   * The catalogue: every app's declared types and the platform's own (`notification.*`,
   * `webhook.*`), by name, with their schemas. Filter by `appId` (that app's types only) or
   * `category`. Await it for one page; iterate it with `for await` for every type across pages.
   *
   * @example
   * for await (const type of client.eventTypes.catalogue({ category: 'session' })) {
   *   console.log(type.name, type.app_id, type.version);
   * }
   * const page = await client.eventTypes.catalogue({ appId: 'work-buddy', limit: 50 });
   */
  catalogue(params: CatalogueParams = {}, options?: AppRequestOptions): PagePromise<CataloguePage, EventType> {
    return this._client.getCursorPage<EventType, CatalogueParams, CataloguePage>(
      ({ appId, ...pageQuery }) => ({
        ...this._requestOptions(options),
        method: 'get',
        path: '/event-types',
        query: { ...pageQuery, app_id: appId },
      }),
      'event_types',
      params,
      (fetchPage, pageQuery, data, pagination, requestId) =>
        new CataloguePage(fetchPage, pageQuery, data, pagination, requestId),
    );
  }

  /**
   * Check an event as publishing would, storing nothing: against its type's schema and the app's
   * `undeclared_types` policy. Resolves when publishing would accept it; a mismatch rejects with
   * `UnprocessableEntityError`, whose `fields` give each error's JSON pointer and message.
   * The same call as `events.validate`, which a client typed by an event map also checks at compile time.
   *
   * @example
   * const { check } = await client.eventTypes.validate({
   *   event_category: 'session', event_type: 'ended', entity_type: 'session', entity_id: 's_1',
   *   event_data: { duration: 1500 },
   * });
   * console.log(check.declared, check.schema_version);
   */
  validate(params: PublishEventRequest, options?: AppRequestOptions): APIPromise<ValidateEventResponse> {
    return this._client.events.validate(params, options);
  }

  /**
   * Check a batch as publishing would, storing nothing, in chunks of 500 like `events.publishBatch`. A
   * mismatch rejects with `UnprocessableEntityError` naming every failing item of its chunk in `fields`, by
   * its index in the whole list. The same call as `events.validateBatch`.
   *
   * @example
   * const { checks } = await client.eventTypes.validateBatch([event1, event2]);
   */
  validateBatch(
    events: readonly PublishEventRequest[],
    options?: AppRequestOptions,
  ): APIPromise<ValidateBatchResponse> {
    return this._client.events.validateBatch(events, options);
  }
}
