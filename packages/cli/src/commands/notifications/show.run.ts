import { createUserOrAppClient } from '../../client.js';
import type { Handler } from '../define.js';
import { onNotification, printNotification } from './shared.js';
import type { declaration } from './show.js';

export const run: Handler<typeof declaration> = async (ctx, [id], options) => {
  const { oriva } = await createUserOrAppClient(ctx, options);
  const { notification } = await onNotification(() => oriva.notifications.retrieve(id));
  if (ctx.json) {
    ctx.printJson({ notification });
    return 0;
  }
  printNotification(ctx, notification);
  return 0;
};
