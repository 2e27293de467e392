import { defineCommand, type Parent } from '../define.js';

export const declaration = (program: Parent) =>
  program
    .command('console')
    .description(
      'print a link to the web console for the app (its token expires; app API key or admin token, with --app-id)',
    )
    .option('--expires <duration>', 'how long the link works: 15m, 2h, up to 24h (default 1h)')
    .option('--open', 'also open the link in the default browser');

export const consoleCommand = defineCommand(declaration, () => import('./console.run.js'));
