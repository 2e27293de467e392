import { defineCommand, type Parent } from '../define.js';

export const declaration = (profile: Parent) =>
  profile
    .command('set')
    .description(
      'create or update a profile from the global flags given (--base-url, --api-key, --app-id, --admin-token)',
    )
    .argument('<name>', 'profile name, e.g. default or staging')
    .addHelpText(
      'after',
      `
Example:
  $ oriva profile set default --base-url http://localhost:8787 --app-id work-buddy --api-key ok_…

Pass an empty value (--api-key "") to remove a setting. The file is written with mode 0600.
`,
    );

export const profileSet = defineCommand(declaration, () => import('./set.run.js'));
