/** Webhook endpoints: where an app's events are delivered, and each endpoint's delivery stats. */
import type { EventRecord } from './events.js';

export interface WebhookRecord {
  id: string;
  app_id: string;
  webhook_url: string;
  /** As stored: `whsec_…`, or encrypted (`enc:v1:…`) when ORIVA_SECRET_KEY is set. */
  webhook_secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  /** `hmac` signs `v1` with the secret above; `ed25519` signs `v1a` with the key pair below instead. */
  signature_scheme: SignatureScheme;
  /** As stored: `whsk_…`, or encrypted like the secret; null until the webhook first uses Ed25519. */
  signing_key: string | null;
  /** `whpk_…`, the public half of `signing_key`. */
  public_key: string | null;
  /** The pair replaced by the last key rotation, signing too until `previous_signing_key_expires_at`. */
  previous_signing_key: string | null;
  previous_public_key: string | null;
  previous_signing_key_expires_at: string | null;
  subscribed_events: string[];
  description: string | null;
  is_active: boolean;
  disabled_reason: string | null;
  last_delivery_at: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  consecutive_failures: number;
  total_deliveries: number;
  total_failures: number;
  max_retries: number;
  retry_backoff_seconds: number;
  created_at: string;
  updated_at: string;
}

export type SignatureScheme = 'hmac' | 'ed25519';

/** The columns `WebhookStore.update` may set, for every adapter (the stats are the delivery worker's). */
export const WEBHOOK_UPDATABLE_COLUMNS = [
  'webhook_url',
  'webhook_secret',
  'previous_secret',
  'previous_secret_expires_at',
  'signature_scheme',
  'signing_key',
  'public_key',
  'previous_signing_key',
  'previous_public_key',
  'previous_signing_key_expires_at',
  'subscribed_events',
  'description',
  'is_active',
  'disabled_reason',
  'consecutive_failures',
  'max_retries',
  'retry_backoff_seconds',
] as const;

export interface WebhookStore {
  create(webhook: WebhookRecord): Promise<void>;
  get(appId: string, webhookId: string): Promise<WebhookRecord | undefined>;
  list(appId: string): Promise<WebhookRecord[]>;
  /**
   * Re-enabling (`is_active: true`) makes the webhook's pending deliveries due again and starts its
   * health afresh; `enabledEvent` (`webhook.enabled`) is stored with the change only when the webhook
   * was disabled until then.
   */
  update(
    appId: string,
    webhookId: string,
    changes: Partial<WebhookRecord>,
    enabledEvent?: EventRecord,
  ): Promise<WebhookRecord | undefined>;
  /** Deletes the webhook with its deliveries and their attempt logs. */
  delete(appId: string, webhookId: string): Promise<boolean>;
  count(): Promise<{ active: number; disabled: number }>;
}
