import type { Handler } from '../define.js';
import { describeEventType, eventTypeClient, onEventType } from './shared.js';
import type { declaration } from './show.js';

export const run: Handler<typeof declaration> = async (ctx, [name], options) => {
  const { oriva } = await eventTypeClient(ctx);
  const { event_type } = await onEventType(() => oriva.eventTypes.get(name, { version: options.schemaVersion }), name);
  if (ctx.json) {
    ctx.printJson({ event_type });
    return 0;
  }
  ctx.write(describeEventType(event_type, ctx.out));
  return 0;
};
