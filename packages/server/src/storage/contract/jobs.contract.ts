import { describe, expect, it } from 'vitest';
import { attempt, created, event, later, notification, outcome, webhook } from './records.test-support.js';
import { storage } from './subject.test-support.js';

/** Jobs and retention: exclusive runs, and pruning that keeps what is pending. */
export function jobStoreContract(): void {
  describe('jobs', () => {
    it('runs an exclusive job and returns its value', async () => {
      expect(await storage.jobs.runExclusive('job', async () => 42)).toEqual({ ran: true, value: 42 });
      await expect(
        storage.jobs.runExclusive('job', async () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await storage.jobs.runExclusive('job', async () => 'again')).toEqual({ ran: true, value: 'again' });
    });

    it('prunes old events and finished deliveries in batches, keeping pending ones and notifications', async () => {
      const hook = webhook();
      await storage.webhooks.create(hook);
      const record = notification();
      await storage.notifications.create(record, created(record));
      const old = Array.from({ length: 5 }, (_, index) => event('a1', { timestamp: later(index) }));
      await storage.events.insert(old);
      const recent = event('a1', { timestamp: later(3600) });
      await storage.events.insert([recent]);
      const deliveries = await storage.deliveries.list({ webhook_id: hook.id, limit: 10 });
      const oldDeliveries = deliveries.filter((delivery) => delivery.event_id !== recent.id);
      // Two finished long ago, one still pending, one finished after the cutoff.
      await storage.deliveries.recordOutcome(outcome(attempt(oldDeliveries[0]!, 1, true, later(10))));
      await storage.deliveries.recordOutcome(
        outcome(attempt(oldDeliveries[1]!, 1, false, later(10)), { status: 'failed', next_attempt_at: null }),
      );
      await storage.deliveries.recordOutcome(outcome(attempt(oldDeliveries[2]!, 1, false, later(10))));
      await storage.deliveries.recordOutcome(outcome(attempt(oldDeliveries[3]!, 1, true, later(4000))));

      const result = await storage.jobs.pruneBefore(later(1800), 2);
      expect(result).toMatchObject({ events: 6, deliveries: 2 });
      const left = await storage.events.committedAfter(0, 100);
      expect(left.map((item) => item.id)).toEqual([recent.id]);
      expect(await storage.deliveries.get(hook.id, oldDeliveries[0]!.id)).toBeUndefined();
      expect(await storage.deliveries.get(hook.id, oldDeliveries[1]!.id)).toBeUndefined();
      expect((await storage.deliveries.get(hook.id, oldDeliveries[2]!.id))?.attempt_log).toHaveLength(1);
      expect(await storage.deliveries.get(hook.id, oldDeliveries[3]!.id)).toBeDefined();
      expect(await storage.notifications.get(record.id)).toBeDefined();
      expect(await storage.deliveries.countPending()).toBe(4);
      // Positions continue after pruning.
      await storage.events.insert([event('a1')]);
      const [next] = await storage.events.committedAfter(left[0]!.position, 10);
      expect(next!.position).toBeGreaterThan(left[0]!.position);
    });
  });
}
