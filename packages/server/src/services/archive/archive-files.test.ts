import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listArchiveFiles, removeLeftoverTempFiles, writeArchive } from './archive-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oriva-archive-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const month = { appId: 'work-buddy', month: '2025-09' };
const lines = (count: number) =>
  Array.from({ length: count }, (_, index) => `${JSON.stringify({ position: index + 1 })}\n`).join('');

describe('writeArchive', () => {
  it('leaves no file when the export fails part-way, so retention deletes nothing', async () => {
    await expect(
      writeArchive(dir, month, async (sink) => {
        await sink(lines(1_000));
        throw new Error('connection lost mid-export');
      }),
    ).rejects.toThrow('connection lost mid-export');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes the file, then a manifest whose checksum and count match it', async () => {
    const manifest = await writeArchive(dir, month, async (sink) => {
      await sink(lines(3));
      return { rows: 3, firstPosition: 1, lastPosition: 3 };
    });
    expect(manifest).toMatchObject({ file: 'events.work-buddy.2025-09.1-3.ndjson.gz', rows: 3, schema_version: 1 });
    const bytes = readFileSync(join(dir, manifest!.file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest!.sha256);
    expect(gunzipSync(bytes).toString()).toBe(lines(3));
    expect(readdirSync(dir).sort()).toEqual([manifest!.file, `${manifest!.file}.manifest.json`]);
  });

  it('replaces a file a crash left without its manifest, under the same name', async () => {
    // A crash between the rename and the manifest: the file is there, incomplete.
    writeFileSync(join(dir, 'events.work-buddy.2025-09.1-3.ndjson.gz'), 'half written');
    writeFileSync(join(dir, '.events.work-buddy.2025-09.abc.tmp'), 'a temp file from a crash');
    expect(await listArchiveFiles(dir)).toEqual([
      { file: 'events.work-buddy.2025-09.1-3.ndjson.gz', manifest: undefined },
    ]);
    await removeLeftoverTempFiles(dir);
    const manifest = await writeArchive(dir, month, async (sink) => {
      await sink(lines(3));
      return { rows: 3, firstPosition: 1, lastPosition: 3 };
    });
    const [listed] = await listArchiveFiles(dir);
    expect(listed).toEqual({ file: manifest!.file, manifest });
    expect(gunzipSync(readFileSync(join(dir, manifest!.file))).toString()).toBe(lines(3));
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('writes nothing for an empty month', async () => {
    expect(await writeArchive(dir, month, async () => undefined)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });
});
