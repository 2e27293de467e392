import { actingAsUser, USER_HELP } from '../credentials.js';
import { defineCommand, type Parent } from '../define.js';
import { collect } from '../option-parsers.js';

export const declaration = (preferences: Parent) =>
  actingAsUser(
    preferences
      .command('set')
      .description('mute or unmute apps and notification types; the rest is kept')
      .option('--mute-app <app_id>', 'mute an app (repeatable)', collect)
      .option('--unmute-app <app_id>', 'unmute an app (repeatable)', collect)
      .option(
        '--mute-type <app_id:type>',
        "mute one app's notification type, e.g. work-buddy:digest (repeatable)",
        collect,
        [],
      )
      .option('--unmute-type <app_id:type>', 'unmute one (repeatable)', collect),
    `${USER_HELP}
Example:
  $ oriva preferences set --as-user user_456 --mute-app hugo --mute-type work-buddy:digest
`,
  );

export const preferencesSet = defineCommand(declaration, () => import('./set.run.js'));
