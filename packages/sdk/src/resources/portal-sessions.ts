import type { APIPromise } from '../core/api-promise.js';
import type { AppRequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type { CreatePortalSessionRequest, PortalSessionResponse } from '../types.js';

/**
 * Links to the console for one app (`client.portalSessions`), as Svix's app portal: the link's token
 * travels in the URL fragment and acts as the app on its own routes only, until it expires.
 */
export class PortalSessions extends APIResource {
  /**
   * Open the console on the app: returns `{ url, expires_at }` (and the bare `token`). Embed the URL in an
   * iframe or open it; it works for an hour unless `expires_in_seconds` says otherwise (60 s to 24 h).
   *
   * @example
   * const { url, expires_at } = await client.portalSessions.create({ expires_in_seconds: 900 });
   * console.log(`Console: ${url} (until ${expires_at})`);
   */
  create(params: CreatePortalSessionRequest = {}, options?: AppRequestOptions): APIPromise<PortalSessionResponse> {
    return this._client.request<PortalSessionResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/portal-sessions`,
      body: params,
    }));
  }
}
