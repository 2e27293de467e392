import { describe, expect, it } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import { app, at } from './records.test-support.js';
import { storage } from './subject.test-support.js';

const later = '2025-09-30T11:00:00.000Z';

/** Polling consumers: created at 0, moved forward only, listed by name, per app. */
export function consumerStoreContract(): void {
  describe('consumers', () => {
    it('creates a consumer at position 0 once, and keeps it', async () => {
      expect(await storage.consumers.get('a1', 'worker')).toBeUndefined();
      const created = await storage.consumers.ensure('a1', 'worker', at);
      expect(created).toEqual({ app_id: 'a1', consumer_id: 'worker', position: 0, created_at: at, updated_at: at });
      await storage.consumers.commit('a1', 'worker', 7, later);
      expect((await storage.consumers.ensure('a1', 'worker', later)).position).toBe(7);
    });

    it('moves forward only, and creates on commit', async () => {
      expect(await storage.consumers.commit('a1', 'c', 5, at)).toMatchObject({ position: 5, updated_at: at });
      expect(await storage.consumers.commit('a1', 'c', 3, later)).toMatchObject({ position: 5, updated_at: at });
      expect(await storage.consumers.commit('a1', 'c', 9, later)).toMatchObject({ position: 9, updated_at: later });
      // Concurrent commits: the highest wins whatever the order they land in.
      await Promise.all([10, 14, 12].map((position) => storage.consumers.commit('a1', 'c', position, later)));
      expect((await storage.consumers.get('a1', 'c'))!.position).toBe(14);
    });

    it("lists an app's consumers by name, deletes one, and keeps apps apart", async () => {
      await storage.apps.create(app('a2'), issueApiKey('a2', null, at).record);
      for (const name of ['b', 'a', 'c']) await storage.consumers.ensure('a1', name, at);
      await storage.consumers.ensure('a2', 'a', at);
      expect((await storage.consumers.list('a1')).map((consumer) => consumer.consumer_id)).toEqual(['a', 'b', 'c']);
      expect(await storage.consumers.delete('a1', 'a')).toBe(true);
      expect(await storage.consumers.delete('a1', 'a')).toBe(false);
      expect((await storage.consumers.list('a1')).map((consumer) => consumer.consumer_id)).toEqual(['b', 'c']);
      expect(await storage.consumers.get('a2', 'a')).toBeDefined();
    });
  });
}
