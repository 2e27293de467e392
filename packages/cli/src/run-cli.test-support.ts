/** Helpers for the CLI's tests: run `main` with captured output and a hermetic environment. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env } from './config.js';
import type { InputStream } from './context.js';
import { main } from './index.js';
import type { OutputStream } from './output.js';

export interface Captured extends OutputStream {
  text: string;
}

export function capture(isTTY = false): Captured {
  const stream: Captured = {
    text: '',
    isTTY,
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Answers to prompts: a stream marked as a terminal, so the command asks. */
  stdin?: InputStream;
  env?: Env;
  cwd?: string;
  signal?: AbortSignal;
  stdout?: Captured;
  stderr?: Captured;
}

/**
 * An empty home for runs whose `env` names none: without it the CLI would fall back to the real
 * user's home and read their `~/.config/oriva` profiles.
 */
const emptyHome = mkdtempSync(join(tmpdir(), 'oriva-cli-home-'));
process.once('exit', () => rmSync(emptyHome, { recursive: true, force: true }));

/**
 * Runs `oriva <argv>` in-process. The environment is `env` and nothing else from the real one; unless
 * `env` sets `HOME` or `XDG_CONFIG_HOME`, the home directory is an empty one of the test's own.
 */
export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = options.stdout ?? capture();
  const stderr = options.stderr ?? capture();
  const env = options.env ?? {};
  const code = await main(argv, {
    stdout,
    stderr,
    env: env.HOME === undefined && env.XDG_CONFIG_HOME === undefined ? { ...env, HOME: emptyHome } : env,
    cwd: options.cwd ?? process.cwd(),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.stdin ? { stdin: options.stdin } : {}),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const tempDirs: string[] = [];

/** A fresh directory under the system's temp dir; `removeTempDirs` (in `afterAll`) deletes them all. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `oriva-cli-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
