import { describe, expect, it } from 'vitest';
import { Event } from '../schemas/events.js';
import { WebhookPayload } from '../schemas/webhooks.js';
import { toWebhookPayload } from './shapes.js';

// The design document's Event Format, as the REST API and the stream give it (bare event_type).
const event = {
  id: 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
  app_id: 'work-buddy',
  event_category: 'notification',
  event_type: 'dismissed',
  entity_type: 'notification',
  entity_id: 'wb_notif_123',
  user_id: 'user_456',
  event_data: { notification_id: 'ntf_1', dismissed_from: 'oriva_core' },
  timestamp: '2025-09-30T10:30:00.000Z',
};

describe('toWebhookPayload', () => {
  it("qualifies event_type, as the design document's Step 4 compares it, and keeps event_category and type", () => {
    const payload = toWebhookPayload(event);
    expect(payload).toMatchObject({
      type: 'notification.dismissed',
      event_category: 'notification',
      event_type: 'notification.dismissed',
      entity_id: 'wb_notif_123',
    });
    expect(WebhookPayload.strict().parse(payload)).toEqual(payload);
  });

  it('writes the same keys in the same order every time, so every sender signs the same bytes', () => {
    const shuffled = Object.fromEntries(Object.entries({ ...event, ip_address: null }).reverse()) as typeof event;
    expect(JSON.stringify(toWebhookPayload(shuffled))).toBe(JSON.stringify(toWebhookPayload(event)));
    expect(Object.keys(toWebhookPayload(shuffled))).toEqual([
      'id',
      'type',
      'event_category',
      'event_type',
      'entity_type',
      'entity_id',
      'user_id',
      'app_id',
      'event_data',
      'timestamp',
    ]);
  });

  it('describes the same fields as the Event Format, nothing more', () => {
    expect(Object.keys(WebhookPayload.shape).sort()).toEqual(Object.keys(Event.shape).sort());
  });
});
