import { Option } from '@commander-js/extra-typings';
import { defineCommand, type Parent } from '../define.js';
import { integer, oneValue } from '../option-parsers.js';

export const declaration = (events: Parent) =>
  events
    .command('poll')
    .description("pull the app's events after a consumer's committed position, committing each batch")
    .requiredOption('--consumer <id>', 'the consumer (created by its first poll): 1 to 64 letters, digits, _ . -')
    .option(
      '--events <pattern,...>',
      'comma-separated patterns: *, <category>.* or <category>.<type> (default *)',
      oneValue,
    )
    .option('--user <user_id>', "only this user's events")
    .addOption(new Option('--limit <n>', 'events per batch (default 100)').argParser(integer('--limit', 1, 1000)))
    .option('--follow', 'keep long-polling for new events until Ctrl-C')
    .addHelpText(
      'after',
      `
Prints the events after the consumer's committed position and commits after each batch is printed,
so the next run starts where this one ended. Without --follow it exits once caught up. One line per
event (time, type, user, entity, position); with --json, one JSON object per line (NDJSON).

Positions are the stream's: \`oriva stream tail --since <position>\` continues where polling stopped.

Examples:
  $ oriva events poll --consumer nightly-export --json > events.ndjson
  $ oriva events poll --consumer agent --events task.* --follow
`,
    );

export const eventsPoll = defineCommand(declaration, () => import('./poll.run.js'));
