import { createUserOrAppClient, type UserFlags } from '../client.js';
import type { CommandContext } from '../context.js';
import { onNotification, printNotification } from './notifications-shared.js';

export async function run(ctx: CommandContext, [id]: [string], options: UserFlags) {
  const { oriva } = await createUserOrAppClient(ctx, options);
  const { notification } = await onNotification(() => oriva.notifications.retrieve(id));
  if (ctx.json) {
    ctx.printJson({ notification });
    return 0;
  }
  printNotification(ctx, notification);
  return 0;
}
