import { actingAsUser } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';
import { onOneNotification } from './options.js';

export const declaration = (notifications: Parent) =>
  actingAsUser(onOneNotification(notifications, 'show', 'show one notification'));

export const notificationsShow = defineCommand(declaration, () => import('./show.run.js'));
