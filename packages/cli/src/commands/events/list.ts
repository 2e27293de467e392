import { defineCommand, type Parent } from '../define.js';
import { type Paging, withPaging } from '../paging.js';

export const EVENT_PAGES: Paging = { row: 'event', rows: 'events', size: 100, max: 500 };

export const declaration = (events: Parent) =>
  withPaging(
    events
      .command('list')
      .description("query the app's events, newest first")
      .option('--category <category>', 'only this event_category')
      .option('--type <type>', 'only this event_type')
      .option('--user <user_id>', 'only this user_id')
      .option('--entity <entity_id>', 'only this entity_id')
      .option('--since <time>', 'from this time: ISO-8601 (2025-09-30T10:00:00Z) or a duration ago (1h, 2d)')
      .option('--until <time>', 'before this time: ISO-8601 or a duration ago'),
    EVENT_PAGES,
  );

export const eventsList = defineCommand(declaration, () => import('./list.run.js'));
