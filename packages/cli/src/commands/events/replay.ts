import { defineCommand, type Parent } from '../define.js';

export const declaration = (events: Parent) =>
  events
    .command('replay')
    .description('deliver one stored event again to one webhook, as a new delivery (for debugging a receiver)')
    .argument('<event_id>', 'event id (evt_…), see `oriva events list`')
    .requiredOption('--webhook <id>', "the app's webhook to deliver it to (wh_…), whatever it subscribes to")
    .addHelpText(
      'after',
      '\nThe replay has its own webhook-id header; `oriva webhooks deliveries <id>` shows its outcome.\n',
    );

export const eventsReplay = defineCommand(declaration, () => import('./replay.run.js'));
