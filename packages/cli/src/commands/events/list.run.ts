import { createClient, requireAppId } from '../../client.js';
import type { CommandContext } from '../../context.js';
import { parseTimeBound } from '../../duration.js';
import { UsageError } from '../../errors.js';
import { formatTable, shortTime } from '../../output.js';
import type { Handler } from '../define.js';
import { pageSize } from '../paging.js';
import { type declaration, EVENT_PAGES } from './list.js';

interface EventLike {
  id: string;
  type?: string;
  event_category?: string;
  event_type?: string;
  entity_type?: string;
  entity_id?: string;
  user_id?: string | null;
  timestamp: string;
}

function timeBound(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = parseTimeBound(value);
  if (parsed === undefined) {
    throw new UsageError(`${flag} ${JSON.stringify(value)} is neither an ISO-8601 time nor a duration`, {
      hint: `use e.g. ${flag} 2025-09-30T10:00:00Z, ${flag} 2025-09-30, ${flag} 90m or ${flag} 2d`,
    });
  }
  return parsed;
}

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  const start = timeBound('--since', options.since);
  const end = timeBound('--until', options.until);
  requireAppId(ctx);
  const query = {
    ...(options.category === undefined ? {} : { event_category: options.category }),
    ...(options.type === undefined ? {} : { event_type: options.type }),
    ...(options.user === undefined ? {} : { user_id: options.user }),
    ...(options.entity === undefined ? {} : { entity_id: options.entity }),
    ...(start === undefined ? {} : { start_date: start }),
    ...(end === undefined ? {} : { end_date: end }),
    limit: pageSize(options, EVENT_PAGES),
  };
  const { oriva } = await createClient(ctx, 'app-or-admin');

  if (options.all) {
    const events: EventLike[] = [];
    for await (const event of oriva.events.list(query)) events.push(event);
    if (ctx.json) {
      ctx.printJson({ events, count: events.length });
      return 0;
    }
    printTable(ctx, events);
    ctx.write(`${events.length} event${events.length === 1 ? '' : 's'}\n`);
    return 0;
  }

  const page = await oriva.events.list(query);
  const events: EventLike[] = page.data;
  if (ctx.json) {
    ctx.printJson({ events, pagination: page.pagination });
    return 0;
  }
  printTable(ctx, events);
  const total = page.pagination.total;
  if (events.length < total) {
    ctx.write(ctx.out.dim(`${events.length} of ${total} events, newest first; --all shows every one\n`));
  } else {
    ctx.write(`${events.length} event${events.length === 1 ? '' : 's'}\n`);
  }
  return 0;
};

function printTable(ctx: CommandContext, events: EventLike[]) {
  if (events.length === 0) return;
  ctx.write(
    formatTable(
      ['ID', 'TIME', 'TYPE', 'USER', 'ENTITY'],
      events.map((event) => [
        event.id,
        shortTime(event.timestamp),
        event.type ?? `${event.event_category}.${event.event_type}`,
        event.user_id ?? '',
        [event.entity_type, event.entity_id].filter(Boolean).join(':'),
      ]),
      { headerStyle: ctx.out.bold, maxCellWidth: 60 },
    ),
  );
}
