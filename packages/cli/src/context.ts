/** What every command receives: its streams, environment, working directory, global flags and settings. */
import { type Env, type GlobalFlags, type ResolvedSettings, resolveSettings } from './config.js';
import { colorsEnabled, createStyle, type OutputStream, type Style } from './output.js';
import { writeLineAroundProgress } from './progress.js';

/** Where `main` reads and writes. Everything is optional: the defaults are the real process's. */
export interface MainIO {
  /** Where a command asks for confirmation, only when it is a terminal. Default `process.stdin`. */
  stdin?: InputStream;
  stdout?: OutputStream;
  stderr?: OutputStream;
  /** The environment to read `ORIVA_*`, `XDG_CONFIG_HOME`, `HOME`, `NO_COLOR` from. Default `process.env`. */
  env?: Env;
  /** Resolves relative paths (`--file`, `--data-dir`, `./.oriva`). Default `process.cwd()`. */
  cwd?: string;
  /**
   * Stops long-running commands (`oriva server start`) like SIGINT/SIGTERM would.
   * For embedding and tests; the `oriva` binary relies on the signals.
   */
  signal?: AbortSignal;
}

/** What a command reads answers from: `process.stdin`, or a test's stream. */
export type InputStream = NodeJS.ReadableStream & { isTTY?: boolean };

export interface CommandContext {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Env;
  readonly cwd: string;
  readonly signal: AbortSignal | undefined;
  /**
   * How the user runs oriva, for commands printed to paste: `pnpm -s oriva` when it runs as the Oriva
   * repository's package script (`pnpm -s oriva …`), else `oriva`.
   */
  readonly command: string;
  /** Styles for stdout and stderr (no-ops unless that stream is a TTY and NO_COLOR is unset). */
  readonly out: Style;
  readonly err: Style;
  /** The global flags as parsed (`--base-url`, `--api-key`, `--app-id`, `--admin-token`, `--profile`, `--json`). */
  flags(): GlobalFlags;
  /** `--json`: stdout carries exactly one JSON document and nothing else. */
  readonly json: boolean;
  /** Flags > environment > profile > defaults, read once per run. */
  settings(): ResolvedSettings;
  /** Writes text to stdout as is. */
  write(text: string): void;
  /** Writes a line to stdout unless `--json` is on. */
  say(line?: string): void;
  /** Writes `value` as the JSON document on stdout. */
  printJson(value: unknown): void;
  /** Writes a line to stderr (notes, progress, warnings): never part of the data. */
  note(line: string): void;
}

export function createContext(io: MainIO, getFlags: () => GlobalFlags): CommandContext {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  let settings: ResolvedSettings | undefined;
  const context: CommandContext = {
    stdin: io.stdin ?? process.stdin,
    stdout,
    stderr,
    env,
    cwd: io.cwd ?? process.cwd(),
    signal: io.signal,
    command: env.npm_package_name === 'oriva' ? 'pnpm -s oriva' : 'oriva',
    out: createStyle(colorsEnabled(stdout, env)),
    err: createStyle(colorsEnabled(stderr, env)),
    flags: getFlags,
    get json() {
      return getFlags().json === true;
    },
    settings() {
      settings ??= resolveSettings({ flags: getFlags(), env, cwd: context.cwd });
      return settings;
    },
    write(text) {
      stdout.write(text);
    },
    say(line = '') {
      if (!context.json) stdout.write(`${line}\n`);
    },
    printJson(value) {
      stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    note(line) {
      writeLineAroundProgress(stderr, line);
    },
  };
  return context;
}
