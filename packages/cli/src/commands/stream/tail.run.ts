import type { StreamEvent } from '@oriva/sdk';
import { createClient, requireAppId } from '../../client.js';
import type { CommandContext } from '../../context.js';
import { escapeTerminal, shortTime, streamingColumns } from '../../output.js';
import { stopRequested } from '../../stop-signal.js';
import type { Handler } from '../define.js';
import { announceStreamState, resolveSince, streamEnded } from './shared.js';
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
  const columns = streamingColumns(TAIL_COLUMNS);
  let printed = 0;
  try {
    if (options.count === 0) return 0;
    for await (const event of stream) {
      ctx.write(ctx.json ? `${JSON.stringify(event)}\n` : `${formatLine(ctx, event, columns)}\n`);
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

/** Time, type, user, entity, position: room for typical values, so the first lines already line up. */
const TAIL_COLUMNS = [20, 32, 16, 36];

function formatLine(ctx: CommandContext, event: StreamEvent, columns: ReturnType<typeof streamingColumns>): string {
  return columns([
    ctx.out.dim(shortTime(event.timestamp)),
    ctx.out.bold(escapeTerminal(event.type)),
    escapeTerminal(event.user_id ?? '-'),
    escapeTerminal(`${event.entity_type}:${event.entity_id}`),
    ctx.out.dim(`#${event.position}`),
  ]);
}
