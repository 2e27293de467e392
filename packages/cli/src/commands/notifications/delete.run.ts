import { createUserOrAppClient } from '../../client.js';
import { escapeTerminal } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './delete.js';
import { onNotification } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx, [id], options) => {
  const { oriva } = await createUserOrAppClient(ctx, options);
  await onNotification(() => oriva.notifications.delete(id));
  if (ctx.json) {
    ctx.printJson({ success: true, notification_id: id, deleted: true });
    return 0;
  }
  ctx.write(`${ctx.out.green('✔')} Deleted notification ${ctx.out.bold(escapeTerminal(id))}\n`);
  return 0;
};
