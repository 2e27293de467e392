import { defineCommand, type Parent } from '../define.js';
import { onOneWebhook } from './options.js';

export const declaration = (webhooks: Parent) =>
  onOneWebhook(webhooks, 'delete', 'delete a webhook and its pending deliveries');

export const webhooksDelete = defineCommand(declaration, () => import('./delete.run.js'));
