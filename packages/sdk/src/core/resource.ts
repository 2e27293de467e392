import type { Oriva } from '../client.js';
import { OrivaError } from './errors.js';
import type { AppRequestOptions, RequestOptions } from './request-options.js';

/** The base of every resource (`client.events`, `client.apps`, …): a thin layer over the client's requests. */
export abstract class APIResource {
  protected readonly _client: Oriva;

  constructor(client: Oriva) {
    this._client = client;
  }

  /** The app of an app-scoped call: the call's `appId`, else the client's; throws how to fix it when neither is set. */
  protected _appId(options: AppRequestOptions | undefined): string {
    const appId = options?.appId ?? this._client.appId;
    if (appId) return appId;
    throw new OrivaError(
      "Missing app id: this call acts on one app (/apps/{appId}/…). Pass `appId` to the client, `new Oriva({ appId: 'work-buddy' })`, " +
        "set the ORIVA_APP_ID environment variable, or pass it for this call only: `{ appId: 'work-buddy' }` as the last argument.",
    );
  }

  /** The request options without the SDK-only `appId`. */
  protected _requestOptions(options: AppRequestOptions | undefined): RequestOptions {
    if (!options) return {};
    const { appId: _appId, ...rest } = options;
    return rest;
  }
}
