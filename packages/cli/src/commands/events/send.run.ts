import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createClient, requireAppId } from '../../client.js';
import type { CommandContext } from '../../context.js';
import { ContextualError, UsageError, UserError } from '../../errors.js';
import { parseJsonObject, parseNdjson } from '../../ndjson.js';
import { shortTime } from '../../output.js';
import { createProgress } from '../../progress.js';
import type { Handler, OptionsOf } from '../define.js';
import type { declaration } from './send.js';

type Options = OptionsOf<typeof declaration>;

/** The API's batch limit: one `publishBatch` call per 500 events. */
export const BATCH_SIZE = 500;
/** At most this many bad lines are listed; the count says how many more there are. */
const MAX_REPORTED_LINES = 20;

const FLAG_FIELDS = [
  ['category', '--category', 'event_category'],
  ['type', '--type', 'event_type'],
  ['entityType', '--entity-type', 'entity_type'],
  ['entityId', '--entity-id', 'entity_id'],
  ['user', '--user', 'user_id'],
] as const;

type EventParams = Record<string, unknown>;

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  const usesFlags = FLAG_FIELDS.some(([key]) => options[key] !== undefined) || options.data !== undefined;
  const modes = [usesFlags, options.body !== undefined, options.file !== undefined].filter(Boolean).length;
  if (modes === 0) {
    throw new UsageError('nothing to send', {
      hint: 'give the event as flags (--category --type --entity-type --entity-id --user [--data]), as --body <json>, or many as --file <events.ndjson>',
    });
  }
  if (modes > 1) {
    throw new UsageError('use one of: the event flags, --body, or --file', {
      hint: 'run `oriva events send --help` for examples',
    });
  }
  if (options.file !== undefined) {
    if (options.idempotencyKey !== undefined)
      throw new UsageError('--idempotency-key applies to a single event, not --file');
    return sendFile(ctx, options.file, options.fromLine ?? 1);
  }
  if (options.fromLine !== undefined) throw new UsageError('--from-line applies to --file');
  const event = options.body !== undefined ? eventFromBody(options.body) : eventFromFlags(options);
  return sendOne(ctx, event, options);
};

function eventFromFlags(options: Options): EventParams {
  const missing = FLAG_FIELDS.filter(([key]) => options[key] === undefined).map(([, flag]) => flag);
  if (missing.length) {
    throw new UsageError(`missing ${missing.join(', ')}`, {
      hint: 'an event needs --category, --type, --entity-type, --entity-id and --user (or pass it whole with --body)',
    });
  }
  const event: EventParams = {};
  for (const [key, , field] of FLAG_FIELDS) event[field] = options[key];
  if (options.data !== undefined) {
    const parsed = parseJsonObject(options.data);
    if ('error' in parsed) {
      throw new UsageError(`--data is ${parsed.error}`, { hint: `pass an object, e.g. --data '{"priority":"high"}'` });
    }
    event.event_data = parsed.value;
  }
  return event;
}

function eventFromBody(body: string): EventParams {
  const parsed = parseJsonObject(body);
  if ('error' in parsed) {
    throw new UsageError(`--body is ${parsed.error}`, {
      hint: `pass the event as an object: --body '{"event_category":"task","event_type":"done","entity_type":"task","entity_id":"t1","user_id":"u1"}'`,
    });
  }
  return parsed.value;
}

async function sendOne(ctx: CommandContext, event: EventParams, options: Options) {
  requireAppId(ctx);
  const { oriva } = await createClient(ctx, 'app');
  let result: { event_id: string; timestamp: string };
  try {
    result = await oriva.events.publish(
      event as unknown as Parameters<typeof oriva.events.publish>[0],
      options.idempotencyKey === undefined ? undefined : { idempotencyKey: options.idempotencyKey },
    );
  } catch (error) {
    if (options.body !== undefined) throw error;
    // Name the flag next to the API's field, so the user knows what to change.
    throw new ContextualError(error, {
      mapFieldPath: (path) => {
        const flag =
          FLAG_FIELDS.find(([, , field]) => path === field)?.[1] ??
          (path.startsWith('event_data') ? '--data' : undefined);
        return flag ? `${path} (${flag})` : path;
      },
    });
  }
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const type = `${String(event.event_category)}.${String(event.event_type)}`;
  ctx.write(
    `${ctx.out.green('✔')} Published ${ctx.out.bold(result.event_id)} (${type}) at ${shortTime(result.timestamp)}\n`,
  );
  return 0;
}

