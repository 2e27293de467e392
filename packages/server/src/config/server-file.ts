/**
 * `<data dir>/server.json`: where a running server listens, so `oriva` run from the same directory
 * (or with the same `ORIVA_DATA_DIR`) finds it on any port without `ORIVA_API_BASE`.
 *
 * Written atomically (a temporary file renamed over it) once the server listens, removed when it
 * closes cleanly. A server killed outright leaves the file behind: its `pid` is then dead, and
 * readers ignore it. The CLI reads the same two fields (packages/cli/src/local-server.ts).
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVER_FILE = 'server.json';

export interface ServerFile {
  /** Where the API is: the origin, without `/api/v1`. */
  url: string;
  pid: number;
  started_at: string;
}

export function writeServerFile(dataDir: string, url: string): void {
  const path = join(dataDir, SERVER_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  const content: ServerFile = { url, pid: process.pid, started_at: new Date().toISOString() };
  writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

/**
 * Removes the file if it still names this server: another server started on the same directory
 * since (a second process, or another server in this one) has replaced it, and keeps it.
 */
export function removeServerFile(dataDir: string, url: string): void {
  const path = join(dataDir, SERVER_FILE);
  try {
    const current = JSON.parse(readFileSync(path, 'utf8')) as Partial<ServerFile>;
    if (current.url !== url || current.pid !== process.pid) return;
    rmSync(path, { force: true });
  } catch {
    // Gone already, or not ours to judge: leave it.
  }
}
