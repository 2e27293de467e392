import { defineGroup } from '../define.js';
import { notificationsClick } from './click.js';
import { notificationsCreate } from './create.js';
import { notificationsDelete } from './delete.js';
import { notificationsDismiss } from './dismiss.js';
import { notificationsList } from './list.js';
import { notificationsRead } from './read.js';
import { notificationsReadAll } from './read-all.js';
import { notificationsShow } from './show.js';
import { notificationsUnread } from './unread.js';

export const notifications = defineGroup(
  'notifications',
  "create notifications (app API key); read a user's feed and act on it (--as-user, --token)",
  [
    notificationsCreate,
    notificationsList,
    notificationsShow,
    notificationsRead,
    notificationsClick,
    notificationsDismiss,
    notificationsUnread,
    notificationsDelete,
    notificationsReadAll,
  ],
);
