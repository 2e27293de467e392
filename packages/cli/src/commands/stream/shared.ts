/** Following the app's event stream, shared by `stream tail` and `listen`. */
import type { ConsumerEvent, Oriva, Stream } from '@oriva/sdk';
import type { CommandContext } from '../../context.js';
import { parseTimeBound } from '../../duration.js';
import { UsageError, UserError } from '../../errors.js';
import { escapeTerminal, shortTime, type streamingColumns } from '../../output.js';

/**
 * `--since`: a position (`48213`) or an event id (`evt_…`) is passed to the stream as is. A time (an
 * ISO-8601 time, or a duration ago such as `10m`) is turned into the newest event of the app published
 * before it (`GET /apps/{app}/events?end_date=<time>&limit=1`, newest first): the stream resumes after
 * that event, so it starts with the first event at or after the time. With no event before it, the
 * stream starts from the beginning (`since=0`; the server replays at most ORIVA_STREAM_MAX_REPLAY events).
 */
export async function resolveSince(oriva: Oriva, since: string | undefined): Promise<string | undefined> {
  if (since === undefined) return undefined;
  const text = since.trim();
  if (/^\d{1,15}$/.test(text) || /^evt_[0-9A-Z]{26}$/.test(text)) return text;
  const time = parseTimeBound(text);
  if (time === undefined) {
    throw new UsageError(`--since ${JSON.stringify(since)} is not a position, an event id or a time`, {
      hint: 'use e.g. --since 48213, --since evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T, --since 10m or --since 2025-09-30T10:00:00Z',
    });
  }
  const page = await oriva.events.list({ end_date: time, limit: 1 });
  return page.data[0]?.id ?? '0';
}

/** Notes on stderr as the stream connects, reconnects or has to skip ahead (human output only). */
export function announceStreamState(ctx: CommandContext, stream: Stream, verb: 'streaming' | 'forwarding'): void {
  stream.on('ready', (ready) =>
    ctx.note(
      ctx.err.dim(
        `${verb} ${ready.events.join(',')} (${ready.resume === 'complete' ? 'resumed' : `position ${ready.position}`}); Ctrl-C stops`,
      ),
    ),
  );
  stream.on('reconnecting', (info) =>
    ctx.note(
      `${ctx.err.yellow('note:')} connection lost${info.reason ? ` (${info.reason})` : ''}; reconnecting in ${(info.delayMs / 1000).toFixed(1)} s`,
    ),
  );
  stream.on('resync', () =>
    ctx.note(`${ctx.err.yellow('note:')} missed too many events to replay; continuing with the live events`),
  );
}

/** A `StreamError` (the server closed the stream for good) as a one-line error with `hint`; anything else as is. */
export function streamEnded(error: unknown, hint: string): unknown {
  const fatal = error as { name?: string; message?: string };
  if (fatal?.name !== 'StreamError') return error;
  return new UserError(`the stream ended: ${fatal.message}`, { code: 'stream_error', hint, cause: error });
}

/** Time, type, user, entity, position: room for typical values, so the first lines already line up. */
export const EVENT_LINE_COLUMNS = [20, 32, 16, 36];

/** One event as `stream tail` and `events poll` print it. */
export function formatEventLine(
  ctx: CommandContext,
  event: ConsumerEvent,
  columns: ReturnType<typeof streamingColumns>,
): string {
  return columns([
    ctx.out.dim(shortTime(event.timestamp)),
    ctx.out.bold(escapeTerminal(event.type)),
    escapeTerminal(event.user_id ?? '-'),
    escapeTerminal(`${event.entity_type}:${event.entity_id}`),
    ctx.out.dim(`#${event.position}`),
  ]);
}
