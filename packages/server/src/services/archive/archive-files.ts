/**
 * The archive directory: one gzipped NDJSON file per app, month and range of positions, and beside
 * it a manifest that makes it count. The write order is what makes a crash harmless:
 *
 *   temp file ─write, fsync─▶ rename to its name ─fsync dir─▶ manifest (temp, fsync, rename, fsync dir)
 *
 * A file without its manifest is incomplete: it is never listed as an archive, never restored, and
 * retention deletes nothing it holds (the next run writes it again under the same name). Names are
 * deterministic (`events.<app>.<YYYY-MM>.<first>-<last>.ndjson.gz`), so writing again after a crash
 * replaces rather than duplicates.
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { EventMonth, ExportedEvents, LineSink } from '../../storage/types.js';

/** Bumped when the line format changes; restore refuses versions it does not know. */
export const ARCHIVE_SCHEMA_VERSION = 1;
const DATA_SUFFIX = '.ndjson.gz';
const MANIFEST_SUFFIX = '.manifest.json';
/** What `restore` accepts: a plain name in the directory, never a path. */
export const ARCHIVE_FILE_NAME = /^events\.[a-z0-9][a-z0-9-]*\.\d{4}-\d{2}\.\d+-\d+\.ndjson\.gz$/;

export interface ArchiveManifest {
  schema_version: number;
  kind: 'platform_events';
  file: string;
  app_id: string;
  month: string;
  rows: number;
  first_position: number;
  last_position: number;
  /** Hex SHA-256 of the gzipped file as written. */
  sha256: string;
  bytes: number;
  created_at: string;
}

export interface ArchiveListing {
  file: string;
  /** Undefined for a file whose manifest was never written (a crash mid-archive). */
  manifest: ArchiveManifest | undefined;
}

export const archiveFileName = (month: EventMonth, range: ExportedEvents) =>
  `events.${month.appId}.${month.month}.${range.firstPosition}-${range.lastPosition}${DATA_SUFFIX}`;

const manifestName = (file: string) => `${file}${MANIFEST_SUFFIX}`;

/** Flushes a file (or a directory's entries) to the disk: a rename is durable only once its directory is synced. */
async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `content` to `name` in `dir` through a synced temp file and a rename. */
async function writeDurably(dir: string, name: string, content: string): Promise<void> {
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', 0o640);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(dir, name));
  await fsyncFile(dir);
}

/**
 * Gzips what `exportRows` writes into a new archive of `month` and returns its manifest, or
 * undefined when there was nothing to write. Throws (leaving no archive) if any step fails.
 */
export async function writeArchive(
  dir: string,
  month: EventMonth,
  exportRows: (sink: LineSink) => Promise<ExportedEvents | undefined>,
): Promise<ArchiveManifest | undefined> {
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.events.${month.appId}.${month.month}.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  let range: ExportedEvents | undefined;
  try {
    const gzip = createGzip();
    const countAndHash = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    // A failing disk surfaces here; the export stops at its next write.
    const written = pipeline(gzip, countAndHash, createWriteStream(temp, { mode: 0o640 }));
    let failure: Error | undefined;
    written.catch((error: Error) => {
      failure = error;
    });
    try {
      range = await exportRows(async (chunk) => {
        if (failure) throw failure;
        if (!gzip.write(chunk)) await Promise.race([once(gzip, 'drain'), written]);
      });
    } finally {
      gzip.end();
    }
    await written;
    if (range) await fsyncFile(temp);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  if (!range) {
    await unlink(temp);
    return undefined;
  }
  const file = archiveFileName(month, range);
  try {
    await rename(temp, join(dir, file));
    await fsyncFile(dir);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  const manifest: ArchiveManifest = {
    schema_version: ARCHIVE_SCHEMA_VERSION,
    kind: 'platform_events',
    file,
    app_id: month.appId,
    month: month.month,
    rows: range.rows,
    first_position: range.firstPosition,
    last_position: range.lastPosition,
    sha256: hash.digest('hex'),
    bytes,
    created_at: new Date().toISOString(),
  };
  await writeDurably(dir, manifestName(file), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Removes temp files a crash left mid-write. Only the retention job writes here, one instance at a
 * time (its exclusive lock), so at its start no temp file is in use.
 */
export async function removeLeftoverTempFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith('.') && name.endsWith('.tmp'))
      .map((name) => unlink(join(dir, name)).catch(() => {})),
  );
}

/** Every archive file in `dir` with its manifest, if it has one; none when the directory is missing. */
export async function listArchiveFiles(dir: string): Promise<ArchiveListing[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const present = new Set(names);
  const files = names.filter((name) => ARCHIVE_FILE_NAME.test(name)).sort();
  return Promise.all(
    files.map(async (file) => ({
      file,
      manifest: present.has(manifestName(file)) ? await readManifest(dir, file) : undefined,
    })),
  );
}

/** The manifest of `file`; undefined when missing or unreadable (an incomplete archive). */
export async function readManifest(dir: string, file: string): Promise<ArchiveManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, manifestName(file)), 'utf8')) as ArchiveManifest;
    return manifest.file === file ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** SHA-256 and size of a file as it is on disk now. */
export async function digestFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { sha256: hash.digest('hex'), bytes: (await stat(path)).size };
}
