/**
 * Renders docs/cli.md from the command tree itself: every command, its usage, arguments, options,
 * defaults and help text come from the commander declarations (program.ts and commands/), so the
 * reference cannot say something `oriva <command> --help` does not. `pnpm docs:cli` writes the file; reference.test.ts
 * fails when the checked-in file differs.
 *
 * Deterministic: commands in registration order, no timestamps, no terminal width, no colours, and
 * no environment (the program is built with an empty one).
 */
import type { EventEmitter } from 'node:events';
import type { Argument, CommandUnknownOpts as Command, Option } from '@commander-js/extra-typings';
import { DEFAULT_BASE_URL, DEFAULT_PROFILE, SETTING_NAMES, SETTINGS } from './config.js';
import type { OutputStream } from './output.js';
import { buildProgram } from './program.js';

/** Variables the CLI reads besides the four settings (those come from `SETTINGS`). */
const OTHER_VARIABLES: ReadonlyArray<[name: string, meaning: string]> = [
  ['ORIVA_PROFILE', `the profile to use when \`--profile\` is not given (default \`${DEFAULT_PROFILE}\`)`],
  ['XDG_CONFIG_HOME', 'where the config file lives: `$XDG_CONFIG_HOME/oriva/config.json` (default `~/.config`)'],
  [
    'ORIVA_DATA_DIR',
    "the local server's data directory (default `./.oriva`): `server start` uses it, and `--as-user`, `users token` and admin commands against a local server read `jwt-secret` and `admin-token` from it, and, without a base URL, `server.json` (where the server running on it listens)",
  ],
  [
    'ORIVA_JWT_SECRET',
    "the local server's user-token secret, for `--as-user` and `users token` (else `<data dir>/jwt-secret`)",
  ],
  ['ORIVA_PORT, ORIVA_HOST, ORIVA_DEV', '`server start`: port, interface and dev mode when the flags are not given'],
  ['ORIVA_LOG_FORMAT', "`server start`: the server's log lines, `pretty` (dev mode) or `json` (`--json` keeps JSON)"],
  ['ORIVA_LISTEN_SECRET', '`listen`: the signing secret for forwarded events (default: a new one each run)'],
  ['NO_COLOR', 'no colours even on a terminal (<https://no-color.org>)'],
  ['FORCE_COLOR', 'colours even through a pipe; `0` or `false` turns them off (<https://force-color.org>)'],
  ['ORIVA_DEBUG', 'print the stack trace of an unexpected error'],
];

/** Output that goes nowhere: building the program must not write, and help widths must not depend on a terminal. */
const nowhere: OutputStream = { write: () => true, isTTY: false } as unknown as OutputStream;

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

function fullName(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) names.unshift(current.name());
  return names.join(' ');
}

function anchor(command: Command): string {
  return fullName(command).replace(/\s+/g, '-').toLowerCase();
}

/** What `addHelpText('after', …)` prints, collected by emitting the event commander listens on. */
function afterHelp(command: Command): string {
  let text = '';
  // Commands are EventEmitters at run time; the typings leave that out.
  (command as unknown as EventEmitter).emit('afterHelp', {
    error: false,
    command,
    write: (chunk: string) => (text += chunk),
  });
  return text.replace(/^\n+/, '').replace(/\s+$/, '');
}

/** A shared help block's title: its first line up to the colon, e.g. "Admin credentials". */
function noteTitle(text: string): string {
  return escapeCell(text.split('\n')[0]!.split(':')[0]!.trim());
}

function formatDefault(value: unknown, description: string | undefined): string {
  if (description !== undefined) return code(description);
  if (value === undefined) return '';
  if (Array.isArray(value) && value.length === 0) return '';
  return code(typeof value === 'string' ? value : JSON.stringify(value));
}

function argumentsTable(args: readonly Argument[]): string[] {
  if (args.length === 0) return [];
  const lines = ['| argument | required | description |', '| --- | --- | --- |'];
  for (const arg of args) {
    const name = `${arg.required ? '<' : '['}${arg.name()}${arg.variadic ? '...' : ''}${arg.required ? '>' : ']'}`;
    let description = arg.description;
    if (arg.argChoices) description += ` (one of ${arg.argChoices.map(code).join(', ')})`;
    if (arg.defaultValue !== undefined)
      description += ` (default ${formatDefault(arg.defaultValue, arg.defaultValueDescription)})`;
    lines.push(`| ${code(name)} | ${arg.required ? 'yes' : 'no'} | ${escapeCell(description)} |`);
  }
  return ['', ...lines];
}

function optionsTable(options: readonly Option[]): string[] {
  const visible = options.filter((option) => !option.hidden);
  if (visible.length === 0) return [];
  const lines = ['| option | description | default |', '| --- | --- | --- |'];
  for (const option of visible) {
    let description = option.description;
    if (option.mandatory) description = `**required.** ${description}`;
    if (option.argChoices) description += ` (one of ${option.argChoices.map(code).join(', ')})`;
    // Set by `.conflicts()`; present at run time, absent from the typings.
    const conflicts = (option as Option & { conflictsWith?: string[] }).conflictsWith ?? [];
    if (conflicts.length > 0) {
      description += ` (not with ${conflicts.map((name) => code(`--${name}`)).join(', ')})`;
    }
    if (option.envVar) description += ` (env ${code(option.envVar)})`;
    const fallback = option.negate ? '' : formatDefault(option.defaultValue, option.defaultValueDescription);
    lines.push(`| ${code(option.flags)} | ${escapeCell(description)} | ${fallback} |`);
  }
  return ['', ...lines];
}

