import { createClient, requireAppId } from '../../client.js';
import { streamingColumns } from '../../output.js';
import { stopRequested } from '../../stop-signal.js';
import type { Handler } from '../define.js';
import { announceStreamState, EVENT_LINE_COLUMNS, formatEventLine, resolveSince, streamEnded } from './shared.js';
import type { declaration } from './tail.js';

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  requireAppId(ctx);
  const { oriva } = await createClient(ctx, 'app-or-admin');
  const since = await resolveSince(oriva, options.since);
  const stream = oriva.stream({
    ...(options.events === undefined ? {} : { events: options.events }),
    ...(options.user === undefined ? {} : { userId: options.user }),
    ...(since === undefined ? {} : { since }),
  });
  if (!ctx.json) announceStreamState(ctx, stream, 'streaming');
  const stop = stopRequested(ctx);
  void stop.wait.then(() => stream.close());
  const columns = streamingColumns(EVENT_LINE_COLUMNS);
  let printed = 0;
  try {
    if (options.count === 0) return 0;
    for await (const event of stream) {
      ctx.write(ctx.json ? `${JSON.stringify(event)}\n` : `${formatEventLine(ctx, event, columns)}\n`);
      printed += 1;
      if (options.count !== undefined && printed >= options.count) break;
    }
  } catch (error) {
    throw streamEnded(error, 'check --api-key (or --admin-token) and --app-id');
  } finally {
    stop.dispose();
    stream.close();
  }
  return 0;
};
