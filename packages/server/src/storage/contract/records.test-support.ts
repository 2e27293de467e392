/**
 * Records for the storage contract: valid rows with defaults, made fresh (new ids) at each call, so
 * each test names only what it is about.
 */
import { newId } from '../../ids.js';
import type {
  AppRecord,
  DeliveryAttemptRecord,
  DeliveryOutcome,
  EventRecord,
  NotificationQuery,
  NotificationRecord,
  WebhookRecord,
} from '../types.js';

export const at = '2025-09-30T10:00:00.000Z';
export const app = (appId: string): AppRecord => ({
  app_id: appId,
  name: appId,
  icon_url: null,
  undeclared_types: 'allow',
  created_at: at,
  updated_at: at,
});
export const event = (appId: string, overrides: Partial<EventRecord> = {}): EventRecord => ({
  id: newId('evt'),
  app_id: appId,
  user_id: 'user_456',
  event_category: 'notification',
  event_type: 'dismissed',
  entity_type: 'notification',
  entity_id: 'wb_notif_123',
  event_data: '{"k":1}',
  timestamp: at,
  ip_address: '127.0.0.1',
  user_agent: 'test',
  ...overrides,
});

export const notification = (overrides: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id: newId('ntf'),
  app_id: 'a1',
  external_id: `ext_${newId('req')}`,
  user_id: 'user_456',
  notification_type: 'reminder',
  title: 'Title',
  body: 'Body',
  action_url: null,
  action_label: null,
  image_url: null,
  icon_url: null,
  priority: 'normal',
  context_data: '{"session_id":"s1"}',
  expires_at: null,
  group_key: null,
  created_at: at,
  updated_at: at,
  ...overrides,
});
export const created = (record: NotificationRecord) =>
  event(record.app_id, { entity_id: record.external_id, event_type: 'created', user_id: record.user_id });
export const feed = (overrides: Partial<NotificationQuery> = {}): NotificationQuery => ({
  user_id: 'user_456',
  status: 'live',
  now: at,
  limit: 50,
  offset: 0,
  ...overrides,
});
export const webhook = (overrides: Partial<WebhookRecord> = {}) => webhookRecord(at, overrides);
export const later = (seconds: number) => new Date(Date.parse(at) + seconds * 1000).toISOString();
export const attempt = (
  delivery: { id: string; webhook_id: string; event_id: string; event_type: string },
  number: number,
  success: boolean,
  deliveredAt: string,
): DeliveryAttemptRecord => ({
  id: newId('req'),
  delivery_id: delivery.id,
  webhook_id: delivery.webhook_id,
  event_id: delivery.event_id,
  event_type: delivery.event_type,
  status_code: success ? 200 : 500,
  response_body: success ? 'ok' : 'boom',
  response_headers: '{"content-type":"text/plain"}',
  delivery_attempt: number,
  delivered_at: deliveredAt,
  response_time_ms: 12,
  success,
  error_message: success ? null : 'HTTP 500',
});
export const outcome = (record: DeliveryAttemptRecord, overrides: Partial<DeliveryOutcome> = {}): DeliveryOutcome => ({
  attempt: record,
  status: record.success ? 'succeeded' : 'pending',
  next_attempt_at: record.success ? null : later(60),
  disable_on_failures: {
    after: 3,
    event: event('a1', {
      event_category: 'webhook',
      event_type: 'disabled',
      event_data: JSON.stringify({ failures: 3 }),
    }),
  },
  // Counted in the attempt's hourly window; no health change unless a test judges one.
  health: {
    window_start: `${record.delivered_at.slice(0, 13)}:00:00.000Z`,
    previous_window_start: new Date(
      Date.parse(`${record.delivered_at.slice(0, 13)}:00:00.000Z`) - 3_600_000,
    ).toISOString(),
    judge: () => undefined,
  },
  ...overrides,
});

/** A stored webhook with defaults (active, no deliveries yet), for the storage tests of every adapter. */
export function webhookRecord(at: string, overrides: Partial<WebhookRecord> = {}): WebhookRecord {
  return {
    id: newId('wh'),
    app_id: 'a1',
    webhook_url: 'https://hooks.example/x',
    webhook_secret: 'whsec_x',
    previous_secret: null,
    previous_secret_expires_at: null,
    signature_scheme: 'hmac',
    signing_key: null,
    public_key: null,
    previous_signing_key: null,
    previous_public_key: null,
    previous_signing_key_expires_at: null,
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
