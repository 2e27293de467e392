import { actingAsUser } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';
import { onOneNotification } from './options.js';

export const declaration = (notifications: Parent) =>
  actingAsUser(onOneNotification(notifications, 'read', 'mark a notification read'));

export const notificationsRead = defineCommand(declaration, () => import('./read.run.js'));
