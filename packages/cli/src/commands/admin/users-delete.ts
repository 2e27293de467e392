import { ADMIN_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (users: Parent) =>
  users
    .command('delete')
    .description("erase a user: tell the apps that knew them (user.deleted), then remove the user's data")
    .argument('<user_id>', 'the user to erase')
    .addHelpText(
      'after',
      `\nRemoves the user's notifications, states, preferences, events (except user.deleted) and their\nwebhook deliveries, and closes their stream connections. It cannot be undone.\n${ADMIN_HELP}`,
    );

export const adminUsersDelete = defineCommand(declaration, () => import('./users-delete.run.js'));
