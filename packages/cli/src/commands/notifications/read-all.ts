import { actingAsUser, USER_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (notifications: Parent) =>
  actingAsUser(
    notifications
      .command('read-all')
      .description("mark all of a user's unread notifications read")
      .option('--app <app_id>', "only this app's")
      .option('--before <time>', 'only those created before: ISO-8601, or a duration ago (1h, 2d)'),
    USER_HELP,
  );

export const notificationsReadAll = defineCommand(declaration, () => import('./read-all.run.js'));
