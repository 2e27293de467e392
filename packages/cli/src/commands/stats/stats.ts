import { Option } from '@commander-js/extra-typings';
import { ADMIN_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';

export const declaration = (program: Parent) =>
  program
    .command('stats')
    .description(
      "an app's events, notification engagement and webhook health over time, with the success metrics against their targets",
    )
    .option('--since <time>', 'from this time: ISO-8601 or a duration ago (30d, 12h); default 24 hours before --until')
    .option('--until <time>', 'up to this time: ISO-8601 or a duration ago; default now')
    .addOption(
      new Option('--interval <interval>', 'bucket size of the series').choices(['minute', 'hour', 'day'] as const),
    )
    .option('--all-apps', 'every app, in all and per app (admin token)')
    .addHelpText(
      'after',
      `\nWith an app key (and --app-id), that app's stats; with the admin token, --app-id's or, with --all-apps,\nevery app's. Rates: view = seen ÷ created, action = clicked or dismissed ÷ created, delivery failure =\nexpired before delivery ÷ created, webhook success = successful attempts ÷ attempts (docs/stats.md).\n${ADMIN_HELP}`,
    );

export const stats = defineCommand(declaration, () => import('./stats.run.js'));
