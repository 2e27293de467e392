import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import type { AdminStatsResponse, PruneRequest, PruneResponse, StatsParams } from '../types.js';

/** Server operations for the admin token. */
export class Admin extends APIResource {
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
}
