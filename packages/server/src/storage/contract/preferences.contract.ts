import { describe, expect, it } from 'vitest';
import { at, later } from './records.test-support.js';
import { storage } from './subject.test-support.js';

/** Preferences: stored per user, read back with their time. */
export function preferenceStoreContract(): void {
  describe('preferences', () => {
    it('stores preferences', async () => {
      expect(await storage.preferences.get('user_456')).toEqual({
        muted_apps: [],
        muted_types: {},
        updated_at: null,
      });
      await storage.preferences.put('user_456', { muted_apps: ['a2'], muted_types: { a1: ['reminder'] } }, at);
      expect(await storage.preferences.get('user_456')).toEqual({
        muted_apps: ['a2'],
        muted_types: { a1: ['reminder'] },
        updated_at: at,
      });
      await storage.preferences.put('user_456', { muted_apps: [], muted_types: {} }, later(1));
      expect(await storage.preferences.get('user_456')).toEqual({
        muted_apps: [],
        muted_types: {},
        updated_at: later(1),
      });
    });
  });
}
