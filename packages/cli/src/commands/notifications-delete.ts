import { createUserOrAppClient, type UserFlags } from '../client.js';
import type { CommandContext } from '../context.js';
import { escapeTerminal } from '../output.js';
import { onNotification } from './notifications-shared.js';

export async function run(ctx: CommandContext, [id]: [string], options: UserFlags) {
  const { oriva } = await createUserOrAppClient(ctx, options);
  await onNotification(() => oriva.notifications.delete(id));
  if (ctx.json) {
    ctx.printJson({ success: true, notification_id: id, deleted: true });
    return 0;
  }
  ctx.write(`${ctx.out.green('✔')} Deleted notification ${ctx.out.bold(escapeTerminal(id))}\n`);
  return 0;
}
