import { describe, expect, it } from 'vitest';
import { latencySlot, latencySlotUpperMs, type StatsIncrement, type StatsMetric } from '../types.js';
import { at, attempt, created, event, later, notification, outcome, webhook } from './records.test-support.js';
import { storage } from './subject.test-support.js';

const MINUTE = 60;
const HOUR = 3_600;
const second = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Sum of a metric in a grain's rows (optionally of one dimension). */
async function total(metric: StatsMetric, grain = MINUTE, dim?: string, everyApp = false) {
  const { counts } = await storage.stats.read({
    app_id: everyApp ? undefined : 'a1',
    grain,
    from: 0,
    to: 4_000_000_000,
  });
  return counts
    .filter((row: StatsIncrement) => row.metric === metric && (dim === undefined || row.dim === dim))
    .reduce((sum, row) => sum + Number(row.value), 0);
}

/** Rollups written by the work's own transactions, per minute, hour and day, and pruned with the events. */
export function statsStoreContract(): void {
  describe('stats', () => {
    it('counts published events by type in every grain, in the buckets of their timestamps', async () => {
      await storage.events.insert([
        event('a1', { event_category: 'session', event_type: 'started' }),
        event('a1', { event_category: 'session', event_type: 'started', timestamp: later(61) }),
        event('a1', { event_category: 'session', event_type: 'ended' }),
      ]);
      expect(await total('events.published', MINUTE, 'session.started')).toBe(2);
      expect(await total('events.published', HOUR, 'session.started')).toBe(2);
      expect(await total('events.published', 86_400)).toBe(3);
      const { counts } = await storage.stats.read({ app_id: 'a1', grain: MINUTE, from: 0, to: 4_000_000_000 });
      const buckets = counts.filter((row) => row.dim === 'session.started').map((row) => Number(row.bucket));
      expect(buckets.sort()).toEqual([second(at), second(at) + 60]);
      // A range is [from, to): the second minute alone.
      const later61 = await storage.stats.read({
        app_id: 'a1',
        grain: MINUTE,
        from: second(at) + 60,
        to: second(at) + 120,
      });
      expect(later61.counts.map((row) => [row.metric, row.dim, Number(row.value)])).toEqual([
        ['events.published', 'session.started', 1],
      ]);
    });

    it('counts each of many publishes committed together once', async () => {
      await Promise.all(
        Array.from({ length: 6 }, () =>
          storage.events.insert([event('a1', { event_category: 'session', event_type: 'batched' })]),
        ),
      );
      expect(await total('events.published', MINUTE, 'session.batched')).toBe(6);
      expect(await total('events.published', 86_400, 'session.batched')).toBe(6);
    });

    it('counts a notification created, delivered once, seen once and acted on once', async () => {
      const record = notification({ notification_type: 'reminder' });
      await storage.notifications.create(record, created(record));
      await storage.notifications.markDelivered(record.user_id, [record.id], later(1));
      await storage.notifications.markDelivered(record.user_id, [record.id], later(2));
      const move = (status: 'read' | 'clicked' | 'dismissed' | 'unread', seconds: number) =>
        storage.notifications.change(record.id, (current) =>
          current.status === status
            ? undefined
            : {
                state: {
                  status,
                  ...(status === 'read' ? { read_at: later(seconds) } : {}),
                  ...(status === 'clicked' ? { clicked_at: later(seconds) } : {}),
                  ...(status === 'dismissed' ? { dismissed_at: later(seconds) } : {}),
                },
                events: [event('a1', { event_type: status, timestamp: later(seconds) })],
              },
        );
      await move('read', 3);
      await move('unread', 4);
      await move('read', 5);
      await move('clicked', 6);
      await move('dismissed', 7);
      expect(await total('notifications.created', MINUTE, 'reminder')).toBe(1);
      expect(await total('notifications.delivered')).toBe(1);
      expect(await total('notifications.read')).toBe(2);
      expect(await total('notifications.seen')).toBe(1);
      expect(await total('notifications.clicked')).toBe(1);
      expect(await total('notifications.dismissed')).toBe(1);
      expect(await total('notifications.acted')).toBe(1);
    });

    it('counts expiries, and those that never reached their user as failed deliveries', async () => {
      const delivered = notification({ expires_at: later(10) });
      const never = notification({ expires_at: later(10) });
      for (const record of [delivered, never]) await storage.notifications.create(record, created(record));
      await storage.notifications.markDelivered(delivered.user_id, [delivered.id], later(1));
      expect(await storage.notifications.expireDue(later(20), 10, (view) => event(view.app_id))).toBe(2);
      expect(await total('notifications.expired')).toBe(2);
      expect(await total('notifications.expired_undelivered')).toBe(1);
    });

    it('counts marking all read as reads, and as views of those never seen', async () => {
      const records = [notification(), notification()];
      for (const record of records) await storage.notifications.create(record, created(record));
      expect(await storage.notifications.markAllRead('user_456', { now: later(5) }, () => [event('a1')])).toBe(2);
      expect(await total('notifications.read')).toBe(2);
      expect(await total('notifications.seen')).toBe(2);
    });

    it('counts webhook attempts, successes, failures, exhausted deliveries and a latency histogram', async () => {
      const hook = webhook();
      await storage.webhooks.create(hook);
      await storage.events.insert([event('a1'), event('a1')]);
      const claimed = await storage.deliveries.claim(at, 10, later(30), 10, new Map());
      expect(claimed).toHaveLength(2);
      const [first, next] = claimed.map((claim) => claim.delivery);
      await storage.deliveries.recordOutcome(outcome({ ...attempt(first!, 1, true, later(1)), response_time_ms: 40 }));
      await storage.deliveries.recordOutcome(
        outcome({ ...attempt(next!, 1, false, later(2)), response_time_ms: 3_000 }, { status: 'failed' }),
      );
      expect(await total('webhooks.attempts', MINUTE, hook.id)).toBe(2);
      expect(await total('webhooks.succeeded', MINUTE, hook.id)).toBe(1);
      expect(await total('webhooks.failed', MINUTE, hook.id)).toBe(1);
      expect(await total('webhooks.exhausted', MINUTE, hook.id)).toBe(1);
      const { latency } = await storage.stats.read({ app_id: 'a1', grain: HOUR, from: 0, to: 4_000_000_000 });
      expect(latency.map((row) => [Number(row.slot), Number(row.count)]).sort((a, b) => a[0]! - b[0]!)).toEqual([
        [latencySlot(40), 1],
        [latencySlot(3_000), 1],
      ]);
      expect(latencySlotUpperMs(latencySlot(3_000))).toBeGreaterThanOrEqual(3_000);
      expect(latencySlotUpperMs(latencySlot(3_000))).toBeLessThan(3_000 * 1.2);
    });

    it('keeps the peak of stream connections by maximum, and counts connections opened', async () => {
      await storage.stats.recordStreamOpened('a1', at, 3);
      await storage.stats.recordStreamOpened('a1', later(1), 2);
      await storage.stats.recordStreamPeaks(new Map([['a1', 1]]), later(2));
      expect(await total('stream.opened')).toBe(2);
      const { counts } = await storage.stats.read({ app_id: 'a1', grain: MINUTE, from: 0, to: 4_000_000_000 });
      expect(counts.filter((row) => row.metric === 'stream.peak').map((row) => Number(row.value))).toEqual([3]);
    });

    it('changes its version with every write, when it keeps one', async () => {
      const before = storage.stats.version();
      await storage.events.insert([event('a1')]);
      if (before === undefined) expect(storage.stats.version()).toBeUndefined();
      else expect(storage.stats.version()).not.toBe(before);
    });

    it("reads every app's rows without an app id", async () => {
      await storage.stats.recordStreamOpened('a1', at, 1);
      await storage.stats.recordStreamOpened('a2', at, 1);
      expect(await total('stream.opened', MINUTE, undefined, true)).toBe(2);
    });

    it('prunes the buckets that end before the retention cutoff, with the events', async () => {
      await storage.events.insert([event('a1'), event('a1', { timestamp: later(2 * 86_400) })]);
      await storage.jobs.pruneBefore(later(86_400 + 60), 100);
      expect(await total('events.published', MINUTE)).toBe(1);
      expect(await total('events.published', HOUR)).toBe(1);
      expect(await total('events.published', 86_400)).toBe(1);
    });
  });
}
