import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESIGN_DOC_EVENT, startTestServer, type TestServer } from '../../testing/harness.js';

// Runs on SQLite (server project) and on PostgreSQL with its monthly partitions (server-pg project).
let server: TestServer;
let key: string;
let archiveDir: string;

beforeAll(async () => {
  archiveDir = mkdtempSync(join(tmpdir(), 'oriva-archive-'));
  server = await startTestServer({ ORIVA_RETENTION_DAYS: '0', ORIVA_ARCHIVE_DIR: archiveDir });
  key = await server.createApp('work-buddy');
});
afterAll(async () => {
  await server.close();
  rmSync(archiveDir, { recursive: true, force: true });
});

interface ErrorBody {
  error: { code: string; fields?: Array<{ path: string }> };
}
interface Archive {
  file: string;
  complete: boolean;
  app_id: string;
  month: string;
  rows: number;
  sha256: string;
}

const admin = (path: string, init: { method?: string; json?: unknown } = {}) =>
  server.request(`/api/v1/admin${path}`, { token: server.adminToken, ...init });
/** Past the end of this month: with archival on, retention goes by whole months. */
const beyondThisMonth = () => new Date(Date.now() + 62 * 24 * 60 * 60 * 1000).toISOString();
const prune = async () => {
  const response = await admin('/prune', { method: 'POST', json: { before: beyondThisMonth() } });
  expect(response.status).toBe(200);
  return (await response.json()) as { events_deleted: number; archives_written: number; partitions_dropped: number };
};
const listArchives = async () => {
  const response = await admin('/archives');
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Archive[] }).data;
};
const restore = (file: string) => admin('/archives/restore', { method: 'POST', json: { file } });
const listEvents = async () => {
  const response = await server.request('/api/v1/apps/work-buddy/events?limit=100', { token: key });
  return ((await response.json()) as { events: Array<Record<string, unknown>> }).events;
};

