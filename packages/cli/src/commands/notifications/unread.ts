import { actingAsUser } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';
import { onOneNotification } from './options.js';

export const declaration = (notifications: Parent) =>
  actingAsUser(onOneNotification(notifications, 'unread', 'mark a notification unread again'));

export const notificationsUnread = defineCommand(declaration, () => import('./unread.run.js'));
