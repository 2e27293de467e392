import { createUserClient, type UserFlags } from '../client.js';
import type { CommandContext } from '../context.js';
import { printPreferences } from './preferences-shared.js';

export async function run(ctx: CommandContext, _args: [], options: UserFlags) {
  const { oriva } = await createUserClient(ctx, options);
  const result = await oriva.preferences.get();
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  printPreferences(ctx, result);
  return 0;
}
