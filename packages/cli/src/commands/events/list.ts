import { Option } from '@commander-js/extra-typings';
import { defineCommand, type Parent } from '../define.js';
import { integer } from '../option-parsers.js';

export const declaration = (events: Parent) =>
  events
    .command('list')
    .description("query the app's events, newest first")
    .option('--category <category>', 'only this event_category')
    .option('--type <type>', 'only this event_type')
    .option('--user <user_id>', 'only this user_id')
    .option('--entity <entity_id>', 'only this entity_id')
    .option('--since <time>', 'from this time: ISO-8601 (2025-09-30T10:00:00Z) or a duration ago (1h, 2d)')
    .option('--until <time>', 'before this time: ISO-8601 or a duration ago')
    .addOption(
      new Option('--limit <n>', 'events per page (1-500; default 100, or 500 with --all)').argParser(
        integer('--limit', 1, 500),
      ),
    )
    .option('--all', 'fetch every matching event, page after page');

export const eventsList = defineCommand(declaration, () => import('./list.run.js'));
