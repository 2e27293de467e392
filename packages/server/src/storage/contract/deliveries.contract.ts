import { describe, expect, it } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import type { DeliveryOutcome, EndpointHealth, HealthTransition, Storage } from '../types.js';
import { app, at, attempt, event, later, outcome, webhook } from './records.test-support.js';
import { storage } from './subject.test-support.js';

/** The outbox: deliveries per matching webhook, leases, outcomes and the failure threshold, requeue and recovery. */
export function deliveryStoreContract(): void {
  describe('deliveries', () => {
    it('writes a delivery per matching active webhook of the event’s app, and says so after the commit', async () => {
      await storage.apps.create(app('a2'), issueApiKey('a2', null, at).record);
      const all = webhook();
      const dismissals = webhook({ subscribed_events: ['notification.dismissed'] });
      const users = webhook({ subscribed_events: ['user.*'] });
      const inactive = webhook({ is_active: false });
      const otherApp = webhook({ app_id: 'a2' });
      for (const hook of [all, dismissals, users, inactive, otherApp]) await storage.webhooks.create(hook);
      let wakes = 0;
      const stop = storage.deliveries.onQueued(() => wakes++);
      const stored = event('a1');
      await storage.events.insert([stored]);
      expect(wakes).toBeGreaterThan(0);
      await storage.events.insert([event('a1', { event_category: 'session', event_type: 'x' })]);
      stop();
      expect(await storage.deliveries.countPending()).toBe(3);
      const [delivery] = await storage.deliveries.list({ webhook_id: dismissals.id, limit: 10 });
      expect(delivery).toEqual({
        position: expect.any(Number),
        id: expect.stringMatching(/^del_/),
        webhook_id: dismissals.id,
        event_id: stored.id,
        event_type: 'notification.dismissed',
        payload: expect.any(String),
        status: 'pending',
        replay: false,
        attempts: 0,
        next_attempt_at: at,
        locked_until: null,
        created_at: at,
        updated_at: at,
        attempt_log: [],
      });
      expect(JSON.parse(delivery!.payload)).toMatchObject({ id: stored.id, type: 'notification.dismissed' });
      expect(await storage.deliveries.list({ webhook_id: users.id, limit: 10 })).toEqual([]);
      expect(await storage.deliveries.list({ webhook_id: inactive.id, limit: 10 })).toEqual([]);
      expect(await storage.deliveries.list({ webhook_id: all.id, limit: 10 })).toHaveLength(2);
      expect(await storage.deliveries.nextDue()).toBe(at);
    });

    it('stores a test event for one webhook only, whatever the others subscribe to', async () => {
      const hook = webhook({ subscribed_events: ['user.*'] });
      const [all, webhookEvents] = [
        webhook({ subscribed_events: ['*'] }),
        webhook({ subscribed_events: ['webhook.*'] }),
      ];
      for (const item of [hook, all, webhookEvents]) await storage.webhooks.create(item);
      const test = event('a1', { event_category: 'webhook', event_type: 'test' });
      const id = await storage.deliveries.insertTestEvent(test, hook.id);
      expect(await storage.deliveries.get(hook.id, id)).toMatchObject({ id, event_id: test.id, status: 'pending' });
      expect(await storage.deliveries.list({ webhook_id: hook.id, limit: 10 })).toHaveLength(1);
      expect(await storage.deliveries.list({ webhook_id: all.id, limit: 10 })).toEqual([]);
      expect(await storage.deliveries.list({ webhook_id: webhookEvents.id, limit: 10 })).toEqual([]);
      expect((await storage.events.committedAfter(0, 10)).map((item) => item.id)).toEqual([test.id]);
    });

    it("claims a disabled webhook's test deliveries, not its others, and leaves its stats alone", async () => {
      const hook = webhook();
      await storage.webhooks.create(hook);
      await storage.events.insert([event('a1')]);
      await storage.webhooks.update('a1', hook.id, { is_active: false });
      const id = await storage.deliveries.insertTestEvent(
        event('a1', { event_category: 'webhook', event_type: 'test' }),
        hook.id,
      );
      expect(await storage.deliveries.nextDue()).toBe(at);
      const claimed = await storage.deliveries.claim(at, 10, later(30), 10, new Map());
      expect(claimed.map((claim) => claim.delivery.id)).toEqual([id]);
      const before = await storage.webhooks.get('a1', hook.id);
      const test = claimed[0]!.delivery;
      expect(
        await storage.deliveries.recordOutcome(outcome(attempt(test, 1, false, later(1)), { status: 'failed' })),
      ).toBe(true);
      expect(await storage.deliveries.get(hook.id, id)).toMatchObject({ status: 'failed', attempts: 1 });
      expect(await storage.webhooks.get('a1', hook.id)).toEqual(before);
    });

    it('records nothing, and says so, for a delivery whose webhook was deleted mid-attempt', async () => {
      const hook = webhook();
      await storage.webhooks.create(hook);
      await storage.events.insert([event('a1')]);
      const [claimed] = await storage.deliveries.claim(at, 10, later(30), 10, new Map());
      expect(await storage.webhooks.delete('a1', hook.id)).toBe(true);
      expect(await storage.deliveries.recordOutcome(outcome(attempt(claimed!.delivery, 1, false, later(1))))).toBe(
        false,
      );
      expect(await storage.deliveries.recordOutcome(outcome(attempt(claimed!.delivery, 1, true, later(1))))).toBe(
        false,
      );
    });

    it('leases due deliveries within each webhook’s share, once, until the lease lapses', async () => {
      const [h1, h2, off] = [webhook(), webhook(), webhook()];
      for (const hook of [h1, h2, off]) await storage.webhooks.create(hook);
      await storage.events.insert(Array.from({ length: 4 }, () => event('a1')));
      await storage.events.insert([event('a1', { timestamp: later(100) })]);
      await storage.webhooks.update('a1', off.id, { is_active: false });
      const lease = later(30);
      const claimed = await storage.deliveries.claim(at, 10, lease, 3, new Map([[h1.id, 1]]));
      const per = (id: string) => claimed.filter((claim) => claim.delivery.webhook_id === id);
      expect(per(h1.id)).toHaveLength(2);
      expect(per(h2.id)).toHaveLength(3);
      expect(per(off.id)).toHaveLength(0);
      expect(per(h2.id)[0]!.webhook).toEqual(h2);
      expect(claimed.every((claim) => claim.delivery.locked_until === lease)).toBe(true);
      expect(claimed.every((claim) => claim.delivery.next_attempt_at === at)).toBe(true);
      expect((await storage.deliveries.claim(at, 10, lease, 10, new Map())).length).toBe(3);
      expect(await storage.deliveries.claim(at, 10, lease, 10, new Map())).toEqual([]);
      expect(await storage.deliveries.nextDue()).toBe(lease);
      const total = await storage.deliveries.claim(later(31), 4, later(60), 10, new Map());
      expect(total).toHaveLength(4);
    });

    it('records outcomes: success, retry, failure, and disabling after too many failures', async () => {
      const hook = webhook();
      await storage.webhooks.create(hook);
      await storage.events.insert([event('a1'), event('a1')]);
      const [newer, older] = await storage.deliveries.list({ webhook_id: hook.id, limit: 10 });
      await storage.deliveries.recordOutcome(outcome(attempt(older!, 1, true, later(1))));
      const succeeded = await storage.deliveries.get(hook.id, older!.id);
      expect(succeeded).toMatchObject({
        status: 'succeeded',
        attempts: 1,
        next_attempt_at: null,
        locked_until: null,
      });
      expect(succeeded!.attempt_log).toHaveLength(1);
      expect(succeeded!.attempt_log[0]).toMatchObject({
        success: true,
        status_code: 200,
        response_headers: '{"content-type":"text/plain"}',
        delivered_at: later(1),
      });
      expect(await storage.webhooks.get('a1', hook.id)).toMatchObject({
        last_delivery_at: later(1),
        last_success_at: later(1),
        consecutive_failures: 0,
        total_deliveries: 1,
        total_failures: 0,
      });

      await storage.deliveries.recordOutcome(outcome(attempt(newer!, 1, false, later(2))));
      await storage.deliveries.recordOutcome(outcome(attempt(newer!, 2, false, later(3))));
      expect(await storage.webhooks.get('a1', hook.id)).toMatchObject({
        is_active: true,
        consecutive_failures: 2,
        last_failure_at: later(3),
        total_deliveries: 3,
        total_failures: 2,
      });
      const before = await storage.events.head();
      await storage.deliveries.recordOutcome(
        outcome(attempt(newer!, 3, false, later(4)), { status: 'failed', next_attempt_at: null }),
      );
      expect(await storage.webhooks.get('a1', hook.id)).toMatchObject({
        is_active: false,
        disabled_reason: 'too_many_failures',
        consecutive_failures: 3,
        updated_at: later(4),
      });
      const [disabledEvent] = await storage.events.committedAfter(before, 10);
      expect(disabledEvent).toMatchObject({ event_type: 'disabled', event_data: '{"failures":3}' });
      const failed = await storage.deliveries.get(hook.id, newer!.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
      expect(failed!.attempt_log.map((item) => item.delivery_attempt)).toEqual([1, 2, 3]);
      // Already disabled: no second event.
      await storage.deliveries.recordOutcome(outcome(attempt(newer!, 4, false, later(5))));
      expect(await storage.events.committedAfter(before, 10)).toHaveLength(1);
      expect(await storage.deliveries.nextDue()).toBeUndefined();
    });

    it('disables at once when told to (410 Gone)', async () => {
      const hook = webhook();
      await storage.webhooks.create(hook);
      await storage.events.insert([event('a1')]);
      const [delivery] = await storage.deliveries.list({ webhook_id: hook.id, limit: 1 });
      const gone = event('a1', { event_category: 'webhook', event_type: 'disabled' });
      await storage.deliveries.recordOutcome(
        outcome(attempt(delivery!, 1, false, later(1)), {
          status: 'failed',
          next_attempt_at: null,
          disable: { reason: 'gone', event: gone },
        }),
      );
      expect(await storage.webhooks.get('a1', hook.id)).toMatchObject({ is_active: false, disabled_reason: 'gone' });
      expect((await storage.events.committedAfter(0, 10)).at(-1)?.id).toBe(gone.id);
    });

    it('lists deliveries with filters and a cursor, requeues one and recovers failed ones', async () => {
      const hook = webhook();
      await storage.webhooks.create(hook);
      await storage.events.insert([
        event('a1', { event_type: 'a' }),
        event('a1', { event_type: 'b' }),
        event('a1', { event_type: 'b', timestamp: later(10) }),
      ]);
      const [third, second, first] = await storage.deliveries.list({ webhook_id: hook.id, limit: 10 });
      await storage.deliveries.recordOutcome(outcome(attempt(first!, 1, true, later(1))));
      await storage.deliveries.recordOutcome(
        outcome(attempt(second!, 1, false, later(1)), { status: 'failed', next_attempt_at: null }),
      );
      const list = async (query: Partial<Parameters<Storage['deliveries']['list']>[0]>) =>
        (await storage.deliveries.list({ webhook_id: hook.id, limit: 10, ...query })).map((item) => item.id);
      expect(await list({ success: true })).toEqual([first!.id]);
      expect(await list({ success: false })).toEqual([third!.id, second!.id]);
      expect(await list({ event_type: 'notification.b' })).toEqual([third!.id, second!.id]);
      expect(await list({ since: later(5) })).toEqual([third!.id]);
      expect(await list({ before_position: second!.position })).toEqual([first!.id]);
      expect(await list({ limit: 1 })).toEqual([third!.id]);

      expect(await storage.deliveries.recover(hook.id, at, later(5), later(20), true)).toBe(1);
      expect((await storage.deliveries.get(hook.id, second!.id))?.status).toBe('failed');
      let wakes = 0;
      const stop = storage.deliveries.onQueued(() => wakes++);
      expect(await storage.deliveries.recover(hook.id, at, later(5), later(20), false)).toBe(1);
      expect(await storage.deliveries.get(hook.id, second!.id)).toMatchObject({
        status: 'pending',
        next_attempt_at: later(20),
        locked_until: null,
      });
      expect(await storage.deliveries.requeue(hook.id, first!.id, later(30))).toBe(true);
      expect(await storage.deliveries.get(hook.id, first!.id)).toMatchObject({
        status: 'pending',
        next_attempt_at: later(30),
      });
      expect(await storage.deliveries.requeue(hook.id, 'del_missing', later(30))).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 10));
      stop();
      expect(wakes).toBeGreaterThanOrEqual(2);
      expect(await storage.deliveries.countPending()).toBe(3);
    });
    it("keeps each endpoint's hourly attempt counters as outcomes are recorded, rolling the windows forward", async () => {
      const hook = webhook();
      await storage.webhooks.create(hook);
      await storage.events.insert([event('a1')]);
      const [delivery] = await storage.deliveries.list({ webhook_id: hook.id, limit: 1 });
      const seen: EndpointHealth[] = [];
      const record = (n: number, success: boolean, when: string) => {
        const base = outcome(attempt(delivery!, n, success, when));
        return storage.deliveries.recordOutcome({
          ...base,
          health: { ...base.health, judge: (health) => void seen.push(health) },
        });
      };
      await record(1, false, later(1));
      await record(2, true, later(2));
      await record(3, false, later(3));
      expect(seen.at(-1)).toEqual({
        window_start: at,
        attempts: 3,
        failures: 2,
        previous_attempts: 0,
        previous_failures: 0,
        consecutive_failures: 1,
        failing_since: null,
      });
      // The next hour: the last one becomes the previous window.
      await record(4, false, later(3_600 + 5));
      expect(seen.at(-1)).toMatchObject({
        window_start: later(3_600),
        attempts: 1,
        failures: 1,
        previous_attempts: 3,
        previous_failures: 2,
      });
      // Two hours on: both windows are older than an hour and drop out.
      await record(5, true, later(3 * 3_600 + 5));
      expect(seen.at(-1)).toMatchObject({ attempts: 1, failures: 0, previous_attempts: 0, previous_failures: 0 });
    });

    it('stores a health transition once, with its event, and starts the counts afresh on recovery', async () => {
      const [hook, other] = [webhook(), webhook()];
      for (const item of [hook, other]) await storage.webhooks.create(item);
      await storage.events.insert([event('a1')]);
      const [delivery] = await storage.deliveries.list({ webhook_id: hook.id, limit: 1 });
      const seen: EndpointHealth[] = [];
      const healthEvent = (type: string) =>
        event('a1', { event_category: 'webhook', event_type: type, entity_type: 'webhook', entity_id: hook.id });
      const record = (n: number, success: boolean, transition?: HealthTransition) => {
        const base: DeliveryOutcome = outcome(attempt(delivery!, n, success, later(n)));
        return storage.deliveries.recordOutcome({
          ...base,
          health: {
            ...base.health,
            judge: (health) => {
              seen.push(health);
              return transition;
            },
          },
        });
      };
      const before = await storage.events.head();
      const failing = healthEvent('failing');
      await record(1, false, { failing_since: later(1), event: failing });
      // Another outcome judging the same (already stored) state stores nothing more.
      await record(2, false, { failing_since: later(2), event: healthEvent('failing') });
      expect(seen.at(-1)).toMatchObject({ failing_since: later(1), attempts: 2 });
      const recovered = healthEvent('recovered');
      await record(3, true, { failing_since: null, event: recovered });
      await record(4, true);
      expect(seen.at(-1)).toMatchObject({ failing_since: null, attempts: 1, failures: 0 });
      const stored = await storage.events.committedAfter(before, 10);
      expect(stored.map((item) => item.id)).toEqual([failing.id, recovered.id]);
      // They go to the app's other webhooks, never to the one they are about.
      expect(await storage.deliveries.list({ webhook_id: hook.id, limit: 10 })).toHaveLength(1);
      expect((await storage.deliveries.list({ webhook_id: other.id, limit: 10 })).map((item) => item.event_id)).toEqual(
        [recovered.id, failing.id, expect.any(String)],
      );
    });

    it('stores delivery.exhausted with the outcome, and reads an aborted delivery back as aborted', async () => {
      const hook = webhook();
      await storage.webhooks.create(hook);
      await storage.events.insert([event('a1'), event('a1')]);
      const [second, first] = await storage.deliveries.list({ webhook_id: hook.id, limit: 10 });
      const exhausted = event('a1', {
        event_category: 'delivery',
        event_type: 'exhausted',
        entity_type: 'webhook',
        entity_id: hook.id,
      });
      const before = await storage.events.head();
      await storage.deliveries.recordOutcome(
        outcome(attempt(first!, 1, false, later(1)), { status: 'failed', next_attempt_at: null, exhausted }),
      );
      expect((await storage.events.committedAfter(before, 10)).map((item) => item.id)).toEqual([exhausted.id]);
      await storage.deliveries.recordOutcome(
        outcome(attempt(second!, 1, false, later(1)), { status: 'aborted', next_attempt_at: null }),
      );
      expect(await storage.deliveries.get(hook.id, second!.id)).toMatchObject({
        status: 'aborted',
        next_attempt_at: null,
      });
      expect(
        (await storage.deliveries.list({ webhook_id: hook.id, success: false, limit: 10 })).map((d) => d.status),
      ).toEqual(['aborted', 'failed']);
      // Recovery takes failed deliveries only: the receiver asked to stop this one.
      expect(await storage.deliveries.recover(hook.id, at, later(5), later(20), true)).toBe(1);
      expect(await storage.deliveries.requeue(hook.id, second!.id, later(30))).toBe(true);
      expect(await storage.deliveries.get(hook.id, second!.id)).toMatchObject({ status: 'pending' });
    });

    it("replays one of the app's stored events to one webhook as a new delivery, whatever it subscribes to", async () => {
      await storage.apps.create(app('a2'), issueApiKey('a2', null, at).record);
      const hook = webhook({ subscribed_events: ['user.*'] });
      await storage.webhooks.create(hook);
      const stored = event('a1');
      const foreign = event('a2');
      await storage.events.insert([stored, foreign]);
      let wakes = 0;
      const stop = storage.deliveries.onQueued(() => wakes++);
      const replayed = await storage.deliveries.replay('a1', stored.id, hook.id, 'del_replay1', later(5));
      stop();
      expect(wakes).toBeGreaterThan(0);
      expect(replayed).toMatchObject({
        id: 'del_replay1',
        webhook_id: hook.id,
        event_id: stored.id,
        event_type: 'notification.dismissed',
        status: 'pending',
        replay: true,
        attempts: 0,
        next_attempt_at: later(5),
      });
      expect(JSON.parse(replayed!.payload)).toMatchObject({ id: stored.id, type: 'notification.dismissed' });
      expect(await storage.deliveries.get(hook.id, 'del_replay1')).toMatchObject({ replay: true });
      expect(await storage.deliveries.replay('a1', foreign.id, hook.id, 'del_replay2', later(5))).toBeUndefined();
      expect(await storage.deliveries.replay('a1', 'evt_missing', hook.id, 'del_replay3', later(5))).toBeUndefined();
    });
  });
}
