import type { AnyOriva } from '../client.js';
import type { APIPromise } from '../core/api-promise.js';
import { CursorPage, type PagePromise } from '../core/pagination.js';
import type { AppRequestOptions } from '../core/request-options.js';
import { APIResource } from '../core/resource.js';
import { path } from '../core/url.js';
import type {
  CreateWebhookRequest,
  CreateWebhookResponse,
  Delivery,
  DeliveryListParams,
  DeliveryPagination,
  DeliveryResponse,
  Jwks,
  ListWebhooksResponse,
  RecoverRequest,
  RecoverResponse,
  RotateSecretRequest,
  RotateSecretResponse,
  RotateSigningKeyResponse,
  TestWebhookResponse,
  UpdateWebhookRequest,
  WebhookResponse,
} from '../types.js';

/** One page of a webhook's deliveries. Its `pagination` has `limit`, `has_more` and `next_cursor`, no `total`. */
export class DeliveryPage extends CursorPage<Delivery, DeliveryListParams, DeliveryPagination> {}

/**
 * A webhook's deliveries (`client.webhooks.deliveries`): one per event sent to it, each with every
 * attempt. App-scoped: `/apps/{appId}/webhooks/{webhookId}/deliveries`.
 */
export class Deliveries extends APIResource {
  /**
   * List a webhook's deliveries, newest first, each with its `attempt_log`. Filter by `success`
   * (`true`: delivered; `false`: failed for good or still retrying), `event_type` and `since`.
   * Await it for one page; iterate it with `for await` for every delivery across pages (each next
   * page is requested with `after = next_cursor`).
   *
   * @example
   * const page = await client.webhooks.deliveries.list('wh_01J8…', { success: false, limit: 20 });
   * for (const delivery of page.data) console.log(delivery.id, delivery.status, delivery.attempts);
   * for await (const delivery of client.webhooks.deliveries.list('wh_01J8…', { event_type: 'notification.dismissed' })) {}
   */
  list(
    webhookId: string,
    query: DeliveryListParams = {},
    options?: AppRequestOptions,
  ): PagePromise<DeliveryPage, Delivery> {
    return this._client.getCursorPage<Delivery, DeliveryListParams, DeliveryPage>(
      (pageQuery) => ({
        ...this._requestOptions(options),
        method: 'get',
        path: path`/apps/${this._appId(options)}/webhooks/${webhookId}/deliveries`,
        query: pageQuery,
      }),
      'deliveries',
      query,
      (fetchPage, pageQuery, data, pagination, requestId) =>
        new DeliveryPage(fetchPage, pageQuery, data, pagination, requestId),
    );
  }

