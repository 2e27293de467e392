import { describe, expect, it } from 'vitest';
import { at } from './records.test-support.js';
import { storage } from './subject.test-support.js';

/** Idempotency keys: reserved once, then replayed, released or pruned. */
export function idempotencyStoreContract(): void {
  describe('idempotency', () => {
    it('reserves an idempotency key once, then replays or releases it', async () => {
      expect(await storage.idempotency.reserve('app:a1', 'k', 'h1', at)).toEqual({ reserved: true });
      expect(await storage.idempotency.reserve('app:a1', 'k', 'h1', at)).toEqual({
        reserved: false,
        existing: { request_hash: 'h1', status: null, response_body: null },
      });
      expect(await storage.idempotency.reserve('app:a2', 'k', 'h1', at)).toEqual({ reserved: true });
      await storage.idempotency.complete('app:a1', 'k', 200, '{"ok":true}');
      expect(await storage.idempotency.reserve('app:a1', 'k', 'h2', at)).toEqual({
        reserved: false,
        existing: { request_hash: 'h1', status: 200, response_body: '{"ok":true}' },
      });
      await storage.idempotency.release('app:a2', 'k');
      expect(await storage.idempotency.reserve('app:a2', 'k', 'h3', at)).toEqual({ reserved: true });
      await storage.idempotency.complete('app:a2', 'k', 201, '{"ok":2}');
      expect(await storage.idempotency.reserve('app:a2', 'k', 'h3', at)).toEqual({
        reserved: false,
        existing: { request_hash: 'h3', status: 201, response_body: '{"ok":2}' },
      });
      // Pruning forgets stored responses (a reservation still in flight may or may not be stored yet).
      expect(await storage.idempotency.prune('2025-09-30T10:00:00.001Z')).toBe(2);
      expect(await storage.idempotency.reserve('app:a1', 'k', 'h2', at)).toEqual({ reserved: true });
    });
  });
}
