/**
 * The command tree. Registering a command costs a few objects: names, descriptions and options only.
 * Each command's work lives in its own module under `commands/` and is imported when that command runs,
 * so `oriva --help` never loads the SDK or the server.
 */
import { readFileSync } from 'node:fs';
import {
  Command,
  type CommandUnknownOpts,
  Help,
  InvalidArgumentError,
  Option,
  type OptionValues,
} from '@commander-js/extra-typings';
import { admin } from './commands/admin/index.js';
import { apps } from './commands/apps/index.js';
import type { Runner } from './commands/define.js';
import { events } from './commands/events/index.js';
import { keys } from './commands/keys/index.js';
import { listen } from './commands/listen/listen.js';
import { notifications } from './commands/notifications/index.js';
import { preferences } from './commands/preferences/index.js';
import { server } from './commands/server/index.js';
import { stream } from './commands/stream/index.js';
import { users } from './commands/users/index.js';
import { DEFAULT_BASE_URL, type GlobalFlags } from './config.js';
import { type CommandContext, createContext, type MainIO } from './context.js';

/** What a command module exports: `run` gets the context, the positional arguments and the command's options. */
export interface CommandModule<Args extends unknown[], Options> {
  run(ctx: CommandContext, args: Args, options: Options): Promise<number | undefined>;
}

export interface BuiltProgram {
  program: CommandUnknownOpts;
  ctx: CommandContext;
  /** The exit code the command asked for (0 unless its `run` returned another). */
  exitCode(): number;
}

