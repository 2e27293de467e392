/**
 * Finds a local server without `ORIVA_API_BASE`: a running server writes where it listens to
 * `<data dir>/server.json` (packages/server/src/config/server-file.ts) and removes it when it stops.
 * A file left by a server that was killed names a dead pid and is ignored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVER_FILE = 'server.json';

/** The URL of the server running on `dataDir`, or undefined when none is (or the file is unreadable). */
export function discoverLocalServer(dataDir: string): string | undefined {
  let found: { url?: unknown; pid?: unknown };
  try {
    found = JSON.parse(readFileSync(join(dataDir, SERVER_FILE), 'utf8')) as typeof found;
  } catch {
    return undefined;
  }
  if (typeof found.url !== 'string' || !Number.isSafeInteger(found.pid)) return undefined;
  return isAlive(found.pid as number) ? found.url : undefined;
}

function isAlive(pid: number): boolean {
  try {
    // Signal 0 checks that the process exists without touching it.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
