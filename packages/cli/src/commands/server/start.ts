import { Option } from '@commander-js/extra-typings';
import { defineCommand, type Parent } from '../define.js';
import { integer } from '../option-parsers.js';

export const declaration = (server: Parent) =>
  server
    .command('start')
    .description('run the bundled server until Ctrl-C (SIGINT) or SIGTERM, then shut down gracefully')
    .addOption(
      new Option('--port <port>', 'port to listen on, 0 for any free port (env ORIVA_PORT; default 8787)').argParser(
        integer('--port', 0, 65535),
      ),
    )
    .option('--host <host>', 'interface to bind (env ORIVA_HOST)')
    .option(
      '--data-dir <dir>',
      'where data, the admin token and the JWT secret live (env ORIVA_DATA_DIR; default ./.oriva)',
    )
    .option('--dev', 'development mode (env ORIVA_DEV=1)');

export const serverStart = defineCommand(declaration, () => import('./start.run.js'));
