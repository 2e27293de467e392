import { createClient } from '../client.js';
import type { CommandContext } from '../context.js';
import { formatPairs } from '../output.js';
import { describeApp } from './shared.js';

export async function run(ctx: CommandContext, [appId]: [string]) {
  const { oriva } = await createClient(ctx, 'admin-or-app');
  const { app } = await oriva.apps.retrieve(appId);
  if (ctx.json) {
    ctx.printJson({ app });
    return 0;
  }
  ctx.write(formatPairs(describeApp(app), ctx.out.dim));
  return 0;
}
