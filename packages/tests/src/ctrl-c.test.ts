/**
 * Ctrl-C is how a person stops `pnpm start`, `oriva stream tail` and `oriva listen`: after a clean
 * shutdown each must exit 0 with no error line, or pnpm reports `ELIFECYCLE Command failed`. Under
 * pnpm one Ctrl-C arrives twice (from the terminal and forwarded by pnpm), so each gets two SIGINTs.
 *
 * The processes find each other the way a developer's do: the server writes `server.json` into its
 * data directory, and the CLI, with ORIVA_DATA_DIR and no ORIVA_API_BASE, reads it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'oriva-ctrl-c-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** The environment without any ORIVA_* setting of the machine running the tests. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ORIVA_')));
  return { ...env, NO_COLOR: '1', ...extra };
}

interface Running {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
}

function start(script: string, args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, script), ...args], {
    cwd: root,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return { child, output: () => ({ stdout, stderr }) };
}

async function until(what: string, ready: () => boolean, running?: Running): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!ready()) {
    if (running && running.child.exitCode !== null)
      throw new Error(`exited early: ${JSON.stringify(running.output())}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(running?.output())}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SIGINT twice, as a Ctrl-C under pnpm delivers it; resolves with the exit code and signal. */
async function interrupt(running: Running): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    running.child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  running.child.kill('SIGINT');
  await new Promise((resolve) => setTimeout(resolve, 20));
  if (running.child.exitCode === null) running.child.kill('SIGINT');
  return exited;
}

describe('Ctrl-C', () => {
  let server: Running;
  const serverFile = join(dataDir, 'server.json');

  it('the server writes where it listens (any port) into its data directory', async () => {
    server = start('packages/server/src/bin.ts', [], {
      ORIVA_PORT: '0',
      ORIVA_DEV: '1',
      ORIVA_DATA_DIR: dataDir,
      ORIVA_LOG_LEVEL: 'warn',
    });
    await until('server.json', () => existsSync(serverFile), server);
    const { url, pid } = JSON.parse(readFileSync(serverFile, 'utf8')) as { url: string; pid: number };
    expect(pid).toBe(server.child.pid);
    const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const created = await fetch(`${url}/api/v1/apps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ app_id: 'ctrl-c', name: 'Ctrl-C' }),
    });
    expect(created.status).toBe(201);
  }, 60_000);

  it('oriva stream tail exits 0 with no error line', async () => {
    const tail = start('packages/cli/src/bin.ts', ['stream', 'tail'], {
      ORIVA_DATA_DIR: dataDir,
      ORIVA_APP_ID: 'ctrl-c',
    });
    await until('the stream', () => tail.output().stderr.includes('Ctrl-C stops'), tail);
    expect(await interrupt(tail)).toEqual({ code: 0, signal: null });
    expect(tail.output().stderr).not.toMatch(/error/i);
  }, 60_000);

  it('oriva listen exits 0 with no error line', async () => {
    const listen = start('packages/cli/src/bin.ts', ['listen', '--forward-to', 'http://127.0.0.1:9/hook'], {
      ORIVA_DATA_DIR: dataDir,
      ORIVA_APP_ID: 'ctrl-c',
    });
    await until('the stream', () => listen.output().stderr.includes('Ctrl-C stops'), listen);
    expect(await interrupt(listen)).toEqual({ code: 0, signal: null });
    expect(listen.output().stderr).not.toMatch(/error/i);
  }, 60_000);

  it('the server exits 0 after a clean shutdown and removes server.json', async () => {
    expect(await interrupt(server)).toEqual({ code: 0, signal: null });
    expect(server.output().stderr).toContain('SIGINT received, shutting down');
    expect(existsSync(serverFile)).toBe(false);
  }, 60_000);
});
