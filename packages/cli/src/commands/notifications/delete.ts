import { actingAsUser } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';
import { onOneNotification } from './options.js';

export const declaration = (notifications: Parent) =>
  actingAsUser(onOneNotification(notifications, 'delete', 'delete a notification for good'));

export const notificationsDelete = defineCommand(declaration, () => import('./delete.run.js'));
