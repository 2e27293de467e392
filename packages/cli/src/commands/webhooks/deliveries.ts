import { Option } from '@commander-js/extra-typings';
import { defineCommand, type Parent } from '../define.js';
import { integer } from '../option-parsers.js';
import { onOneWebhook } from './options.js';

export const declaration = (webhooks: Parent) =>
  onOneWebhook(
    webhooks,
    'deliveries',
    "a webhook's deliveries, newest first: id, type, status, attempts, last attempt's status code or error, age",
  )
    .addOption(new Option('--failed', 'only failed or still retrying').conflicts('succeeded'))
    .addOption(new Option('--succeeded', 'only delivered').conflicts('failed'))
    .option('--type <event_type>', 'only this event type, e.g. notification.dismissed')
    .option('--since <time>', 'created from this time: ISO-8601 (2025-09-30T10:00:00Z) or a duration ago (1h, 2d)')
    .addOption(
      new Option('--limit <n>', 'deliveries per page (1-100; default 50, or 100 with --all)').argParser(
        integer('--limit', 1, 100),
      ),
    )
    .option('--all', 'fetch every matching delivery, page after page');

export const webhooksDeliveries = defineCommand(declaration, () => import('./deliveries.run.js'));
