import { ADMIN_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (keys: Parent) =>
  keys
    .command('list')
    .description("list an app's keys (prefixes only, never the secrets)")
    .argument('<app_id>', 'app id')
    .addHelpText('after', ADMIN_HELP);

export const keysList = defineCommand(declaration, () => import('./list.run.js'));
