/** What the app and key commands declare alike. */
import { ADMIN_HELP } from '../credentials.js';
import type { Parent } from '../define.js';

/** `<group> <name> <app_id>`: a command on one app, with the admin-token note in its help. */
export const onOneApp = (parent: Parent, name: string, description: string) =>
  parent.command(name).description(description).argument('<app_id>', 'app id').addHelpText('after', ADMIN_HELP);
