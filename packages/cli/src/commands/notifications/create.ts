import { defineCommand, type Parent } from '../define.js';
import { priorityOption } from './options.js';

export const declaration = (notifications: Parent) =>
  notifications
    .command('create')
    .description("create a notification for a user (the app's API key); the same one again changes nothing")
    .option('--user <user_id>', 'the user it is for (user_id)')
    .option('--external-id <id>', "your app's id for it (external_id), e.g. wb_notif_123")
    .option('--type <type>', 'notification_type, e.g. session_reminder')
    .option('--title <title>', 'the title')
    .option('--body <text>', 'the body text')
    .option('--action-url <url>', 'https URL or app deep link opened by the action, e.g. workbuddy://session/789')
    .option('--action-label <label>', 'the action button label, e.g. "View Session"')
    .option('--image-url <url>', 'https URL of an image')
    .option('--icon-url <url>', 'https URL of an icon')
    .addOption(priorityOption('priority (default normal)'))
    .option('--expires-at <time>', 'when it expires: ISO-8601, or a duration from now (2h, 7d)')
    .option('--context <json>', 'context_data as a JSON object')
    .option('--group-key <key>', 'notifications sharing a group key collapse into one in a grouped feed')
    .option('--body-json <json>', 'the whole request as a JSON object (instead of the flags above)')
    .addHelpText(
      'after',
      `
Examples:
  $ oriva notifications create --user user_456 --external-id wb_notif_123 --type session_reminder \\
      --title "Session starting in 10 minutes" --body "Your session with Sarah starts soon" \\
      --action-url workbuddy://session/789 --action-label "View Session" --priority high \\
      --context '{"session_id":"session_789"}' --expires-at 2h
  $ oriva notifications create --body-json '{"external_id":"n_1","user_id":"u1","notification_type":"hello","title":"Hi"}'

Idempotent by --external-id: the same notification again prints "already exists" (created: false
with --json); the same id with other content is an error (409 notification_exists).
`,
    );

export const notificationsCreate = defineCommand(declaration, () => import('./create.run.js'));
