import { ADMIN_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (apps: Parent) =>
  apps.command('list').description('list registered apps').addHelpText('after', ADMIN_HELP);

export const appsList = defineCommand(declaration, () => import('./list.run.js'));