function packageVersion(): string {
  try {
    // src/program.ts and dist/*.js both sit one level below package.json.
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const integer =
  (name: string, min: number, max: number) =>
  (value: string): number => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return parsed;
  };

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
  const program = new Command('oriva');
  const ctx = createContext(io, () => program.opts() as GlobalFlags);
  let exitCode = 0;
  // Errors from commander (unknown command, missing argument) are printed before our code runs;
  // with --json they must be JSON too, so look for the flag up front.
  const jsonErrors = argv.includes('--json');

  const runner: Runner = {
    ctx,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const lazy =
    <Args extends unknown[], Options>(load: () => Promise<CommandModule<Args, Options>>) =>
    async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const args = params.slice(0, -2) as Args;
      const module = await load();
      const code = await module.run(ctx, args, command.opts() as Options);
      if (typeof code === 'number') exitCode = code;
    };

  program
    .description('Oriva from the terminal: run the server, manage apps and keys, send and query events.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
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
    })
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

  server(program, runner);
  apps(program, runner);
  keys(program, runner);

  users(program, runner);
  admin(program, runner);

  events(program, runner);
  stream(program, runner);
  listen(program, runner);

  notifications(program, runner);
  preferences(program, runner);

  // ── webhooks ──────────────────────────────────────────────────────────────────────────────────
  const webhooks = program
    .command('webhooks')
    .description("deliver the app's events to URLs, signed (app API key or admin token, with --app-id)");
  const retryOptions = <Args extends unknown[], Opts extends OptionValues>(command: Command<Args, Opts>) =>
    command
      .addOption(
        new Option('--max-retries <n>', 'retries after a failed delivery (0-10; default 5)').argParser(
          integer('--max-retries', 0, 10),
        ),
      )
      .addOption(
        new Option(
          '--backoff-seconds <s>',
          'first retry delay in seconds, doubling each time (1-3600; default 1)',
        ).argParser(integer('--backoff-seconds', 1, 3600)),
      );
  retryOptions(
    webhooks
      .command('create')
      .description("subscribe a URL to the app's events; prints the signing secret once")
      .requiredOption('--url <url>', 'where to deliver: https (http://localhost and 127.0.0.1 in dev mode)')
      .requiredOption(
        '--events <pattern,...>',
        'comma-separated event types or patterns, e.g. notification.dismissed,notification.* or *',
      )
      .option('--description <text>', 'a note to recognise it by'),
  )
    .addHelpText(
      'after',
      `
Example:
  $ oriva webhooks create --url https://workbuddy.example/api/oriva-events \\
      --events notification.dismissed,notification.clicked --description production

The signing secret (whsec_…) is shown once: verify every delivery with it (@oriva/webhook-verify).
`,
    )
    .action(lazy(() => import('./commands/webhooks-create.js')));
  webhooks
    .command('list')
    .description("list the app's webhooks: id, url, events, active, delivery attempts made, failed, failed in a row")
    .action(lazy(() => import('./commands/webhooks-list.js')));
  webhooks
    .command('show')
    .description('show one webhook with its counters of delivery attempts')
    .argument('<id>', 'webhook id (wh_…)')
    .action(lazy(() => import('./commands/webhooks-show.js')));
  retryOptions(
    webhooks
      .command('update')
      .description('change a webhook; --enable re-enables one disabled after failures')
      .argument('<id>', 'webhook id (wh_…)')
      .option('--url <url>', 'the new URL')
      .option('--events <pattern,...>', 'the new comma-separated event types or patterns (replaces the old list)')
      .option('--description <text>', 'a new note ("" removes it)')
      .addOption(new Option('--enable', 'activate it (and reset its failure count)').conflicts('disable'))
      .addOption(new Option('--disable', 'pause deliveries').conflicts('enable')),
  ).action(lazy(() => import('./commands/webhooks-update.js')));
  webhooks
    .command('delete')
    .description('delete a webhook and its pending deliveries')
    .argument('<id>', 'webhook id (wh_…)')
    .action(lazy(() => import('./commands/webhooks-delete.js')));
  webhooks
    .command('rotate-secret')
    .description('issue a new signing secret (shown once); the old one keeps signing for a grace period')
    .argument('<id>', 'webhook id (wh_…)')
    .option('--grace <duration>', 'how long the old secret keeps signing too: 24h, 30m, 0, or seconds (default 24h)')
    .action(lazy(() => import('./commands/webhooks-rotate-secret.js')));
  webhooks
    .command('test')
    .description('send a webhook.test event to the webhook now')
    .argument('<id>', 'webhook id (wh_…)')
    .action(lazy(() => import('./commands/webhooks-test.js')));
  webhooks
    .command('deliveries')
    .description(
      "a webhook's deliveries, newest first: id, type, status, attempts, last attempt's status code or error, age",
    )
    .argument('<id>', 'webhook id (wh_…)')
    .addOption(new Option('--failed', 'only failed or still retrying').conflicts('succeeded'))
    .addOption(new Option('--succeeded', 'only delivered').conflicts('failed'))
    .option('--type <event_type>', 'only this event type, e.g. notification.dismissed')
    .option('--since <time>', 'created from this time: ISO-8601 (2025-09-30T10:00:00Z) or a duration ago (1h, 2d)')
    .addOption(
      new Option('--limit <n>', 'deliveries per page (1-100; default 50, or 100 with --all)').argParser(
        integer('--limit', 1, 100),
      ),
    )
    .option('--all', 'fetch every matching delivery, page after page')
    .action(lazy(() => import('./commands/webhooks-deliveries.js')));
  webhooks
    .command('retry')
    .description('attempt one delivery again now (same webhook-id header) and wait for the outcome')
    .argument('<id>', 'webhook id (wh_…)')
    .argument('<delivery_id>', 'delivery id (del_…), see `oriva webhooks deliveries <id>`')
    .option('--no-wait', 'return once the attempt is queued, without waiting for its outcome')
    .addHelpText('after', '\nExits 0 when the attempt succeeded, 1 when it failed (or no outcome came within 150 s).\n')
    .action(lazy(() => import('./commands/webhooks-retry.js')));
  webhooks
    .command('recover')
    .description('requeue every failed delivery created in a window, e.g. after the receiver was down')
    .argument('<id>', 'webhook id (wh_…)')
    .requiredOption('--since <time>', 'window start: ISO-8601 or a duration ago (1h, 2d)')
    .option('--until <time>', 'window end: ISO-8601 or a duration ago (default now)')
    .option('--dry-run', 'only count them')
    .action(lazy(() => import('./commands/webhooks-recover.js')));

  // ── profile ───────────────────────────────────────────────────────────────────────────────────
  const profile = program.command('profile').description('saved settings in the config file');
  profile
    .command('set')
    .description(
      'create or update a profile from the global flags given (--base-url, --api-key, --app-id, --admin-token)',
    )
    .argument('<name>', 'profile name, e.g. default or staging')
    .addHelpText(
      'after',
      `
Example:
  $ oriva profile set default --base-url http://localhost:8787 --app-id work-buddy --api-key ok_…

Pass an empty value (--api-key "") to remove a setting. The file is written with mode 0600.
`,
    )
    .action(lazy(() => import('./commands/profile-set.js')));
  profile
    .command('list')
    .description('list saved profiles (secrets masked)')
    .action(lazy(() => import('./commands/profile-list.js')));
  profile
    .command('show')
    .description('show a profile (default: the active one) and the settings in effect, secrets masked')
    .argument('[name]', 'profile name')
    .action(lazy(() => import('./commands/profile-show.js')));

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
