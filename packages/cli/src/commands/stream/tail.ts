import { Option } from '@commander-js/extra-typings';
import { defineCommand, type Parent } from '../define.js';
import { integer, oneValue } from '../option-parsers.js';

export const declaration = (stream: Parent) =>
  stream
    .command('tail')
    .description("print the app's events as they happen, until Ctrl-C (reconnects and resumes by itself)")
    .option(
      '--events <pattern,...>',
      'comma-separated patterns: *, <category>.* or <category>.<type> (default *)',
      oneValue,
    )
    .option('--user <user_id>', "only this user's events")
    .option(
      '--since <position|evt_id|time>',
      'start after a position or an event id, or from a time: ISO-8601 or a duration ago (10m, 2h)',
    )
    .addOption(
      new Option('--count <n>', 'exit 0 after printing n events').argParser(
        integer('--count', 0, Number.MAX_SAFE_INTEGER),
      ),
    )
    .addHelpText(
      'after',
      `
One line per event: time, type, user, entity, position. With --json, one JSON object per line
(NDJSON) and nothing else on stdout.

--since with a time looks up the newest event before it (GET /apps/{app}/events?end_date=…&limit=1)
and resumes after that event: the stream starts with the first event at or after the time.

Examples:
  $ oriva stream tail --events notification.*,session.created
  $ oriva stream tail --since 10m --json | jq .type
  $ oriva stream tail --user user_456 --count 1
`,
    );

export const streamTail = defineCommand(declaration, () => import('./tail.run.js'));
