import { ADMIN_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (keys: Parent) =>
  keys
    .command('create')
    .description('issue another API key, e.g. to rotate (the key is shown once)')
    .argument('<app_id>', 'app id')
    .option('--name <name>', 'a label to recognise the key by, e.g. production')
    .addHelpText('after', ADMIN_HELP);

export const keysCreate = defineCommand(declaration, () => import('./create.run.js'));
