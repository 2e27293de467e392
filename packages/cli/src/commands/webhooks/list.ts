import { defineCommand, type Parent } from '../define.js';

export const declaration = (webhooks: Parent) =>
  webhooks
    .command('list')
    .description("list the app's webhooks: id, url, events, active, delivery attempts made, failed, failed in a row");

export const webhooksList = defineCommand(declaration, () => import('./list.run.js'));
