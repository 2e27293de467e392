/**
 * Typed deliveries: the repository's `tsc` reads this file, so a `@ts-expect-error` that stops being an error,
 * or an `expectTypeOf` that stops holding, fails the typecheck; the runtime parts verify real signatures.
 */
import { Hono } from 'hono';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { WebhookEvent, WebhookEventName, WebhookEventOf, WebhookPayload } from './core/event-map.js';
import { type WebhookEnv, webhookMiddleware } from './hono.js';
import { generateSecret, signatureHeaders, verify } from './index.js';
import * as web from './web.js';

// What `oriva types generate` writes.
interface SessionEnded {
  duration: number;
}
interface NotificationDismissed {
  notification_id: string;
  dismissed_from?: string;
}
interface OrivaEventMap {
  'session.ended': SessionEnded;
  'notification.dismissed': NotificationDismissed;
}

const secret = generateSecret();

/** A delivery as the server sends it: `toWebhookPayload`'s fields and order, signed with `secret`. */
function delivery(type: string, eventData: Record<string, unknown>) {
  const [category] = type.split('.');
  const body = JSON.stringify({
    id: 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
    type,
    event_category: category,
    event_type: type,
    entity_type: 'session',
    entity_id: 's_1',
    user_id: 'user_456',
    app_id: 'work-buddy',
    event_data: eventData,
    timestamp: '2025-09-30T10:30:00.000Z',
  });
  return { body, headers: signatureHeaders({ id: 'msg_1', body, secrets: secret }) };
}

describe('WebhookEvent<M>', () => {
  it('is the union of the map’s deliveries, discriminated by type, and WebhookPayload without a map', () => {
    expectTypeOf<WebhookEventName<OrivaEventMap>>().toEqualTypeOf<'session.ended' | 'notification.dismissed'>();
    expectTypeOf<WebhookEventOf<OrivaEventMap, 'session.ended'>['event_data']>().toEqualTypeOf<SessionEnded>();
    expectTypeOf<WebhookEventOf<OrivaEventMap, 'session.ended'>['event_category']>().toEqualTypeOf<'session'>();
    // A delivery qualifies event_type too (the design document's Step 4 compares it so).
    expectTypeOf<WebhookEventOf<OrivaEventMap, 'session.ended'>['event_type']>().toEqualTypeOf<'session.ended'>();
    expectTypeOf<WebhookEvent>().toEqualTypeOf<WebhookPayload>();
    // A map marked strict by the SDK (`StrictEventMap`) reads the same: the mark is not a name.
    expectTypeOf<WebhookEvent<OrivaEventMap & { readonly '~strict': true }>>().toEqualTypeOf<
      WebhookEvent<OrivaEventMap>
    >();
  });

  it('types what verify() returns, narrowing event_data on type', () => {
    const { body, headers } = delivery('session.ended', { duration: 1200 });
    const event = verify<WebhookEvent<OrivaEventMap>>(body, headers, secret);
    const durations: number[] = [];
    switch (event.type) {
      case 'session.ended':
        durations.push(event.event_data.duration);
        break;
      default:
        expectTypeOf(event.event_data).toEqualTypeOf<NotificationDismissed>();
    }
    if (event.event_type === 'notification.dismissed') expectTypeOf(event.event_data.notification_id).toBeString();
    // @ts-expect-error: before narrowing, event_data may be a NotificationDismissed, which has no duration
    void event.event_data.duration;
    expect(durations).toEqual([1200]);
  });

  it('types the web entry and the Hono middleware’s variable the same way', async () => {
    const ended = delivery('session.ended', { duration: 5 });
    const fromWeb = await web.verify<WebhookEvent<OrivaEventMap>>(ended.body, ended.headers, secret);
    expect(fromWeb.type === 'session.ended' ? fromWeb.event_data.duration : null).toBe(5);

    const app = new Hono<WebhookEnv<WebhookEvent<OrivaEventMap>>>();
    const seen: string[] = [];
    app.post('/hook', webhookMiddleware({ secret }), (c) => {
      const event = c.get('webhookEvent');
      if (event.type === 'notification.dismissed') seen.push(event.event_data.notification_id);
      return c.body(null, 204);
    });
    const dismissed = delivery('notification.dismissed', { notification_id: 'ntf_1' });
    const response = await app.request('/hook', { method: 'POST', body: dismissed.body, headers: dismissed.headers });
    expect(response.status).toBe(204);
    expect(seen).toEqual(['ntf_1']);
  });
});
