import { newId } from '../ids.js';
import type { WebhookRecord } from './types.js';

/** A stored webhook with defaults (active, no deliveries yet), for the storage tests of every adapter. */
export function webhookRecord(at: string, overrides: Partial<WebhookRecord> = {}): WebhookRecord {
  return {
    id: newId('wh'),
    app_id: 'a1',
    webhook_url: 'https://hooks.example/x',
    webhook_secret: 'whsec_x',
    previous_secret: null,
    previous_secret_expires_at: null,
    subscribed_events: ['*'],
    description: null,
    is_active: true,
    disabled_reason: null,
    last_delivery_at: null,
    last_success_at: null,
    last_failure_at: null,
    consecutive_failures: 0,
    total_deliveries: 0,
    total_failures: 0,
    max_retries: 5,
    retry_backoff_seconds: 1,
    created_at: at,
    updated_at: at,
    ...overrides,
  };
}
