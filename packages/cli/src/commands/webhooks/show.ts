import { defineCommand, type Parent } from '../define.js';
import { onOneWebhook } from './options.js';

export const declaration = (webhooks: Parent) =>
  onOneWebhook(webhooks, 'show', 'show one webhook with its counters of delivery attempts');

export const webhooksShow = defineCommand(declaration, () => import('./show.run.js'));
