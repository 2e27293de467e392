import { APIPromise, type APIResponse } from '../core/api-promise.js';
import type { UserRequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type { Preferences, PreferencesResponse, PreferencesUpdate, PutPreferencesRequest } from '../types.js';

/**
 * A user's notification preferences: the apps they muted (`muted_apps`) and, per app, the
 * notification types they muted (`muted_types`). Muted notifications stay stored but leave the
 * default feed and the unread count. The user is the client's (`userId`, by default its token's
 * `sub`), or `{ userId }` per call with the admin token.
 */
export class UserPreferences extends APIResource {
  /**
   * Read the preferences (empty lists when the user never set any; `updated_at` is then `null`).
   *
   * @example
   * const { preferences } = await user.preferences.get();
   * preferences.muted_apps; // ['hugo']
   * preferences.muted_types; // { 'work-buddy': ['digest'] }
   */
  get(options?: UserRequestOptions): APIPromise<PreferencesResponse> {
    return this._client.request<PreferencesResponse>(() => ({
      ...this._requestOptions(options),
      method: 'get',
      path: path`/users/${this._userId(options)}/preferences`,
    }));
  }

  /**
   * Replace the preferences with exactly these (one `PUT`).
   *
   * @example
   * await user.preferences.replace({ muted_apps: [], muted_types: {} }); // unmute everything
   */
  replace(params: PutPreferencesRequest, options?: UserRequestOptions): APIPromise<PreferencesResponse> {
    return this._client.request<PreferencesResponse>(() => ({
      ...this._requestOptions(options),
      method: 'put',
      path: path`/users/${this._userId(options)}/preferences`,
      body: params,
    }));
  }

  /**
   * Change some preferences and keep the rest: reads the current ones (`GET`), merges `changes`
   * and writes the result (`PUT`), resolving to what the server saved.
   *
   * - `muted_apps`, when given, replaces the list of muted apps.
   * - `muted_types` is merged per app: each app given gets exactly the listed types (an empty
   *   list unmutes all of that app's types); apps not given keep theirs.
   *
   * Two requests, not a transaction: if another client changes the preferences between them, the
   * last write wins. Use `replace` to set everything at once.
   *
   * @example
   * await user.preferences.update({ muted_types: { 'work-buddy': ['digest'] } });
   * const { preferences } = await user.preferences.get();
   * await user.preferences.update({ muted_apps: [...preferences.muted_apps, 'hugo'] });
   */
  update(changes: PreferencesUpdate, options?: UserRequestOptions): APIPromise<PreferencesResponse> {
    const raw = (async (): Promise<APIResponse> => {
      const { preferences } = await this.get(options);
      const { data, response, requestId } = await this.replace(
        mergePreferences(preferences, changes),
        options,
      ).withResponse();
      return { response, requestId, body: data };
    })();
    return new APIPromise<PreferencesResponse>(raw, (result) => result.body as PreferencesResponse);
  }
}

/** `current` with `changes` applied as `update` describes. */
export function mergePreferences(current: Preferences, changes: PreferencesUpdate): PutPreferencesRequest {
  const mutedTypes: Record<string, string[]> = { ...current.muted_types };
  for (const [appId, types] of Object.entries(changes.muted_types ?? {})) {
    if (types.length === 0) delete mutedTypes[appId];
    else mutedTypes[appId] = [...types];
  }
  return { muted_apps: [...(changes.muted_apps ?? current.muted_apps)], muted_types: mutedTypes };
}
