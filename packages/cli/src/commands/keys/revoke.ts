import { ADMIN_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (keys: Parent) =>
  keys
    .command('revoke')
    .description('revoke a key: it stops working on the next request')
    .argument('<app_id>', 'app id')
    .argument('<key_id>', 'key id (key_…), see `oriva keys list`')
    .addHelpText('after', ADMIN_HELP);

export const keysRevoke = defineCommand(declaration, () => import('./revoke.run.js'));
