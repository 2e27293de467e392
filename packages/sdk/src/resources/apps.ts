import type { AnyOriva } from '../client.js';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type {
  AppListParams,
  AppResponse,
  CreateAppRequest,
  CreateAppResponse,
  ListAppsResponse,
  UpdateAppRequest,
} from '../types.js';
import { Keys } from './keys.js';

/**
 * Registered apps. `create` and `list` need the admin token; `retrieve`, `update` and `keys` also
 * accept an app key acting on its own app.
 */
export class Apps extends APIResource {
  /** The app's API keys. */
  readonly keys: Keys;

  constructor(client: AnyOriva) {
    super(client);
    this.keys = new Keys(client);
  }

  /**
   * Register an app and issue its first API key (admin token). The secret `api_key.key` is
   * returned this once: store it now.
   *
   * @example
   * const { app, api_key } = await admin.apps.create({ app_id: 'work-buddy', name: 'Work Buddy' });
   */
  create(params: CreateAppRequest, options?: RequestOptions): APIPromise<CreateAppResponse> {
    return this._client.request<CreateAppResponse>({ ...options, method: 'post', path: '/apps', body: params });
  }

  /**
   * List every registered app (admin token).
   *
   * @example
   * const { apps } = await admin.apps.list();
   */
  list(_query: AppListParams = {}, options?: RequestOptions): APIPromise<ListAppsResponse> {
    return this._client.request<ListAppsResponse>({ ...options, method: 'get', path: '/apps' });
  }

  /**
   * Read an app.
   *
   * @example
   * const { app } = await client.apps.retrieve('work-buddy');
   */
  retrieve(appId: string, options?: RequestOptions): APIPromise<AppResponse> {
    return this._client.request<AppResponse>(() => ({ ...options, method: 'get', path: path`/apps/${appId}` }));
  }

  /**
   * Change an app's name or icon; `icon_url: null` removes the icon.
   *
   * @example
   * const { app } = await client.apps.update('work-buddy', { name: 'Work Buddy Pro' });
   */
  update(appId: string, params: UpdateAppRequest, options?: RequestOptions): APIPromise<AppResponse> {
    return this._client.request<AppResponse>(() => ({
      ...options,
      method: 'patch',
      path: path`/apps/${appId}`,
      body: params,
    }));
  }
}
