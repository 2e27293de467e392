/**
 * How a command is declared and run. Each command has two modules side by side in its group's folder:
 * `<command>.ts` declares it (name, arguments, options, help) and is all `oriva --help` loads;
 * `<command>.run.ts` does its work and is imported only when the command runs, so the SDK and the
 * server stay unloaded until then. The handler takes its argument and option types from the
 * declaration (`Handler<typeof declaration>`), so each flag is written once.
 */
import type { Command, CommandUnknownOpts } from '@commander-js/extra-typings';
import type { CommandContext } from '../context.js';

/** What commands are declared under: the program or a group. */
export type Parent = CommandUnknownOpts;

/** Declares one command under its parent: `(apps) => apps.command('create').option(…)`. */
type Declaration = (parent: Parent) => Parent;

type Declared<D> = D extends (parent: Parent) => infer C ? C : never;

/** The positional arguments commander passes for a declaration, e.g. `[appId: string]`. */
export type ArgsOf<D> = Declared<D> extends Command<infer Args, infer _Opts, infer _Globals> ? Args : never;

/** The options commander parses for a declaration: names, types and defaults inferred from its flags. */
export type OptionsOf<D> = Declared<D> extends Command<infer _Args, infer Opts, infer _Globals> ? Opts : never;

/** A command's work. Resolves to the exit code; expected failures throw a `UserError`. */
export type Handler<D> = (ctx: CommandContext, args: ArgsOf<D>, options: OptionsOf<D>) => Promise<number>;

/** What the program lends every command it registers. */
export interface Runner {
  readonly ctx: CommandContext;
  /** Keeps the exit code a handler resolved to, for `main` to return. */
  setExitCode(code: number): void;
}

/** Adds a command, or a group and its commands, to `parent`. */
export type Register = (parent: Parent, runner: Runner) => void;

/** A command whose handler module is imported when it runs: `load` is `() => import('./<command>.run.js')`. */
export function defineCommand<D extends Declaration>(
  declaration: D,
  load: () => Promise<{ run: Handler<D> }>,
): Register {
  return (parent, runner) => {
    declaration(parent).action(async (...params: unknown[]) => {
      // commander passes the positional arguments, then the options, then the command itself.
      const command = params[params.length - 1] as Parent;
      const { run } = await load();
      const args = params.slice(0, -2) as ArgsOf<D>;
      runner.setExitCode(await run(runner.ctx, args, command.opts() as OptionsOf<D>));
    });
  };
}

/** `oriva <name> <command>`: a group is a name, a description and its commands, in help order. */
export function defineGroup(name: string, description: string, commands: readonly Register[]): Register {
  return (parent, runner) => {
    const group = parent.command(name).description(description);
    for (const register of commands) register(group, runner);
  };
}
