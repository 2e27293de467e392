/**
 * Archival before pruning (ORIVA_ARCHIVE_DIR): retention first writes the events it will delete, one
 * archive per app and month, and then deletes only what a complete archive holds. Restore puts an
 * archive's events back with their ids and positions, insert-or-ignore, after checking its checksum.
 *
 * What is archived: events (the API's record of what happened). Webhook delivery logs are pruned
 * without an archive: they are operational (each delivery's payload is its event, archived here).
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { ServiceDeps } from '../../core/deps.js';
import { ApiError, errors } from '../../core/errors.js';
import type { ArchivedEvent, ArchivedRange } from '../../storage/types.js';
import {
  ARCHIVE_FILE_NAME,
  ARCHIVE_SCHEMA_VERSION,
  type ArchiveManifest,
  digestFile,
  listArchiveFiles,
  readManifest,
  removeLeftoverTempFiles,
  writeArchive,
} from './archive-files.js';

/** Rows per restore statement. */
const RESTORE_BATCH = 1_000;

const monthKey = (appId: string, month: string) => `${appId} ${month}`;

/** The highest position each app-month's complete archives reach. */
function archivedThrough(manifests: ArchiveManifest[]): Map<string, number> {
  const through = new Map<string, number>();
  for (const manifest of manifests) {
    const key = monthKey(manifest.app_id, manifest.month);
    through.set(key, Math.max(through.get(key) ?? 0, manifest.last_position));
  }
  return through;
}

/**
 * Archives every app-month with events before `before` (a month's start) and returns what retention
 * may delete. Rows an earlier complete archive already holds (a run that crashed after archiving, or
 * rows restored since) are not written again: each app-month's new archive starts after the position
 * its archives reach, which is exact because positions only grow. Any failure throws before anything
 * is deleted.
 */
export async function archiveBeforePruning(
  deps: ServiceDeps,
  dir: string,
  before: string,
): Promise<{ ranges: ArchivedRange[]; written: number }> {
  await removeLeftoverTempFiles(dir);
  const listed = await listArchiveFiles(dir).catch((error: Error) => {
    throw new ApiError(
      500,
      'archive_failed',
      `The archive directory cannot be read, so nothing was deleted: ${error.message}`,
    );
  });
  const through = archivedThrough(listed.flatMap((entry) => (entry.manifest ? [entry.manifest] : [])));
  const ranges: ArchivedRange[] = [];
  let written = 0;
  for (const month of await deps.storage.archive.eventMonthsBefore(before)) {
    const key = monthKey(month.appId, month.month);
    const manifest = await writeArchive(dir, month, (sink) =>
      deps.storage.archive.exportEvents(month, through.get(key) ?? 0, sink),
    ).catch((error: Error) => {
      throw new ApiError(
        500,
        'archive_failed',
        `Archiving before pruning failed, so nothing was deleted: ${error.message}`,
      );
    });
    if (manifest) {
      through.set(key, manifest.last_position);
      written++;
    }
    const throughPosition = through.get(key);
    if (throughPosition !== undefined) ranges.push({ ...month, throughPosition });
  }
  if (written > 0) deps.logger.info({ archives: written, dir }, 'archived events before pruning');
  return { ranges, written };
}

function archiveDir(deps: ServiceDeps): string {
  const dir = deps.config.archiveDir;
  if (!dir) {
    throw errors.notFound('Archival is off: set ORIVA_ARCHIVE_DIR on the server', 'archive_not_configured');
  }
  return dir;
}

export interface ArchiveSummary {
  file: string;
  complete: boolean;
  manifest: ArchiveManifest | undefined;
}

/** The archives in ORIVA_ARCHIVE_DIR, incomplete ones (no manifest) included and marked. */
export async function listArchives(deps: ServiceDeps): Promise<ArchiveSummary[]> {
  const listed = await listArchiveFiles(archiveDir(deps));
  return listed.map(({ file, manifest }) => ({ file, complete: manifest !== undefined, manifest }));
}

