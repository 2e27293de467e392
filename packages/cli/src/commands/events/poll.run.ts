import { createClient, requireAppId } from '../../client.js';
import { streamingColumns } from '../../output.js';
import { stopRequested } from '../../stop-signal.js';
import type { Handler } from '../define.js';
import { EVENT_LINE_COLUMNS, formatEventLine } from '../stream/shared.js';
import type { declaration } from './poll.js';

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  requireAppId(ctx);
  const { oriva } = await createClient(ctx, 'app-or-admin');
  const stop = stopRequested(ctx);
  const abort = new AbortController();
  void stop.wait.then(() => abort.abort());
  const columns = streamingColumns(EVENT_LINE_COLUMNS);
  try {
    // The SDK commits a batch when the loop asks for the event after its last: once it is printed.
    for await (const event of oriva.consumers.poll(options.consumer, {
      follow: options.follow === true,
      ...(options.events === undefined ? {} : { events: options.events }),
      ...(options.user === undefined ? {} : { userId: options.user }),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      signal: abort.signal,
    })) {
      ctx.write(ctx.json ? `${JSON.stringify(event)}\n` : `${formatEventLine(ctx, event, columns)}\n`);
    }
  } finally {
    stop.dispose();
  }
  return 0;
};
