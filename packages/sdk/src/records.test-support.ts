import type { Notification, Webhook } from './types.js';

// Records as the API returns them, for tests of the SDK and of the CLI: the design document's Example 1 notification
// and a healthy webhook. Tests override the fields they are about and leave the rest.

const AT = '2025-09-30T10:30:00.000Z';

export function notificationRecord(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 'ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
    app_id: 'work-buddy',
    app_name: 'Work Buddy',
    app_icon: null,
    external_id: 'wb_notif_123',
    user_id: 'user_456',
    notification_type: 'session_reminder',
    title: 'Session starting in 10 minutes',
    body: 'Your session with Sarah starts soon',
    action_url: 'workbuddy://session/789',
    action_label: 'View Session',
    image_url: null,
    icon_url: null,
    priority: 'high',
    status: 'unread',
    context_data: { session_id: 'session_789' },
    group_key: null,
    muted: false,
    expires_at: null,
    read_at: null,
    clicked_at: null,
    dismissed_at: null,
    dismissed_from: null,
    click_action: null,
    delivered_at: null,
    created_at: AT,
    updated_at: AT,
    ...overrides,
  };
}

export function webhookRecord(overrides: Partial<Webhook> = {}): Webhook {
  return {
    id: 'wh_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
    app_id: 'work-buddy',
    webhook_url: 'https://workbuddy.example/api/oriva-events',
    subscribed_events: ['notification.*'],
    description: null,
    is_active: true,
    disabled_reason: null,
    max_retries: 5,
    retry_backoff_seconds: 1,
    last_delivery_at: null,
    last_success_at: null,
    last_failure_at: null,
    consecutive_failures: 0,
    total_deliveries: 0,
    total_failures: 0,
    previous_secret_expires_at: null,
    signature_scheme: 'hmac',
    public_key: null,
    public_keys: [],
    created_at: AT,
    updated_at: AT,
    ...overrides,
  };
}
