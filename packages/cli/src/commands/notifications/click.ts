import { actingAsUser } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';
import { onOneNotification } from './options.js';

export const declaration = (notifications: Parent) =>
  actingAsUser(
    onOneNotification(notifications, 'click', 'mark a notification clicked').option(
      '--action <what>',
      'what the click did (click_action), e.g. open_session',
    ),
  );

export const notificationsClick = defineCommand(declaration, () => import('./click.run.js'));
