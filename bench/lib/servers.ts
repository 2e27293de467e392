/**
 * The two processes a benchmark loads: the real Oriva server (packages/server/src/bin.ts) and the bare-Hono ceiling
 * (bench/lib/bare-hono-server.ts). Both run under tsx in their own child process on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ChildHandle, childError, freePort, onExitCleanup, repoRoot, spawnTsx, waitForHttp200 } from './proc.js';

export interface RunningServer {
  readonly label: string;
  /** e.g. `http://127.0.0.1:40123` */
  readonly baseUrl: string;
  readonly handle: ChildHandle;
  /** Throws (with the child's output) if the process has died. */
  assertAlive(): void;
  /** Stop the process and remove anything it was given (temp data directory). */
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 30_000;

function running(label: string, baseUrl: string, handle: ChildHandle, cleanup: () => Promise<void>): RunningServer {
  return {
    label,
    baseUrl,
    handle,
    assertAlive() {
      if (handle.hasExited()) throw childError(handle, 'exited during the benchmark');
    },
    async stop() {
      try {
        await handle.stop();
      } finally {
        await cleanup();
      }
    },
  };
}

export const bareHonoScript = join(repoRoot, 'bench/lib/bare-hono-server.ts');

export interface CeilingOptions {
  /** The ceiling's entry point (default `bench/lib/bare-hono-server.ts`); it must listen on `BENCH_PORT`. */
  script?: string;
  /** Extra environment variables for it. */
  env?: Record<string, string>;
  label?: string;
}

/** Start the bare-Hono ceiling server (or another ceiling script) and wait for `/healthz`. */
export async function startCeiling(options: CeilingOptions = {}): Promise<RunningServer> {
  const label = options.label ?? 'bare-hono ceiling';
  const port = await freePort();
  const handle = spawnTsx(label, options.script ?? bareHonoScript, { ...options.env, BENCH_PORT: String(port) });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp200(handle, `${baseUrl}/healthz`, HEALTH_TIMEOUT_MS);
  } catch (err) {
    await handle.stop();
    throw err;
  }
  return running(label, baseUrl, handle, async () => {});
}

/**
 * The server entry point: packages/server/src/bin.ts, or `BENCH_SERVER_BIN` (absolute, or relative to the repository
 * root) to measure another build of it, e.g. `packages/server/dist/bin.js`. It runs under tsx either way.
 */
export const orivaBinScript = resolve(repoRoot, process.env.BENCH_SERVER_BIN ?? 'packages/server/src/bin.ts');

export interface RunningOriva extends RunningServer {
  readonly adminToken: string;
  readonly dataDir: string;
}

export interface OrivaOptions {
  /**
   * Use this data directory instead of a fresh temporary one. The caller owns it: `stop()` leaves it in place, so a
   * suite can stop the server, prepare the database and start the server again on it.
   */
  dataDir?: string;
  /** Extra environment variables (e.g. `ORIVA_JWT_SECRET`), applied over the defaults. */
  env?: Record<string, string>;
  /**
   * A fixed admin token instead of a random one, e.g. for several instances sharing one PostgreSQL database (they must
   * share `ORIVA_ADMIN_TOKEN` and `ORIVA_JWT_SECRET`).
   */
  adminToken?: string;
  /** The label in error messages (default `oriva server`). */
  label?: string;
}

/**
 * Start the real server on a fresh data directory (or `options.dataDir`) and wait for `/healthz`. Fails with a message
 * naming the cause (no bin.ts yet, crash at start-up with its output, or no answer within 30 s).
 */
export async function startOriva(options: OrivaOptions = {}): Promise<RunningOriva> {
  if (!existsSync(orivaBinScript)) {
    throw new Error(
      `the Oriva server cannot start: ${orivaBinScript} does not exist (is packages/server written yet?)`,
    );
  }
  const port = await freePort();
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'oriva-bench-')));
  const adminToken = options.adminToken ?? `bench-admin-${randomBytes(24).toString('hex')}`;
  const label = options.label ?? 'oriva server';
  const unregister = ownDataDir ? onExitCleanup(() => rmSync(dataDir, { recursive: true, force: true })) : () => {};
  const removeDataDir = async () => {
    if (!ownDataDir) return;
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    unregister();
  };
  const env = {
    ORIVA_PORT: String(port),
    ORIVA_HOST: '127.0.0.1',
    ORIVA_DATA_DIR: dataDir,
    ORIVA_ADMIN_TOKEN: adminToken,
    ORIVA_DEV: '1',
    ORIVA_RATE_LIMITS: 'off',
    ORIVA_LOG_LEVEL: 'warn',
    ...options.env,
  };
  let handle: ChildHandle;
  try {
    handle = spawnTsx(label, orivaBinScript, env);
  } catch (err) {
    await removeDataDir();
    throw err;
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp200(handle, `${baseUrl}/healthz`, HEALTH_TIMEOUT_MS);
  } catch (err) {
    await handle.stop();
    await removeDataDir();
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`the Oriva server cannot start — ${reason}`);
  }
  return { ...running(label, baseUrl, handle, removeDataDir), adminToken, dataDir };
}

/** Bounded JSON request for set-up and sanity checks (not for load). */
export async function requestJson(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

function clip(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `POST /api/v1/apps` with the admin token (and any `extra` body fields, e.g. `icon_url`); returns the app's first API key. */
export async function createApp(
  server: RunningOriva,
  appId: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await requestJson(`${server.baseUrl}/api/v1/apps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...extra, app_id: appId, name }),
  });
  const key = (res.json as { api_key?: { key?: unknown } } | undefined)?.api_key?.key;
  if (res.status !== 201 || typeof key !== 'string') {
    throw new Error(`POST /api/v1/apps expected 201 with api_key.key, got HTTP ${res.status}: ${clip(res.text)}`);
  }
  return key;
}

export { clip };
