import { defineCommand, type Parent } from '../define.js';
import { onOneWebhook } from './options.js';

export const declaration = (webhooks: Parent) =>
  onOneWebhook(webhooks, 'retry', 'attempt one delivery again now (same webhook-id header) and wait for the outcome')
    .argument('<delivery_id>', 'delivery id (del_…), see `oriva webhooks deliveries <id>`')
    .option('--no-wait', 'return once the attempt is queued, without waiting for its outcome')
    .addHelpText(
      'after',
      '\nExits 0 when the attempt succeeded, 1 when it failed (or no outcome came within 150 s).\n',
    );

export const webhooksRetry = defineCommand(declaration, () => import('./retry.run.js'));
