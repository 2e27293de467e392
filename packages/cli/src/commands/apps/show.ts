import { ADMIN_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (apps: Parent) =>
  apps
    .command('show')
    .description("show one app (admin token, or that app's API key)")
    .argument('<app_id>', 'app id')
    .addHelpText('after', ADMIN_HELP);

export const appsShow = defineCommand(declaration, () => import('./show.run.js'));
