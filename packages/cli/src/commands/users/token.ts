import { defineCommand, type Parent } from '../define.js';

export const declaration = (users: Parent) =>
  users
    .command('token')
    .description("mint a user JWT (sub = user_id) signed with the local server's secret")
    .argument('<user_id>', 'the user id to put in `sub`')
    .option('--expires-in <duration>', 'lifetime: 30m, 1h, 7d, or seconds', '1h')
    .option('--data-dir <dir>', 'the server data directory holding jwt-secret (env ORIVA_DATA_DIR; default ./.oriva)')
    .addHelpText(
      'after',
      '\nThe secret is ORIVA_JWT_SECRET, or <data dir>/jwt-secret written by `oriva server start`.\n',
    );

export const usersToken = defineCommand(declaration, () => import('./token.run.js'));
