import { defineCommand, type Parent } from '../define.js';
import { onOneWebhook } from './options.js';

export const declaration = (webhooks: Parent) =>
  onOneWebhook(
    webhooks,
    'recover',
    'requeue every failed delivery created in a window, e.g. after the receiver was down',
  )
    .requiredOption('--since <time>', 'window start: ISO-8601 or a duration ago (1h, 2d)')
    .option('--until <time>', 'window end: ISO-8601 or a duration ago (default now)')
    .option('--dry-run', 'only count them');

export const webhooksRecover = defineCommand(declaration, () => import('./recover.run.js'));
