import { defineCommand, type Parent } from '../define.js';
import { collect } from '../option-parsers.js';

export const declaration = (program: Parent) =>
  program
    .command('trigger')
    .description("publish an event type's example (or a minimal valid value) to exercise a receiver")
    .argument('<event_type>', 'the qualified type, e.g. session.ended or notification.dismissed')
    .option(
      '--user <user_id>',
      'user_id of the event, or who gets the fixture\'s notification (default "user_trigger")',
    )
    .option(
      '--set <path=value>',
      'override a field of event_data (a.b=3, tags.0=x); the value is JSON when it parses, else a string; repeatable',
      collect,
    )
    .option(
      '--entity-id <id>',
      "entity_id of the event, or the fixture notification's external_id (default: a new trigger_… id)",
    )
    .option(
      '--webhook <webhook_id>',
      'webhook.test only: the webhook to test (default: every enabled webhook of the app)',
    )
    .addHelpText(
      'after',
      `
An app's type is looked up in the catalogue and published as the configured app, with its first
example or, when it has none, a minimal value generated from its schema; --set changes fields of it.
The server validates the result: a mismatch is refused (422) naming each field.

The platform's own types are made to happen for real instead (fixtures):
  notification.created, .read, .clicked, .dismissed, .unread, .updated, .deleted
      create a notification for --user, then change it, so the server records the events
      (--set changes the notification's fields: --set title=Hello --set priority=high)
  webhook.test
      send the webhook test event to the app's enabled webhooks (or --webhook <id>)

Examples:
  $ oriva trigger session.ended
  $ oriva trigger session.ended --user user_1 --set duration=1500 --set mood.label=calm
  $ oriva trigger notification.dismissed --user user_1
  $ oriva trigger webhook.test
  # see them arrive in your receiver:
  $ oriva listen --forward-to http://localhost:3000/api/oriva-events
`,
    );

export const trigger = defineCommand(declaration, () => import('./trigger.run.js'));
