import { ADMIN_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (apps: Parent) =>
  apps
    .command('create')
    .description('register an app and issue its first API key (shown once)')
    .argument('<app_id>', 'slug: lowercase letters, digits and dashes, e.g. work-buddy')
    .requiredOption('--name <name>', 'display name')
    .option('--icon-url <url>', 'http(s) URL of the app icon')
    .addHelpText('after', ADMIN_HELP);

export const appsCreate = defineCommand(declaration, () => import('./create.run.js'));
