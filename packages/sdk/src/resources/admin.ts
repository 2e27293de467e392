import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type {
  AdminStatsResponse,
  ArchiveListResponse,
  EraseUserResponse,
  PruneRequest,
  PruneResponse,
  PublishPlatformBatchResponse,
  PublishPlatformEventRequest,
  PublishPlatformEventResponse,
  RestoreArchiveResponse,
  StatsParams,
  UserAppResponse,
} from '../types.js';

/** The event archives retention writes before pruning, when the server has ORIVA_ARCHIVE_DIR. */
export class Archives extends APIResource {
  /**
   * The archives: one gzipped NDJSON file per app and month, with its row count, positions and SHA-256.
   *
   * @example
   * const { data } = await admin.admin.archives.list();
   */
  list(options?: RequestOptions): APIPromise<ArchiveListResponse> {
    return this._client.request<ArchiveListResponse>({ ...options, method: 'get', path: '/admin/archives' });
  }

  /**
   * Put an archive's events back with their ids and positions, after the server checks its SHA-256.
   * Events already present are skipped: restoring twice adds nothing.
   *
   * @example
   * const { restored } = await admin.admin.archives.restore('events.work-buddy.2025-03.1-48210.ndjson.gz');
   */
  restore(file: string, options?: RequestOptions): APIPromise<RestoreArchiveResponse> {
    return this._client.request<RestoreArchiveResponse>({
      ...options,
      method: 'post',
      path: '/admin/archives/restore',
      body: { file },
    });
  }
}

/** Server operations for the admin token, and Oriva Core's side of the platform. */
export class Admin extends APIResource {
  /** The event archives written before pruning (`list`, `restore`). */
  readonly archives: Archives = new Archives(this._client);

  /**
   * Apply the retention period now: delete events and webhook delivery logs older than
   * `older_than_days` (default: the server's `ORIVA_RETENTION_DAYS`) or `before`.
   *
   * @example
   * const { events_deleted } = await admin.admin.prune({ older_than_days: 180 });
   */
  prune(params: PruneRequest = {}, options?: RequestOptions): APIPromise<PruneResponse> {
    return this._client.request<PruneResponse>({ ...options, method: 'post', path: '/admin/prune', body: params });
  }

  /**
   * Every app's stats: series and totals in all, each app's totals, and the design document's success
   * metrics against their targets (the same query as `client.stats.get`).
   *
   * @example
   * const { apps, totals } = await admin.admin.stats({ interval: 'day', from: '2025-09-01T00:00:00Z' });
   */
  stats(params: StatsParams = {}, options?: RequestOptions): APIPromise<AdminStatsResponse> {
    return this._client.request<AdminStatsResponse>({ ...options, method: 'get', path: '/admin/stats', query: params });
  }

  /**
   * Publish a platform event (`user.*`, `platform.*`): it reaches only the apps that already know the user.
   *
   * @example
   * const { recipients } = await admin.admin.publishPlatformEvent({
   *   event_category: 'user', event_type: 'profile_updated', entity_type: 'user', entity_id: 'user_456',
   *   user_id: 'user_456', event_data: { changed_fields: ['display_name'] },
   * });
   */
  publishPlatformEvent(
    params: PublishPlatformEventRequest,
    options?: RequestOptions,
  ): APIPromise<PublishPlatformEventResponse> {
    return this._client.request<PublishPlatformEventResponse>({
      ...options,
      method: 'post',
      path: '/platform/events',
      body: params,
    });
  }

  /**
   * Publish up to 500 platform events at once, all or nothing.
   *
   * @example
   * const { count } = await admin.admin.publishPlatformEvents([profileUpdated, otherProfileUpdated]);
   */
  publishPlatformEvents(
    events: PublishPlatformEventRequest[],
    options?: RequestOptions,
  ): APIPromise<PublishPlatformBatchResponse> {
    return this._client.request<PublishPlatformBatchResponse>({
      ...options,
      method: 'post',
      path: '/platform/events/batch',
      body: { events },
    });
  }

  /**
   * Record that a user has an app connected, so platform events about them reach it.
   *
   * @example
   * await admin.admin.connectUserApp('user_456', 'work-buddy');
   */
  connectUserApp(userId: string, appId: string, options?: RequestOptions): APIPromise<UserAppResponse> {
    return this._client.request<UserAppResponse>(() => ({
      ...options,
      method: 'put',
      path: path`/users/${userId}/apps/${appId}`,
    }));
  }

  /**
   * Forget that an app knows a user: platform events about them stop reaching it.
   *
   * @example
   * await admin.admin.disconnectUserApp('user_456', 'work-buddy');
   */
  disconnectUserApp(userId: string, appId: string, options?: RequestOptions): APIPromise<UserAppResponse> {
    return this._client.request<UserAppResponse>(() => ({
      ...options,
      method: 'delete',
      path: path`/users/${userId}/apps/${appId}`,
    }));
  }

  /**
   * Erase a user: `user.deleted` to the apps that knew them, then their notifications, states,
   * preferences, events and stream connections are removed.
   *
   * @example
   * const { notified_apps } = await admin.admin.deleteUser('user_456');
   */
  deleteUser(userId: string, options?: RequestOptions): APIPromise<EraseUserResponse> {
    return this._client.request<EraseUserResponse>(() => ({
      ...options,
      method: 'delete',
      path: path`/admin/users/${userId}`,
    }));
  }
}
