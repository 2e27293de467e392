import { Option } from '@commander-js/extra-typings';
import { defineCommand, type Parent } from '../define.js';
import { integer } from '../option-parsers.js';

export const declaration = (events: Parent) =>
  events
    .command('send')
    .description('publish one event from flags or --body, or many from an NDJSON --file')
    .option('--category <category>', 'event_category, e.g. notification')
    .option('--type <type>', 'event_type, e.g. dismissed')
    .option('--entity-type <type>', 'entity_type, e.g. notification')
    .option('--entity-id <id>', 'entity_id, e.g. wb_notif_123')
    .option('--user <user_id>', 'user_id')
    .option('--data <json>', 'event_data as a JSON object')
    .option('--body <json>', 'the whole event as a JSON object (instead of the flags above)')
    .option('--file <path>', 'NDJSON file, one event per line; sent in batches of 500')
    .addOption(
      new Option('--from-line <n>', 'with --file: skip the lines before n (resume a send that stopped)').argParser(
        integer('--from-line', 1, Number.MAX_SAFE_INTEGER),
      ),
    )
    .option('--idempotency-key <key>', 'Idempotency-Key for a single event: safe to retry')
    .addHelpText(
      'after',
      `
Examples:
  $ oriva events send --category notification --type dismissed --entity-type notification \\
      --entity-id wb_notif_123 --user user_456 --data '{"dismissed_from":"work_buddy"}'
  $ oriva events send --body '{"event_category":"task","event_type":"done","entity_type":"task","entity_id":"t1","user_id":"u1"}'
  $ oriva events send --file events.ndjson
  $ oriva events send --file events.ndjson --from-line 1001

Every line of --file is checked before anything is sent; a bad line is reported with its number.
A send that stops part-way (a rate limit, a rejected batch) says how many events were stored and
prints the command that resumes it from the first unsent line.
`,
    );

export const eventsSend = defineCommand(declaration, () => import('./send.run.js'));
