import { Option } from '@commander-js/extra-typings';
import { defineCommand, type Parent } from '../define.js';
import { type Paging, withPaging } from '../paging.js';
import { onOneWebhook } from './options.js';

export const DELIVERY_PAGES: Paging = { row: 'delivery', rows: 'deliveries', size: 50, max: 100 };

export const declaration = (webhooks: Parent) =>
  withPaging(
    onOneWebhook(
      webhooks,
      'deliveries',
      "a webhook's deliveries, newest first: id, type, status, attempts, last attempt's status code or error, age",
    )
      .addOption(new Option('--failed', 'only failed or still retrying').conflicts('succeeded'))
      .addOption(new Option('--succeeded', 'only delivered').conflicts('failed'))
      .option('--type <event_type>', 'only this event type, e.g. notification.dismissed')
      .option('--since <time>', 'created from this time: ISO-8601 (2025-09-30T10:00:00Z) or a duration ago (1h, 2d)'),
    DELIVERY_PAGES,
  );

export const webhooksDeliveries = defineCommand(declaration, () => import('./deliveries.run.js'));
