/**
 * The `oriva` program: global options, help and version, then the command groups in help order.
 * Each command is declared beside its handler under `commands/<group>/`, and the handler is imported
 * when its command runs, so `oriva --help` never loads the SDK or the server.
 */
import { Command, type CommandUnknownOpts, Help } from '@commander-js/extra-typings';
import { admin } from './commands/admin/index.js';
import { apps } from './commands/apps/index.js';
import { consoleCommand } from './commands/console/console.js';
import type { Register, Runner } from './commands/define.js';
import { eventTypes } from './commands/event-types/index.js';
import { events } from './commands/events/index.js';
import { keys } from './commands/keys/index.js';
import { listen } from './commands/listen/listen.js';
import { mcp } from './commands/mcp/mcp.js';
import { notifications } from './commands/notifications/index.js';
import { preferences } from './commands/preferences/index.js';
import { profile } from './commands/profile/index.js';
import { server } from './commands/server/index.js';
import { stats } from './commands/stats/stats.js';
import { stream } from './commands/stream/index.js';
import { trigger } from './commands/trigger/trigger.js';
import { types } from './commands/types/index.js';
import { users } from './commands/users/index.js';
import { webhooks } from './commands/webhooks/index.js';
import { DEFAULT_BASE_URL } from './config.js';
import { type CommandContext, createContext, type MainIO } from './context.js';
import { packageVersion } from './version.js';

export interface BuiltProgram {
  program: CommandUnknownOpts;
  ctx: CommandContext;
  /** The exit code the command asked for (0 unless its handler resolved to another). */
  exitCode(): number;
}

/** The groups and top-level commands, in the order `oriva --help` lists them. */
const COMMANDS: readonly Register[] = [
  server,
  apps,
  keys,
  users,
  admin,
  events,
  eventTypes,
  types,
  stream,
  listen,
  trigger,
  notifications,
  preferences,
  webhooks,
  consoleCommand,
  stats,
  mcp,
  profile,
];

const GLOBAL_HELP = `
Configuration (highest precedence first):
  1. command-line flags (--base-url, --api-key, --app-id, --admin-token)
  2. environment: ORIVA_API_BASE, ORIVA_API_KEY, ORIVA_APP_ID, ORIVA_ADMIN_TOKEN, ORIVA_PROFILE
  3. the profile (--profile, default "default") in $XDG_CONFIG_HOME/oriva/config.json
     (or ~/.config/oriva/config.json); save one with \`oriva profile set\`
  Default base URL: the server running on <ORIVA_DATA_DIR or ./.oriva> (it writes server.json),
  else ${DEFAULT_BASE_URL}

Get started:
  $ oriva server start --dev                      # run a local server (Ctrl-C stops it)
  $ oriva apps create work-buddy --name "Work Buddy"
  $ oriva events send --app-id work-buddy --api-key ok_… --category notification \\
      --type created --entity-type notification --entity-id n_1 --user user_1
  $ oriva notifications create --user user_1 --external-id n_1 --type reminder --title "Hi"
  $ oriva notifications list --as-user user_1

Exit codes: 0 success, 1 failure (API, network or input error), 2 usage error.
`;

export function buildProgram(io: MainIO = {}, argv: readonly string[] = []): BuiltProgram {
  const program = new Command('oriva')
    .description('Oriva from the terminal: run the server, manage apps and keys, send and query events.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .option(
      '--base-url <url>',
      `API base URL, origin or …/api/v1 (env ORIVA_API_BASE; default: the local server in ./.oriva, else ${DEFAULT_BASE_URL})`,
    )
    .option('--api-key <key>', 'app API key (env ORIVA_API_KEY)')
    .option('--app-id <app_id>', 'app id (env ORIVA_APP_ID)')
    .option('--admin-token <token>', 'admin token for app and key management (env ORIVA_ADMIN_TOKEN)')
    .option('--profile <name>', 'config profile to use (env ORIVA_PROFILE; default "default")')
    .option('--json', 'print exactly one JSON document on stdout; errors as one JSON line on stderr')
    .addHelpText('after', GLOBAL_HELP);
  const ctx = createContext(io, () => program.opts());
  // Errors from commander (unknown command, missing argument) are printed before our code runs;
  // with --json they must be JSON too, so look for the flag up front.
  const jsonErrors = argv.includes('--json');

  // Set before any command is added: commands copy these settings from their parent.
  program
    .configureHelp({
      showGlobalOptions: true,
      formatHelp(cmd, helper) {
        return globalOptionsLast(Help.prototype.formatHelp.call(this, cmd, helper));
      },
    })
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      getOutHelpWidth: () => ctx.stdout.columns ?? 100,
      getErrHelpWidth: () => ctx.stderr.columns ?? 100,
      getOutHasColors: () => ctx.out.enabled,
      getErrHasColors: () => ctx.err.enabled,
      outputError: (text, write) => {
        const message = text.replace(/^error:\s*/, '').trim();
        if (jsonErrors) {
          write(
            `${JSON.stringify({ success: false, error: { code: 'usage_error', message: message.replace(/\n/g, ' ') } })}\n`,
          );
        } else {
          write(`${ctx.err.red('error:')} ${message}\n`);
        }
      },
    });

  let exitCode = 0;
  const runner: Runner = {
    ctx,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  for (const register of COMMANDS) register(program, runner);

  if (!jsonErrors) addUsageHints(program);
  return { program, ctx, exitCode: () => exitCode };
}

/**
 * A group's help (`oriva webhooks --help`) is read for its commands: commander puts the global
 * options between them and the options, so move that section to the end.
 */
function globalOptionsLast(text: string): string {
  const sections = text.trimEnd().split('\n\n');
  const global = sections.findIndex((section) => section.startsWith('Global Options:'));
  if (global < 0) return text;
  const [moved] = sections.splice(global, 1);
  return `${[...sections, moved].join('\n\n')}\n`;
}

/** After a usage error, point at the right `--help`. */
function addUsageHints(command: CommandUnknownOpts, path: string[] = []): void {
  const names = [...path, command.name()];
  command.showHelpAfterError(`hint: run \`${names.join(' ')} --help\` for usage`);
  for (const sub of command.commands) {
    if (sub.name() !== 'help') addUsageHints(sub, names);
  }
}