async function sendFile(ctx: CommandContext, file: string, fromLine: number) {
  const path = resolve(ctx.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`,
    );
  }
  const { records, errors } = parseNdjson(text);
  if (errors.length) {
    const listed = errors.slice(0, MAX_REPORTED_LINES).map((error) => `${file}:${error.line}: ${error.message}`);
    if (errors.length > MAX_REPORTED_LINES) listed.push(`… and ${errors.length - MAX_REPORTED_LINES} more`);
    const first = errors[0] as { line: number };
    throw new UserError(
      errors.length === 1
        ? `${file} line ${first.line} is not an event; nothing was sent`
        : `${file} has ${errors.length} bad lines (first: line ${first.line}); nothing was sent`,
      { details: listed, hint: 'each non-blank line must be one JSON object: the event, as for --body' },
    );
  }
  if (records.length === 0) throw new UserError(`${file} holds no events; nothing was sent`);
  // Every line was checked above, also those before --from-line: a resumed file is the same file.
  const pending = records.filter((record) => record.line >= fromLine);
  if (pending.length === 0) {
    throw new UserError(`${file} holds no events at or after line ${fromLine}; nothing was sent`);
  }

  const appId = requireAppId(ctx);
  const { oriva } = await createClient(ctx, 'app');
  const batches = Math.ceil(pending.length / BATCH_SIZE);
  const progress =
    ctx.stderr.isTTY === true && !ctx.json ? createProgress(ctx.stderr, pending.length, 'sending') : undefined;
  const published: { event_id: string; timestamp: string }[] = [];
  try {
    for (let start = 0; start < pending.length; start += BATCH_SIZE) {
      const batch = pending.slice(start, start + BATCH_SIZE);
      const events = batch.map((record) => record.value) as unknown as Parameters<typeof oriva.events.publishBatch>[0];
      try {
        const result = await oriva.events.publishBatch(events);
        published.push(...(result.events ?? []));
      } catch (error) {
        const firstLine = batch[0]?.line ?? 0;
        const lastLine = batch[batch.length - 1]?.line ?? 0;
        const lastStoredLine = pending[start - 1]?.line ?? 0;
        // A batch is stored whole or not at all, so everything before this batch is in, nothing after.
        throw new ContextualError(error, {
          // The API names `events.<index>.<field>`: point at the file's line instead.
          mapFieldPath: (fieldPath) => {
            const match = /^events\.(\d+)(?:\.(.*))?$/.exec(fieldPath);
            const record = match ? batch[Number(match[1])] : undefined;
            return record && match ? `${file}:${record.line}${match[2] ? ` ${match[2]}` : ''}` : fieldPath;
          },
          details: [
            start === 0
              ? `the batch with lines ${firstLine}-${lastLine} was rejected; nothing was stored`
              : `the batch with lines ${firstLine}-${lastLine} was rejected; ${start} events were stored (lines ${pending[0]?.line}-${lastStoredLine}, ${start / BATCH_SIZE} of ${batches} batches)`,
            `line ${firstLine} is the first unsent line; resume with: ${resumeCommand(ctx, file, firstLine)}`,
          ],
        });
      }
      progress?.update(Math.min(start + BATCH_SIZE, pending.length));
    }
  } finally {
    progress?.finish();
  }
  if (ctx.json) {
    ctx.printJson({ success: true, app_id: appId, count: pending.length, batches, events: published });
    return 0;
  }
  const lines = fromLine > 1 ? ` (lines ${pending[0]?.line}-${pending[pending.length - 1]?.line})` : '';
  ctx.write(
    `${ctx.out.green('✔')} Sent ${pending.length} event${pending.length === 1 ? '' : 's'}${lines} to ${ctx.out.bold(appId)} in ${batches} batch${batches === 1 ? '' : 'es'}\n`,
  );
  return 0;
}

/**
 * The command that sends the rest of the file, to paste as is: the same file and the non-secret
 * flags given on this command line. A key given as a flag is not echoed back onto the screen.
 */
function resumeCommand(ctx: CommandContext, file: string, fromLine: number): string {
  const flags = ctx.flags();
  const words = ['oriva', 'events', 'send', '--file', shellWord(file), '--from-line', String(fromLine)];
  if (flags.profile !== undefined) words.push('--profile', shellWord(flags.profile));
  if (flags.baseUrl !== undefined) words.push('--base-url', shellWord(flags.baseUrl));
  if (flags.appId !== undefined) words.push('--app-id', shellWord(flags.appId));
  const command = words.join(' ');
  return flags.apiKey === undefined ? command : `${command} (and your --api-key)`;
}

/** Quotes a word for a POSIX shell when it needs it. */
function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
