import type { Handler } from '../define.js';
import type { declaration } from './list.js';
import { eventTypeClient, printEventTypeTable } from './shared.js';

export const run: Handler<typeof declaration> = async (ctx) => {
  const { oriva } = await eventTypeClient(ctx);
  const { event_types } = await oriva.eventTypes.list();
  if (ctx.json) {
    ctx.printJson({ event_types, count: event_types.length });
    return 0;
  }
  if (event_types.length === 0) {
    ctx.write(`No event types yet: \`${ctx.command} event-types push <file|dir>\` declares them\n`);
    return 0;
  }
  printEventTypeTable(ctx, event_types);
  ctx.write(`${event_types.length} event type${event_types.length === 1 ? '' : 's'}\n`);
  return 0;
};
