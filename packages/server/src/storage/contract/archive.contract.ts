import { describe, expect, it } from 'vitest';
import type { ArchivedEvent, EventMonth, ExportedEvents } from '../types.js';
import { event, later } from './records.test-support.js';
import { storage } from './subject.test-support.js';

const DAY = 24 * 60 * 60;

/** Exports an app-month and returns its lines, parsed, with what the export reported. */
async function exportMonth(month: EventMonth, after = 0): Promise<{ range?: ExportedEvents; lines: ArchivedEvent[] }> {
  const chunks: string[] = [];
  const range = await storage.archive.exportEvents(month, after, async (chunk) => {
    chunks.push(chunk.toString());
  });
  const lines = chunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ArchivedEvent);
  return { ...(range ? { range } : {}), lines };
}

/** PostgreSQL keeps months in partitions made around "now": make them around the records' month instead. */
async function partitionsAroundRecords(): Promise<void> {
  const withPartitions = storage as unknown as { ensurePartitions?: (now: Date) => Promise<string[]> };
  await withPartitions.ensurePartitions?.(new Date(later(0)));
}

/** Archival before pruning: the rows out, the archived rows deleted and nothing else, and back in. */
export function archiveStoreContract(): void {
  describe('archive', () => {
    it('exports an app-month in position order, and restores it insert-or-ignore', async () => {
      await partitionsAroundRecords();
      const september = Array.from({ length: 3 }, (_, index) =>
        event('a1', { timestamp: later(index), event_data: `{"n":${index},"text":"a \\"quote\\" and \\\\ é"}` }),
      );
      await storage.events.insert(september);
      const october = event('a1', { timestamp: later(10 * DAY) });
      await storage.events.insert([october]);

      expect(await storage.archive.eventMonthsBefore('2025-11-01T00:00:00.000Z')).toEqual([
        { appId: 'a1', month: '2025-09' },
        { appId: 'a1', month: '2025-10' },
      ]);
      const { range, lines } = await exportMonth({ appId: 'a1', month: '2025-09' });
      expect(range?.rows).toBe(3);
      expect(lines.map((line) => line.id)).toEqual(september.map((record) => record.id));
      expect(lines[2]).toMatchObject({
        app_id: 'a1',
        timestamp: later(2),
        created_at: later(2),
        event_data: { n: 2, text: 'a "quote" and \\ é' },
      });
      expect(lines[0]!.position).toBe(range!.firstPosition);
      expect(lines[2]!.position).toBe(range!.lastPosition);
      expect((await exportMonth({ appId: 'a1', month: '2025-09' }, range!.lastPosition)).range).toBeUndefined();

      expect(await storage.archive.restoreEvents(lines)).toBe(0);
      const pruned = await storage.jobs.pruneBefore('2025-11-01T00:00:00.000Z', 2, [
        { appId: 'a1', month: '2025-09', throughPosition: range!.lastPosition },
      ]);
      expect(pruned.events).toBe(3);
      // October was not archived, so it stays whatever the cutoff.
      expect((await storage.events.committedAfter(0, 10)).map((item) => item.id)).toEqual([october.id]);

      expect(await storage.archive.restoreEvents(lines)).toBe(3);
      expect(await storage.archive.restoreEvents(lines)).toBe(0);
      const back = await storage.events.committedAfter(0, 10);
      expect(back.map((item) => item.id)).toEqual([...september.map((record) => record.id), october.id]);
      expect(back[2]).toMatchObject({ position: range!.lastPosition, timestamp: later(2) });
    });

    it('keeps a row of an archived month that its archive does not reach', async () => {
      await partitionsAroundRecords();
      await storage.events.insert([event('a1', { timestamp: later(0) }), event('a1', { timestamp: later(1) })]);
      const first = await exportMonth({ appId: 'a1', month: '2025-09' });
      // A row for the same month committed after the archive was written.
      const late = event('a1', { timestamp: later(5) });
      await storage.events.insert([late]);

      const cutoff = '2025-10-01T00:00:00.000Z';
      const archived = [{ appId: 'a1', month: '2025-09', throughPosition: first.range!.lastPosition }];
      expect((await storage.jobs.pruneBefore(cutoff, 100, archived)).events).toBe(2);
      expect((await storage.events.committedAfter(0, 10)).map((item) => item.id)).toEqual([late.id]);

      const second = await exportMonth({ appId: 'a1', month: '2025-09' }, first.range!.lastPosition);
      expect(second.lines.map((line) => line.id)).toEqual([late.id]);
      const pruned = await storage.jobs.pruneBefore(cutoff, 100, [
        { appId: 'a1', month: '2025-09', throughPosition: second.range!.lastPosition },
      ]);
      expect(pruned.events).toBe(1);
      // On PostgreSQL the month's partition goes whole once every row in it is archived.
      if (storage.kind === 'postgres') expect(pruned.partitionsDropped).toBeGreaterThan(0);
      expect(await storage.events.committedAfter(0, 10)).toEqual([]);
    });
  });
}
