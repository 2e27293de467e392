import { actingAsUser } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';
import { onOneNotification } from './options.js';

export const declaration = (notifications: Parent) =>
  actingAsUser(
    onOneNotification(
      notifications,
      'dismiss',
      'dismiss a notification everywhere; the app gets a notification.dismissed event',
    ).option('--from <where>', 'where it was dismissed (dismissed_from), e.g. oriva_core'),
  );

export const notificationsDismiss = defineCommand(declaration, () => import('./dismiss.run.js'));
