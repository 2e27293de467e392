/**
 * `@oriva/cli`: the `oriva` command as a function. `main(argv, io)` runs one command line and resolves
 * to its exit code (0 success, 1 failure, 2 usage error); it never calls `process.exit`.
 */
import { CommanderError } from '@commander-js/extra-typings';
import type { MainIO } from './context.js';
import { EXIT_OK, EXIT_USAGE } from './errors.js';
import { buildProgram } from './program.js';
import { reportError } from './report.js';

export type { Env, GlobalFlags, ProfileSettings, ResolvedSettings } from './config.js';
export type { CommandContext, MainIO } from './context.js';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, UserError } from './errors.js';
export type { OutputStream } from './output.js';

/**
 * Runs `oriva` with `argv` (the arguments after the program name, e.g. `['apps', 'list', '--json']`).
 * Output goes to `io.stdout`/`io.stderr` (default the process's); configuration is read from `io.env`.
 */
export async function main(argv: readonly string[], io: MainIO = {}): Promise<number> {
  const { program, ctx, exitCode } = buildProgram(io, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version "exit" with 0; everything else commander rejects is a usage error.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    return reportError(error, ctx);
  }
}