  /**
   * Deliver one delivery again now, whatever its status; the receiver sees the same `webhook-id`
   * header, so it can tell a redelivery from a new event. Resolves to the delivery after the attempt.
   *
   * @example
   * const { delivery } = await client.webhooks.deliveries.retry('wh_01J8…', 'del_01J8…');
   * console.log(delivery.status, delivery.attempt_log.at(-1)?.status_code);
   */
  retry(webhookId: string, deliveryId: string, options?: AppRequestOptions): APIPromise<DeliveryResponse> {
    return this._client.request<DeliveryResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/webhooks/${webhookId}/deliveries/${deliveryId}/retry`,
    }));
  }
}

/**
 * Webhooks: the app subscribes HTTPS URLs to its events (patterns like `notification.*`), and the
 * server delivers each matching event there, signed Standard-Webhooks style with the webhook's
 * secret (verify with `@oriva/webhook-verify`). App-scoped: `/apps/{appId}/webhooks`, with the
 * app's key or the admin token; the app is the client's `appId` or `{ appId }` per call.
 */
export class Webhooks extends APIResource {
  /** A webhook's deliveries: list them, retry one. */
  readonly deliveries: Deliveries;

  constructor(client: AnyOriva) {
    super(client);
    this.deliveries = new Deliveries(client);
  }

  /**
   * Subscribe a URL to the app's events. `subscribed_events` takes exact types
   * (`notification.dismissed`) or patterns (`notification.*`, `*`). The `webhook_secret` is
   * returned this once: store it now, and verify every delivery with it.
   *
   * @example
   * const { webhook_id, webhook_secret } = await client.webhooks.create({
   *   webhook_url: 'https://workbuddy.example/api/oriva-events',
   *   subscribed_events: ['notification.dismissed', 'notification.clicked'],
   *   description: 'Work Buddy production',
   * });
   */
  create(params: CreateWebhookRequest, options?: AppRequestOptions): APIPromise<CreateWebhookResponse> {
    return this._client.request<CreateWebhookResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/webhooks`,
      body: params,
    }));
  }

  /**
   * List the app's webhooks (never their secrets).
   *
   * @example
   * const { webhooks } = await client.webhooks.list();
   * for (const webhook of webhooks) console.log(webhook.id, webhook.webhook_url, webhook.is_active);
   */
  list(options?: AppRequestOptions): APIPromise<ListWebhooksResponse> {
    return this._client.request<ListWebhooksResponse>(() => ({
      ...this._requestOptions(options),
      method: 'get',
      path: path`/apps/${this._appId(options)}/webhooks`,
    }));
  }

  /**
   * Read one webhook, with its delivery counters and why it was disabled, if it was.
   *
   * @example
   * const { webhook } = await client.webhooks.retrieve('wh_01J8…');
   * console.log(webhook.consecutive_failures, webhook.disabled_reason);
   */
  retrieve(webhookId: string, options?: AppRequestOptions): APIPromise<WebhookResponse> {
    return this._client.request<WebhookResponse>(() => ({
      ...this._requestOptions(options),
      method: 'get',
      path: path`/apps/${this._appId(options)}/webhooks/${webhookId}`,
    }));
  }

  /**
   * Change a webhook: its URL, events, description, retry policy, or whether it is active.
   * `{ is_active: true }` re-enables a disabled webhook and resets its failure count.
   *
   * @example
   * await client.webhooks.update('wh_01J8…', { subscribed_events: ['notification.*'] });
   * await client.webhooks.update('wh_01J8…', { is_active: false }); // pause deliveries
   */
  update(webhookId: string, params: UpdateWebhookRequest, options?: AppRequestOptions): APIPromise<WebhookResponse> {
    return this._client.request<WebhookResponse>(() => ({
      ...this._requestOptions(options),
      method: 'patch',
      path: path`/apps/${this._appId(options)}/webhooks/${webhookId}`,
      body: params,
    }));
  }

  /**
   * Delete a webhook and its pending deliveries. Resolves with nothing (204).
   *
   * @example
   * await client.webhooks.delete('wh_01J8…');
   */
  delete(webhookId: string, options?: AppRequestOptions): APIPromise<void> {
    return this._client.request<void>(() => ({
      ...this._requestOptions(options),
      method: 'delete',
      path: path`/apps/${this._appId(options)}/webhooks/${webhookId}`,
    }));
  }

  /**
   * Issue a new secret. For `grace_period_seconds` (default 86400, 24 h) deliveries are signed with
   * the old secret too, so receivers can switch without dropping any. The new `webhook_secret` is
   * returned this once.
   *
   * @example
   * const { webhook_secret, previous_secret_expires_at } = await client.webhooks.rotateSecret('wh_01J8…', {
   *   grace_period_seconds: 3600,
   * });
   */
  rotateSecret(
    webhookId: string,
    params: RotateSecretRequest = {},
    options?: AppRequestOptions,
  ): APIPromise<RotateSecretResponse> {
    return this._client.request<RotateSecretResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/webhooks/${webhookId}/rotate-secret`,
      body: params,
    }));
  }

  /**
   * Replace an `ed25519` webhook's key pair. For `grace_period_seconds` (default 24 h) the old key signs too and
   * stays in the JWKS; 0 retires it at once. A `ConflictError` (`signature_scheme_mismatch`) for an `hmac` webhook.
   *
   * @example
   * const { public_key, kid, previous_key_expires_at } = await client.webhooks.rotateSigningKey('wh_01J8…');
   */
  rotateSigningKey(
    webhookId: string,
    params: RotateSecretRequest = {},
    options?: AppRequestOptions,
  ): APIPromise<RotateSigningKeyResponse> {
    return this._client.request<RotateSigningKeyResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/webhooks/${webhookId}/rotate-signing-key`,
      body: params,
    }));
  }

  /**
   * The public keys signing the app's `ed25519` webhooks, as a JWK Set (a public route: no credentials needed).
   * Pass it to `verifyEd25519` from `@oriva/webhook-verify`.
   *
   * @example
   * const jwks = await client.webhooks.jwks();
   * const event = verifyEd25519(rawBody, headers, jwks);
   */
  jwks(options?: AppRequestOptions): APIPromise<Jwks> {
    return this._client.request<Jwks>(() => ({
      ...this._requestOptions(options),
      method: 'get',
      path: path`/apps/${this._appId(options)}/webhooks/jwks`,
    }));
  }

  /**
   * Send a `webhook.test` event to this webhook now, whatever it subscribes to. Follow it with
   * `deliveries.list(webhookId)` to see how the receiver answered.
   *
   * @example
   * const { delivery_id } = await client.webhooks.test('wh_01J8…');
   */
  test(webhookId: string, options?: AppRequestOptions): APIPromise<TestWebhookResponse> {
    return this._client.request<TestWebhookResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/webhooks/${webhookId}/test`,
    }));
  }

  /**
   * Requeue every failed delivery of a webhook created in a window (`since`, up to `until` or now),
   * e.g. after the receiver was down. `dry_run: true` only counts them.
   *
   * @example
   * const { count } = await client.webhooks.recover('wh_01J8…', { since: '2025-09-30T10:00:00Z', dry_run: true });
   * await client.webhooks.recover('wh_01J8…', { since: '2025-09-30T10:00:00Z' });
   */
  recover(webhookId: string, params: RecoverRequest, options?: AppRequestOptions): APIPromise<RecoverResponse> {
    return this._client.request<RecoverResponse>(() => ({
      ...this._requestOptions(options),
      method: 'post',
      path: path`/apps/${this._appId(options)}/webhooks/${webhookId}/recover`,
      body: params,
    }));
  }
}