const corrupt = (file: string, why: string) =>
  new ApiError(422, 'archive_corrupt', `${file}: ${why}; nothing was restored`, {
    fields: [{ path: 'file', code: 'archive_corrupt', message: why }],
  });

/**
 * Puts an archive's events back. The file must be a plain archive name inside ORIVA_ARCHIVE_DIR (no
 * path: traversal is refused as a validation error), complete, and match its manifest's SHA-256 and
 * row count before a single row is inserted. Insert-or-ignore by position: twice adds nothing.
 * Restored events are older than the cutoff: the next retention run deletes them again without a new
 * archive (this one still holds them), so restore to read them, not to keep them.
 */
export async function restoreArchive(
  deps: ServiceDeps,
  file: string,
): Promise<{ manifest: ArchiveManifest; restored: number }> {
  const dir = archiveDir(deps);
  if (!ARCHIVE_FILE_NAME.test(file)) {
    throw errors.validation([
      {
        path: 'file',
        code: 'invalid_archive_name',
        message:
          'must be an archive name as `oriva admin archive list` prints it (events.<app>.<YYYY-MM>.<from>-<to>.ndjson.gz), not a path',
      },
    ]);
  }
  const listed = await listArchiveFiles(dir);
  if (!listed.some((entry) => entry.file === file)) {
    throw errors.notFound(`No archive named ${file} in the archive directory`, 'archive_not_found');
  }
  const manifest = await readManifest(dir, file);
  if (!manifest) {
    throw new ApiError(422, 'archive_incomplete', `${file} has no manifest: its archiving never completed`, {
      fields: [{ path: 'file', code: 'archive_incomplete', message: 'no manifest' }],
    });
  }
  if (manifest.schema_version !== ARCHIVE_SCHEMA_VERSION) {
    throw corrupt(file, `schema version ${manifest.schema_version} is not one this server reads`);
  }
  const path = join(dir, file);
  const { sha256 } = await digestFile(path);
  if (sha256 !== manifest.sha256) throw corrupt(file, 'its SHA-256 does not match the manifest');
  // The checksum held, so the lines are those written; counting them guards the manifest itself.
  const rows = await readLines(path, manifest, () => {});
  if (rows !== manifest.rows) throw corrupt(file, `it holds ${rows} events, its manifest says ${manifest.rows}`);
  if (!(await deps.storage.apps.get(manifest.app_id))) {
    throw errors.conflict(
      `The app ${manifest.app_id} no longer exists: create it before restoring its events`,
      'app_missing',
    );
  }
  let restored = 0;
  let batch: ArchivedEvent[] = [];
  const flush = async () => {
    if (batch.length > 0) restored += await deps.storage.archive.restoreEvents(batch);
    batch = [];
  };
  await readLines(path, manifest, async (event) => {
    batch.push(event);
    if (batch.length >= RESTORE_BATCH) await flush();
  });
  await flush();
  deps.logger.info({ file, rows: manifest.rows, restored }, 'restored archived events');
  return { manifest, restored };
}

/** Reads the archive's events in order, each checked to belong to its app and month; returns the count. */
async function readLines(
  path: string,
  manifest: ArchiveManifest,
  onEvent: (event: ArchivedEvent) => void | Promise<void>,
): Promise<number> {
  const lines = createInterface({
    input: createReadStream(path).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let count = 0;
  try {
    for await (const line of lines) {
      if (line === '') continue;
      let event: ArchivedEvent;
      try {
        event = JSON.parse(line) as ArchivedEvent;
      } catch {
        throw corrupt(manifest.file, `line ${count + 1} is not JSON`);
      }
      if (event.app_id !== manifest.app_id || !event.timestamp?.startsWith(manifest.month)) {
        throw corrupt(manifest.file, `line ${count + 1} is not an event of ${manifest.app_id} in ${manifest.month}`);
      }
      count++;
      await onEvent(event);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw corrupt(manifest.file, `it cannot be read (${(error as Error).message})`);
  }
  return count;
}
