import type { APIPromise } from '../core/api-promise.js';
import type { AppRequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type { AppStatsResponse, StatsParams } from '../types.js';

/**
 * An app's stats: events, notification engagement, webhook health and streams per minute, hour or day,
 * with the design document's success metrics against their targets. App-scoped: `/apps/{appId}/stats`.
 */
export class Stats extends APIResource {
  /**
   * Series and totals over a range (default: the last 24 hours by hour). `from` is rounded down and `to`
   * up to the interval; at most 1,500 buckets per call.
   *
   * @example
   * const { totals, targets } = await client.stats.get({ from: '2025-09-01T00:00:00Z', interval: 'day' });
   * console.log(totals.rates.view_rate, targets.find((t) => t.metric === 'view_rate')?.met);
   */
  get(params: StatsParams = {}, options?: AppRequestOptions): APIPromise<AppStatsResponse> {
    return this._client.request<AppStatsResponse>(() => ({
      ...this._requestOptions(options),
      method: 'get',
      path: path`/apps/${this._appId(options)}/stats`,
      query: params,
    }));
  }
}
