import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type { ApiKeyResponse, CreateKeyRequest, KeyListParams, ListKeysResponse } from '../types.js';

/** An app's API keys (`client.apps.keys`). The admin token, or an app key acting on its own app. */
export class Keys extends APIResource {
  /**
   * Issue another API key, to rotate keys without downtime. The secret `api_key.key` is returned
   * this once: store it now.
   *
   * @example
   * const { api_key } = await client.apps.keys.create('work-buddy', { name: 'production' });
   * console.log(api_key.key); // ok_…
   */
  create(appId: string, params: CreateKeyRequest = {}, options?: RequestOptions): APIPromise<ApiKeyResponse> {
    return this._client.request<ApiKeyResponse>(() => ({
      ...options,
      method: 'post',
      path: path`/apps/${appId}/keys`,
      body: params,
    }));
  }

  /**
   * List an app's keys, revoked ones included. Secrets are never returned, only their `prefix`.
   *
   * @example
   * const { api_keys } = await client.apps.keys.list('work-buddy');
   */
  list(appId: string, _query: KeyListParams = {}, options?: RequestOptions): APIPromise<ListKeysResponse> {
    return this._client.request<ListKeysResponse>(() => ({
      ...options,
      method: 'get',
      path: path`/apps/${appId}/keys`,
    }));
  }

  /**
   * Revoke a key: it stops working on the next request. Resolves with nothing (204).
   *
   * @example
   * await client.apps.keys.revoke('work-buddy', 'key_01J8ZQ3J5V8C9X2M4N6P7R8S9T');
   */
  revoke(appId: string, keyId: string, options?: RequestOptions): APIPromise<void> {
    return this._client.request<void>(() => ({
      ...options,
      method: 'delete',
      path: path`/apps/${appId}/keys/${keyId}`,
    }));
  }
}