function usage(command: Command): string {
  return `${fullName(command)} ${command.usage()}`.trim();
}

function isHelpCommand(command: Command): boolean {
  return command.name() === 'help';
}

/** Every command below `root`, depth first, in the order program.ts registers them. */
function walk(root: Command): Command[] {
  const all: Command[] = [];
  for (const command of root.commands) {
    if (isHelpCommand(command)) continue;
    all.push(command, ...walk(command));
  }
  return all;
}

/** The markdown reference for `oriva`, built from the same command tree `main()` runs. */
export function renderCliReference(): string {
  const { program } = buildProgram({ env: {}, stdout: nowhere, stderr: nowhere, cwd: '/' });
  const commands = walk(program);

  // Help blocks shared by several commands (acting as a user, admin credentials) are printed once.
  const blockUses = new Map<string, number>();
  for (const command of commands) {
    const text = afterHelp(command);
    if (text) blockUses.set(text, (blockUses.get(text) ?? 0) + 1);
  }
  const sharedBlocks = [...blockUses.entries()].filter(([, uses]) => uses > 1).map(([text]) => text);
  const sharedIndex = new Map(sharedBlocks.map((text, index) => [text, index + 1]));

  const out: string[] = [
    '# `oriva` command reference',
    '',
    '<!-- Generated from packages/cli/src/program.ts by `pnpm docs:cli`; do not edit by hand. -->',
    '',
    `${program.description()} Install with \`npm i -g @oriva/cli\`; in this repository, \`pnpm install\` builds it: run \`pnpm -s oriva …\`, or put \`oriva\` on your PATH with \`cd packages/cli && npm link\`. Every command prints help with \`--help\`.`,
    '',
    '```text',
    usage(program),
    '```',
    '',
    '## Configuration',
    '',
    'Each setting is taken from the first of these that has it:',
    '',
    '1. the command-line flag;',
    '2. the environment variable;',
    `3. the profile named by \`--profile\` or \`ORIVA_PROFILE\` (default \`${DEFAULT_PROFILE}\`) in \`$XDG_CONFIG_HOME/oriva/config.json\` (or \`~/.config/oriva/config.json\`), saved with [\`oriva profile set\`](#oriva-profile-set), mode 0600;`,
    '4. the default.',
    '',
    '| setting | flag | environment | profile key | default |',
    '| --- | --- | --- | --- | --- |',
    ...SETTING_NAMES.map((name) => {
      const setting = SETTINGS[name];
      const fallback =
        name === 'baseUrl'
          ? `the server running on the local data directory (its ${code('server.json')}), else ${code(DEFAULT_BASE_URL)}`
          : '';
      return `| ${name} | ${code(setting.flag)} | ${code(setting.env)} | ${code(setting.file)} | ${fallback} |`;
    }),
    '',
    'Other environment variables:',
    '',
    '| variable | meaning |',
    '| --- | --- |',
    ...OTHER_VARIABLES.map(([name, meaning]) => `| ${name.split(', ').map(code).join(', ')} | ${meaning} |`),
    '',
    '## Global options',
    '',
    'Accepted by every command, before or after the command name.',
    // The help option is not in `options`; commander's Help lists it with the others.
    ...optionsTable(program.createHelp().visibleOptions(program)),
    '',
    '```text',
    afterHelp(program),
    '```',
    '',
    '## Commands',
    '',
    ...commands.map(
      (command) =>
        `${'  '.repeat(fullName(command).split(' ').length - 2)}- [\`${fullName(command)}\`](#${anchor(command)}): ${command.description()}`,
    ),
  ];

  for (const command of commands) {
    const depth = fullName(command).split(' ').length;
    out.push('', `${depth === 2 ? '##' : '###'} ${fullName(command)}`, '', command.description());
    const runnable = command.commands.filter((sub) => !isHelpCommand(sub)).length === 0;
    if (!runnable) continue;
    out.push('', '```text', usage(command), '```');
    out.push(...argumentsTable(command.registeredArguments));
    out.push(...optionsTable(command.options));
    const text = afterHelp(command);
    const shared = sharedIndex.get(text);
    if (shared !== undefined) {
      out.push('', `See [note ${shared}](#note-${shared}) (${noteTitle(text)}).`);
    } else if (text) {
      out.push('', '```text', text, '```');
    }
  }

  if (sharedBlocks.length > 0) {
    out.push('', '## Notes', '', 'Help text several commands share.');
    sharedBlocks.forEach((text, index) => {
      out.push('', `### Note ${index + 1}`, '', '```text', text, '```');
    });
  }

  return `${out.join('\n')}\n`;
}
