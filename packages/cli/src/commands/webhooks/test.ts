import { defineCommand, type Parent } from '../define.js';
import { onOneWebhook } from './options.js';

export const declaration = (webhooks: Parent) =>
  onOneWebhook(webhooks, 'test', 'send a webhook.test event to the webhook now');

export const webhooksTest = defineCommand(declaration, () => import('./test.run.js'));
