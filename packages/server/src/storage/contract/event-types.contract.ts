import { describe, expect, it } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import type { EventTypeRecord } from '../types.js';
import { app, at, later } from './records.test-support.js';
import { storage } from './subject.test-support.js';

const declared = (overrides: Partial<EventTypeRecord> = {}): EventTypeRecord => ({
  app_id: 'a1',
  event_category: 'session',
  event_type: 'ended',
  description: 'A focus session ended',
  deprecated: false,
  version: 1,
  schema: '{"type":"object","properties":{"duration":{"type":"integer"}}}',
  examples: '[{"duration":1500}]',
  created_at: at,
  updated_at: at,
  ...overrides,
});

/** Declared event types: saved per version, read latest or by version, listed, deleted with their history. */
export function eventTypeStoreContract(): void {
  describe('event types', () => {
    it('keeps every version and reads the latest or the one asked for', async () => {
      const first = declared();
      expect(await storage.eventTypes.save(first, undefined)).toBe(true);
      expect(await storage.eventTypes.get('a1', 'session', 'ended')).toEqual(first);
      const second = declared({
        version: 2,
        schema: '{"type":"object","required":["duration"]}',
        examples: '[]',
        description: null,
        deprecated: true,
        updated_at: later(1),
      });
      expect(await storage.eventTypes.save(second, 1)).toBe(true);
      expect(await storage.eventTypes.get('a1', 'session', 'ended')).toEqual(second);
      // An old version keeps its own schema and examples; what describes the type is current.
      expect(await storage.eventTypes.get('a1', 'session', 'ended', 1)).toEqual({
        ...first,
        description: null,
        deprecated: true,
        updated_at: later(1),
      });
      expect(await storage.eventTypes.get('a1', 'session', 'ended', 3)).toBeUndefined();
      expect(await storage.eventTypes.versions('a1', 'session', 'ended')).toEqual([1, 2]);
      expect(await storage.eventTypes.get('a1', 'session', 'started')).toBeUndefined();
    });

    it('replaces a version saved again (new examples, same schema)', async () => {
      await storage.eventTypes.save(declared(), undefined);
      await storage.eventTypes.save(declared({ examples: '[{"duration":1},{"duration":2}]', updated_at: later(5) }), 1);
      expect(await storage.eventTypes.get('a1', 'session', 'ended')).toMatchObject({
        version: 1,
        examples: '[{"duration":1},{"duration":2}]',
        created_at: at,
        updated_at: later(5),
      });
      expect(await storage.eventTypes.versions('a1', 'session', 'ended')).toEqual([1]);
    });

    it('lists the latest version of each type, filtered by app and category', async () => {
      await storage.apps.create(app('a2'), issueApiKey('a2', null, at).record);
      await storage.eventTypes.save(declared(), undefined);
      await storage.eventTypes.save(declared({ version: 2, schema: '{}' }), 1);
      await storage.eventTypes.save(declared({ event_type: 'started' }), undefined);
      await storage.eventTypes.save(declared({ event_category: 'task' }), undefined);
      await storage.eventTypes.save(declared({ app_id: 'a2' }), undefined);
      const names = (records: EventTypeRecord[]) =>
        records.map((record) => `${record.app_id}:${record.event_category}.${record.event_type}@${record.version}`);
      expect(names(await storage.eventTypes.list({}))).toEqual([
        'a1:session.ended@2',
        'a1:session.started@1',
        'a1:task.ended@1',
        'a2:session.ended@1',
      ]);
      expect(names(await storage.eventTypes.list({ app_id: 'a1', event_category: 'session' }))).toEqual([
        'a1:session.ended@2',
        'a1:session.started@1',
      ]);
      expect(names(await storage.eventTypes.list({ event_category: 'task' }))).toEqual(['a1:task.ended@1']);
      expect(await storage.eventTypes.list({ app_id: 'nobody' })).toEqual([]);
    });

    it('lists by qualified name in byte order, then app, after a name and up to a limit', async () => {
      await storage.apps.create(app('a2'), issueApiKey('a2', null, at).record);
      await storage.eventTypes.save(declared({ event_category: 'a', event_type: 'x' }), undefined);
      // "a-b.x" sorts before "a.x" by bytes ("-" < "."), though category "a" sorts before "a-b".
      await storage.eventTypes.save(declared({ event_category: 'a-b', event_type: 'x' }), undefined);
      await storage.eventTypes.save(declared({ app_id: 'a2', event_category: 'a', event_type: 'x' }), undefined);
      await storage.eventTypes.save(declared({ event_category: 'b', event_type: 'y' }), undefined);
      const names = (records: EventTypeRecord[]) =>
        records.map((record) => `${record.app_id}:${record.event_category}.${record.event_type}`);
      expect(names(await storage.eventTypes.listByName({}, 10))).toEqual(['a1:a-b.x', 'a1:a.x', 'a2:a.x', 'a1:b.y']);
      expect(names(await storage.eventTypes.listByName({}, 2))).toEqual(['a1:a-b.x', 'a1:a.x']);
      expect(names(await storage.eventTypes.listByName({ after: 'a-b.x' }, 10))).toEqual([
        'a1:a.x',
        'a2:a.x',
        'a1:b.y',
      ]);
      expect(names(await storage.eventTypes.listByName({ after: 'a.x', app_id: 'a1' }, 10))).toEqual(['a1:b.y']);
      expect(names(await storage.eventTypes.listByName({ event_category: 'a' }, 10))).toEqual(['a1:a.x', 'a2:a.x']);
    });

    it('writes nothing when the latest version is not the one the change was made from', async () => {
      expect(await storage.eventTypes.save(declared(), undefined)).toBe(true);
      // Declared already: a second "new" declaration made at the same time loses.
      expect(await storage.eventTypes.save(declared({ description: 'late' }), undefined)).toBe(false);
      expect(await storage.eventTypes.save(declared({ version: 2, schema: '{}' }), 1)).toBe(true);
      // Made from version 1 while version 2 was saved: refused, version 2 stays.
      expect(await storage.eventTypes.save(declared({ version: 2, schema: '{"type":"object"}' }), 1)).toBe(false);
      expect(await storage.eventTypes.save(declared({ event_type: 'never' }), 3)).toBe(false);
      expect(await storage.eventTypes.get('a1', 'session', 'ended')).toMatchObject({ version: 2, schema: '{}' });
      expect(await storage.eventTypes.get('a1', 'session', 'never')).toBeUndefined();
      expect(await storage.eventTypes.versions('a1', 'session', 'ended')).toEqual([1, 2]);
    });

    it('deletes a type with its history', async () => {
      await storage.eventTypes.save(declared(), undefined);
      await storage.eventTypes.save(declared({ version: 2 }), 1);
      expect(await storage.eventTypes.delete('a1', 'session', 'ended')).toBe(true);
      expect(await storage.eventTypes.delete('a1', 'session', 'ended')).toBe(false);
      expect(await storage.eventTypes.get('a1', 'session', 'ended', 1)).toBeUndefined();
      expect(await storage.eventTypes.versions('a1', 'session', 'ended')).toEqual([]);
      // Declared again, it starts over.
      await storage.eventTypes.save(declared(), undefined);
      expect(await storage.eventTypes.versions('a1', 'session', 'ended')).toEqual([1]);
    });
  });
}
