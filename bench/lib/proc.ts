/**
 * Child-process plumbing for the benchmarks: spawn a TypeScript entry point under tsx, keep the tail of its output for
 * error messages, wait for it to answer over HTTP, and stop it (SIGTERM, then SIGKILL) — always bounded in time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (`/work/main`), derived from this file's location (`bench/lib/proc.ts`). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const OUTPUT_TAIL_BYTES = 64 * 1024;
const KILL_GRACE_MS = 5_000;

/** The `--import` target that registers tsx as a loader, resolved from the root `node_modules`. */
export function tsxLoaderUrl(): string {
  const require = createRequire(import.meta.url);
  return pathToFileURL(require.resolve('tsx')).href;
}

export interface ChildHandle {
  readonly label: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  readonly exited: Promise<string>;
  /** Whether the process has exited. */
  hasExited(): boolean;
  /** The last 64 KiB of stdout and stderr, interleaved as received. */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone (or 10 s have passed). */
  stop(): Promise<void>;
}

const live = new Set<ChildHandle>();

/** Start `node --import tsx <script>` with extra environment variables. */
export function spawnTsx(label: string, script: string, env: Record<string, string>): ChildHandle {
  const child = spawn(process.execPath, ['--import', tsxLoaderUrl(), script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) {
    throw new Error(`${label}: could not spawn ${process.execPath} ${script}`);
  }

  let tail = '';
  const keep = (chunk: Buffer) => {
    tail += chunk.toString('utf8');
    if (tail.length > OUTPUT_TAIL_BYTES) tail = tail.slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let exitedFlag = false;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedFlag = true;
      resolve(signal ?? String(code));
    });
    child.once('error', (err) => {
      exitedFlag = true;
      tail += `\n[spawn error] ${err.message}`;
      resolve('spawn-error');
    });
  });

  const pid = child.pid;
  const handle: ChildHandle = {
    label,
    pid,
    child,
    exited,
    hasExited: () => exitedFlag,
    output: () => tail,
    async stop() {
      if (!exitedFlag) {
        child.kill('SIGTERM');
        const gone = await Promise.race([exited.then(() => true), sleep(KILL_GRACE_MS).then(() => false)]);
        if (!gone && !exitedFlag) {
          child.kill('SIGKILL');
          await Promise.race([exited, sleep(KILL_GRACE_MS)]);
        }
      }
      live.delete(handle);
    },
  };
  live.add(handle);
  void exited.then(() => live.delete(handle));
  return handle;
}

/** Stop every child this process started and that is still running (used on SIGINT and at exit). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map((h) => h.stop()));
}

const exitCleanups = new Set<() => void>();

/**
 * Register synchronous clean-up (e.g. removing a temp directory) to run if the harness exits before the owner cleans
 * up itself; call the returned function to unregister.
 */
export function onExitCleanup(fn: () => void): () => void {
  exitCleanups.add(fn);
  return () => exitCleanups.delete(fn);
}

/**
 * Last-resort synchronous cleanup for `process.on('exit')`: SIGKILL each child still running, by its pid, then run the
 * registered clean-ups.
 */
export function killAllChildrenSync(): void {
  for (const h of live) {
    if (!h.hasExited()) {
      try {
        process.kill(h.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  live.clear();
  for (const fn of exitCleanups) {
    try {
      fn();
    } catch {
      // best effort
    }
  }
  exitCleanups.clear();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A TCP port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        reject(new Error('could not read the port of a probe socket'));
        return;
      }
      srv.close(() => resolve(addr.port));
    });
  });
}

function indent(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '    (no output)';
  return trimmed
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** An error message that carries the child's recent output. */
export function childError(handle: ChildHandle, message: string): Error {
  return new Error(`${handle.label}: ${message}\n  last output of pid ${handle.pid}:\n${indent(handle.output())}`);
}

/**
 * Poll `url` until it answers 200, the child exits (error with its output) or `timeoutMs` passes (error). Each probe
 * is itself bounded to 1 s.
 */
export async function waitForHttp200(handle: ChildHandle, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (let attempt = 0; attempt < 10_000 && Date.now() < deadline; attempt++) {
    if (handle.hasExited()) {
      const how = await handle.exited;
      throw childError(handle, `exited (${how}) before ${url} answered 200`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await sleep(100);
  }
  throw childError(handle, `${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}
