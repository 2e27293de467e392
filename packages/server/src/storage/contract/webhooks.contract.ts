import { describe, expect, it } from 'vitest';
import { later, webhook } from './records.test-support.js';
import { storage } from './subject.test-support.js';

/** Webhook endpoints: create, read, update, delete. */
export function webhookStoreContract(): void {
  describe('webhooks', () => {
    it('creates, lists, updates and deletes webhooks', async () => {
      const hook = webhook({ subscribed_events: ['notification.*'], description: 'd' });
      await storage.webhooks.create(hook);
      expect(await storage.webhooks.get('a1', hook.id)).toEqual(hook);
      expect(await storage.webhooks.get('other', hook.id)).toBeUndefined();
      const second = webhook();
      await storage.webhooks.create(second);
      expect((await storage.webhooks.list('a1')).map((item) => item.id)).toEqual([hook.id, second.id]);
      const updated = await storage.webhooks.update('a1', hook.id, {
        subscribed_events: ['*'],
        is_active: false,
        disabled_reason: 'manual',
        previous_secret: 'whsec_old',
        previous_secret_expires_at: later(60),
        updated_at: later(1),
      });
      expect(updated).toEqual({
        ...hook,
        subscribed_events: ['*'],
        is_active: false,
        disabled_reason: 'manual',
        previous_secret: 'whsec_old',
        previous_secret_expires_at: later(60),
        updated_at: later(1),
      });
      expect(await storage.webhooks.count()).toEqual({ active: 1, disabled: 1 });
      expect(await storage.webhooks.update('a1', 'wh_missing', { description: 'x' })).toBeUndefined();
      expect(await storage.webhooks.delete('a1', hook.id)).toBe(true);
      expect(await storage.webhooks.delete('a1', hook.id)).toBe(false);
      expect(await storage.webhooks.list('a1')).toHaveLength(1);
    });
  });
}
