import { Option } from '@commander-js/extra-typings';
import { actingAsUser, USER_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';
import { type Paging, withPaging } from '../paging.js';
import { priorityOption, STATUSES } from './options.js';

export const NOTIFICATION_PAGES: Paging = { row: 'notification', rows: 'notifications', size: 50, max: 100 };

export const declaration = (notifications: Parent) =>
  actingAsUser(
    withPaging(
      notifications
        .command('list')
        .description(
          "list the app's notifications, or with --as-user/--token that user's feed from every app; newest first",
        )
        .option('--user <user_id>', "app list: only this user's notifications")
        .option('--external-id <id>', 'app list: only this external_id')
        .addOption(
          new Option(
            '--status <status>',
            'only this status; "all" (feed only) shows every status (feed default: unread, read and clicked)',
          ).choices(STATUSES),
        )
        .option('--app <app_id>', "feed: only this app's notifications (shown even if muted)")
        .addOption(priorityOption('feed: only this priority'))
        .option('--type <type>', 'feed: only this notification_type')
        .option('--include-muted', 'feed: also show notifications of muted apps and types')
        .option('--group', 'feed: collapse each group_key into its newest notification'),
      NOTIFICATION_PAGES,
    ),
    `${USER_HELP}Without them, the app's notifications (--api-key and --app-id, or the admin token and --app-id).
`,
  );

export const notificationsList = defineCommand(declaration, () => import('./list.run.js'));