describe('archival before pruning (ORIVA_ARCHIVE_DIR)', () => {
  let archive: Archive;
  let original: Array<Record<string, unknown>>;

  it('writes each app-month to a gzipped NDJSON file with a manifest, then deletes exactly those events', async () => {
    const published = await server.request('/api/v1/apps/work-buddy/events/batch', {
      method: 'POST',
      token: key,
      json: {
        events: Array.from({ length: 5 }, (_, index) => ({
          ...DESIGN_DOC_EVENT,
          entity_id: `old_${index}`,
          event_data: { index, note: 'quote " backslash \\ newline \n unicode é' },
        })),
      },
    });
    expect(published.status).toBeLessThan(300);
    original = await listEvents();
    expect(original).toHaveLength(5);

    const result = await prune();
    expect(result).toMatchObject({ events_deleted: 5, archives_written: 1 });
    // On PostgreSQL the month's partition went whole, once its rows were all archived.
    if (process.env.ORIVA_TEST_STORAGE === 'postgres') expect(result.partitions_dropped).toBeGreaterThan(0);
    expect(await listEvents()).toEqual([]);

    const archives = await listArchives();
    expect(archives).toHaveLength(1);
    archive = archives[0]!;
    expect(archive).toMatchObject({ complete: true, app_id: 'work-buddy', rows: 5 });
    expect(archive.file).toMatch(/^events\.work-buddy\.\d{4}-\d{2}\.\d+-\d+\.ndjson\.gz$/);
    const lines = gunzipSync(readFileSync(join(archiveDir, archive.file)))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.entity_id).sort()).toEqual(['old_0', 'old_1', 'old_2', 'old_3', 'old_4']);
    expect(lines[0]!.event_data).toMatchObject({ note: 'quote " backslash \\ newline \n unicode é' });
    // No temp file is left behind.
    expect(readdirSync(archiveDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('restores the events as they were, and restoring twice adds nothing', async () => {
    const first = await restore(archive.file);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ success: true, rows: 5, restored: 5 });
    const restored = await listEvents();
    expect(restored).toEqual(original);

    const second = await restore(archive.file);
    expect(await second.json()).toMatchObject({ rows: 5, restored: 0 });
    expect(await listEvents()).toHaveLength(5);
  });

  it('prunes restored events again without writing them a second time', async () => {
    // The same state a crash leaves between a complete archive and the deletes: archive and rows both.
    const result = await prune();
    expect(result).toMatchObject({ events_deleted: 5, archives_written: 0 });
    expect(await listArchives()).toHaveLength(1);
    expect(await listEvents()).toEqual([]);
  });

  it('refuses a path instead of an archive name, naming the field', async () => {
    for (const file of ['../../etc/passwd', `/${archive.file}`, `sub/${archive.file}`, '..']) {
      const response = await restore(file);
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.fields?.[0]?.path).toBe('file');
    }
    const missing = await restore('events.work-buddy.1999-01.1-2.ndjson.gz');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorBody).error.code).toBe('archive_not_found');
  });

  it('refuses a corrupt or incomplete archive and inserts nothing', async () => {
    // A copy of the archive under another name, its manifest renamed to match, then one byte changed.
    const forged = archive.file.replace(/\.(\d+)-(\d+)\.ndjson\.gz$/, '.1-999999.ndjson.gz');
    const bytes = readFileSync(join(archiveDir, archive.file));
    bytes[bytes.length - 12]! ^= 0xff;
    writeFileSync(join(archiveDir, forged), bytes);
    const manifest = JSON.parse(readFileSync(join(archiveDir, `${archive.file}.manifest.json`), 'utf8'));
    writeFileSync(join(archiveDir, `${forged}.manifest.json`), JSON.stringify({ ...manifest, file: forged }));
    const corrupt = await restore(forged);
    expect(corrupt.status).toBe(422);
    expect(((await corrupt.json()) as ErrorBody).error.code).toBe('archive_corrupt');
    expect(await listEvents()).toEqual([]);

    // A file whose manifest was never written: an archive interrupted by a crash.
    const incomplete = archive.file.replace(/\.(\d+)-(\d+)\.ndjson\.gz$/, '.1-888888.ndjson.gz');
    copyFileSync(join(archiveDir, archive.file), join(archiveDir, incomplete));
    const refused = await restore(incomplete);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('archive_incomplete');
    expect(await listEvents()).toEqual([]);
    expect((await listArchives()).find((entry) => entry.file === incomplete)).toMatchObject({ complete: false });
  });
});

describe('archival that fails', () => {
  it('deletes nothing when the archive cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oriva-archive-'));
    // A directory below a regular file cannot be made, whoever runs the test (root included).
    writeFileSync(join(dir, 'not-a-directory'), '');
    const failing = await startTestServer({
      ORIVA_RETENTION_DAYS: '0',
      ORIVA_ARCHIVE_DIR: join(dir, 'not-a-directory', 'archives'),
    });
    try {
      const appKey = await failing.createApp('work-buddy');
      for (let index = 0; index < 3; index++) {
        const response = await failing.request('/api/v1/apps/work-buddy/events', {
          method: 'POST',
          token: appKey,
          json: { ...DESIGN_DOC_EVENT, entity_id: `kept_${index}` },
        });
        expect(response.status).toBe(200);
      }
      const pruned = await failing.request('/api/v1/admin/prune', {
        method: 'POST',
        token: failing.adminToken,
        json: { before: beyondThisMonth() },
      });
      expect(pruned.status).toBe(500);
      expect(((await pruned.json()) as ErrorBody).error.code).toBe('archive_failed');
      const events = await failing.request('/api/v1/apps/work-buddy/events', { token: appKey });
      expect(((await events.json()) as { events: unknown[] }).events).toHaveLength(3);
      expect(existsSync(join(dir, 'not-a-directory', 'archives'))).toBe(false);
    } finally {
      await failing.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 404 archive_not_configured without ORIVA_ARCHIVE_DIR', async () => {
    const plain = await startTestServer({ ORIVA_RETENTION_DAYS: '0' });
    try {
      const response = await plain.request('/api/v1/admin/archives', { token: plain.adminToken });
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe('archive_not_configured');
    } finally {
      await plain.close();
    }
  });
});
