import { describe, expect, it } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import type { Storage, StoredEvent } from '../types.js';
import { app, at, event } from './records.test-support.js';
import { storage } from './subject.test-support.js';

/** The event log: all-or-nothing batches, filtered lists, positions in commit order and commit listeners. */
export function eventStoreContract(): void {
  describe('events', () => {
    it('stores a batch all or nothing', async () => {
      const good = event('a1');
      await expect(storage.events.insert([good, event('no-such-app')])).rejects.toThrow();
      expect((await storage.events.list({ app_id: 'a1', limit: 10, offset: 0 })).total).toBe(0);
      await storage.events.insert([good]);
      expect((await storage.events.list({ app_id: 'a1', limit: 10, offset: 0 })).items).toEqual([
        { ...good, position: expect.any(Number) },
      ]);
    });

    it('stores every event of a large batch once, in order (SQLite writes it in statements of several sizes)', async () => {
      // 311 = 250 + 50 + 10 + 1: one statement of each size the SQLite adapter uses.
      const batch = Array.from({ length: 311 }, (_, index) => event('a1', { entity_id: `entity-${index}` }));
      await storage.events.insert(batch);
      const stored = await storage.events.committedAfter(0, 500);
      expect(stored.map((item) => item.id)).toEqual(batch.map((item) => item.id));
      expect(stored.map((item) => item.entity_id)).toEqual(batch.map((item) => item.entity_id));
      const positions = stored.map((item) => item.position);
      expect(new Set(positions).size).toBe(311);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it('lists newest first with filters, offset and a before-id cursor', async () => {
      const events = Array.from({ length: 5 }, (_, index) =>
        event('a1', { user_id: index % 2 ? 'odd' : 'even', timestamp: `2025-09-30T10:0${index}:00.000Z` }),
      );
      await storage.events.insert(events);
      const all = await storage.events.list({ app_id: 'a1', limit: 10, offset: 0 });
      expect(all.items.map((item) => item.id)).toEqual(events.map((item) => item.id).reverse());
      const positions = all.items.map((item) => item.position);
      expect([...positions].sort((a, b) => b - a)).toEqual(positions);
      const odd = await storage.events.list({ app_id: 'a1', user_id: 'odd', limit: 10, offset: 0 });
      expect(odd.total).toBe(2);
      const window = await storage.events.list({
        app_id: 'a1',
        start_date: '2025-09-30T10:01:00.000Z',
        end_date: '2025-09-30T10:03:00.000Z',
        limit: 10,
        offset: 0,
      });
      expect(window.items.map((item) => item.id)).toEqual([events[2]!.id, events[1]!.id]);
      const third = all.items.find((item) => item.id === events[2]!.id)!;
      const afterCursor = await storage.events.list({
        app_id: 'a1',
        before_position: third.position,
        limit: 10,
        offset: 0,
      });
      expect(afterCursor.items.map((item) => item.id)).toEqual([events[1]!.id, events[0]!.id]);
      expect(afterCursor.total).toBe(5);
    });

    describe('events after a position', () => {
      it('reads every app’s committed events oldest first, and a principal’s own after a position', async () => {
        await storage.apps.create(app('a2'), issueApiKey('a2', null, at).record);
        expect(await storage.events.head()).toBe(0);
        const first = [event('a1'), event('a2', { user_id: 'other' })];
        const second = [event('a1', { user_id: 'other' }), event('a2')];
        await storage.events.insert(first);
        await storage.events.insert(second);
        const all = await storage.events.committedAfter(0, 10);
        expect(all.map((item) => item.id)).toEqual([...first, ...second].map((item) => item.id));
        expect(all[0]).toEqual({ ...first[0], position: expect.any(Number) });
        expect(await storage.events.head()).toBe(all.at(-1)!.position);
        expect((await storage.events.committedAfter(all[1]!.position, 2)).map((item) => item.id)).toEqual(
          second.map((item) => item.id),
        );
        expect(await storage.events.committedAfter(all.at(-1)!.position, 10)).toEqual([]);
        const ids = async (scope: Parameters<Storage['events']['after']>[0], after = 0) =>
          (await storage.events.after(scope, after, 10)).map((item) => item.id);
        expect(await ids({ app_id: 'a1' })).toEqual([first[0]!.id, second[0]!.id]);
        expect(await ids({ app_id: 'a1', user_id: 'other' })).toEqual([second[0]!.id]);
        expect(await ids({ user_id: 'user_456' })).toEqual([first[0]!.id, second[1]!.id]);
        expect(await ids({ user_id: 'user_456' }, all[0]!.position)).toEqual([second[1]!.id]);
        expect(await storage.events.positionOf({ app_id: 'a1' }, second[0]!.id)).toBe(all[2]!.position);
        expect(await storage.events.positionOf({ app_id: 'a2' }, second[0]!.id)).toBeUndefined();
        expect(await storage.events.positionOf({ user_id: 'other' }, first[1]!.id)).toBe(all[1]!.position);
      });

      it('tells listeners of each commit in order, with positions, and never of a failed one', async () => {
        const heard: StoredEvent[][] = [];
        const stop = storage.events.onCommitted((events) => heard.push(events));
        const batches = [[event('a1'), event('a1')], [event('a1')], [event('a1')]];
        await Promise.all([
          ...batches.map((batch) => storage.events.insert(batch)),
          storage.events.insert([event('nope')]).catch(() => undefined),
        ]);
        stop();
        await storage.events.insert([event('a1')]);
        const positions = heard.flat().map((item) => item.position);
        expect(positions).toHaveLength(4);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(heard.flat().map((item) => item.app_id)).toEqual(['a1', 'a1', 'a1', 'a1']);
        const stored = await storage.events.committedAfter(0, 10);
        expect(stored.slice(0, 4).map((item) => item.position)).toEqual(positions);
      });
    });
  });
}
