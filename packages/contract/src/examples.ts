/**
 * The design document's own examples, written once: the OpenAPI document shows them, and tests and
 * benchmarks send them, so "the example from the design document" means the same bytes everywhere.
 */

/** "Event Publishing": Work Buddy tells Oriva that a user dismissed a notification. */
export const DESIGN_DOC_EVENT = {
  event_category: 'notification',
  event_type: 'dismissed',
  entity_type: 'notification',
  entity_id: 'wb_notif_123',
  user_id: 'user_456',
  event_data: { dismissed_at: '2025-09-30T10:30:00Z', dismissed_from: 'work_buddy' },
} as const;

/** "Notification Management": the create body in its canonical form. Its `expires_at` has passed since. */
export const DESIGN_DOC_NOTIFICATION = {
  external_id: 'wb_notif_123',
  user_id: 'user_456',
  notification_type: 'session_reminder',
  title: 'Session starting in 10 minutes',
  body: 'Your session with Sarah starts soon',
  action_url: 'workbuddy://session/789',
  action_label: 'View Session',
  priority: 'high',
  context_data: { session_id: 'session_789', partner_name: 'Sarah' },
  expires_at: '2025-09-30T12:00:00Z',
} as const;

/** Example 1 as written: `notification_id` and `type`, and `session_id` at the top level. */
export const DESIGN_DOC_EXAMPLE_ONE = {
  notification_id: 'wb_notif_123',
  user_id: 'user_456',
  type: 'session_reminder',
  title: 'Session starting in 10 minutes',
  body: 'Your session with Sarah starts soon',
  action_url: 'workbuddy://session/789',
  session_id: 'session_789',
} as const;
