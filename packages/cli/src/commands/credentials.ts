/**
 * Which credentials a command takes, said the same way on every command: the admin-token note, and
 * the flags (with their note) for acting as a user.
 */
import type { Command, OptionValues } from '@commander-js/extra-typings';

export const ADMIN_HELP = `
Admin credentials: --admin-token, ORIVA_ADMIN_TOKEN or the profile's admin token. Against a local
server (localhost) with none configured, oriva reads <ORIVA_DATA_DIR or ./.oriva>/admin-token, the
file the server writes when it starts.
`;

export const USER_HELP = `
Acting as a user:
  --as-user <user_id>  mint a 5-minute token for that user with the local server's secret
                       (ORIVA_JWT_SECRET, or <ORIVA_DATA_DIR or ./.oriva>/jwt-secret; local servers only)
  --token <jwt>        a user's JWT, e.g. TOKEN=$(oriva users token user_456)
(--user on \`notifications create\` and the app's \`notifications list\` names the target user;
it never acts as that user.)
`;

const USER_OR_APP_HELP = `${USER_HELP}Without --as-user or --token, the command runs as the owning app (--api-key, ORIVA_API_KEY)
or with the admin token.
`;

/** Adds `--as-user` and `--token` after the command's own options, and `help` after its help. */
export function actingAsUser<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(
  command: Command<Args, Opts, Globals>,
  help = USER_OR_APP_HELP,
) {
  return command
    .option('--as-user <user_id>', "act as this user: a token signed with the local server's secret")
    .option('--token <jwt>', 'act as the user whose JWT this is')
    .addHelpText('after', help);
}
