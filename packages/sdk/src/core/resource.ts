import type { AnyOriva } from '../client.js';
import { OrivaError } from './errors.js';
import type { AppRequestOptions, RequestOptions, UserRequestOptions } from './request-options.js';

/** The base of every resource (`client.events`, `client.apps`, …): a thin layer over the client's requests. */
export abstract class APIResource {
  // Any client, whatever its event map: a resource only makes requests, and the map types what `Events` takes and gives.
  protected readonly _client: AnyOriva;

  constructor(client: AnyOriva) {
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

  /**
   * The user of a user-scoped call: the call's `userId`, else the client's (by default the `sub` of
   * its user token); throws how to fix it when neither is set.
   */
  protected _userId(options: UserRequestOptions | undefined): string {
    const userId = options?.userId ?? this._client.userId;
    if (userId) return userId;
    const why =
      this._client.credentialKind === 'userToken'
        ? 'the user token is not a JWT with a `sub` claim, so pass the user id: `new Oriva({ userToken, userId })`.'
        : this._client.credentialKind === 'adminToken'
          ? "pass the user for this call, `{ userId: 'user_456' }` as the last argument, or `userId` to the client."
          : "an app key cannot act for a user: use a client with the user's token, `new Oriva({ userToken })`, or the admin token with `{ userId }`.";
    throw new OrivaError(`Missing user id: this call acts on one user's notifications (/users/{userId}/…); ${why}`);
  }

  /** The request options without the SDK-only `appId` and `userId`. */
  protected _requestOptions(options: (AppRequestOptions & UserRequestOptions) | undefined): RequestOptions {
    if (!options) return {};
    const { appId: _appId, userId: _userId, ...rest } = options;
    return rest;
  }
}
