/**
 * `oriva trigger <event_type>`: the shared trigger (event-types/trigger.ts) with the CLI's flags,
 * output and error mapping: a field the server refuses is named with the `--set` that changes it.
 */
import { createClient, requireAppId } from '../../client.js';
import type { CommandContext } from '../../context.js';
import { ContextualError, UsageError } from '../../errors.js';
import { type Override, OverrideError, parseOverride } from '../../event-types/overrides.js';
import { DEFAULT_TRIGGER_USER, type TriggerResult, trigger } from '../../event-types/trigger.js';
import { escapeTerminal as safe } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './trigger.js';

export const run: Handler<typeof declaration> = async (ctx, [eventType], options) => {
  const overrides = parseOverrides(options.set ?? []);
  const appId = requireAppId(ctx);
  const { oriva } = await createClient(ctx, 'app');
  let result: TriggerResult;
  try {
    result = await trigger(oriva, {
      eventType,
      appId,
      userId: options.user ?? DEFAULT_TRIGGER_USER,
      entityId: options.entityId,
      overrides,
      webhookId: options.webhook,
    });
  } catch (error) {
    throw new ContextualError(error, {
      // `event_data/mood/label` is changed with `--set mood.label=…`.
      mapFieldPath: (path) => {
        const match = /^event_data\/(.+)$/.exec(path);
        return match?.[1] ? `${path} (--set ${match[1].split('/').join('.')}=…)` : path;
      },
    });
  }
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  for (const gap of result.gaps ?? []) {
    ctx.note(
      `${ctx.err.yellow('!')} the generated event_data may not fit the schema at ${safe(gap.path || '/')}: ${safe(gap.reason)}`,
    );
  }
  printResult(ctx, result);
  return 0;
};

function parseOverrides(values: readonly string[]): Override[] {
  return values.map((value) => {
    try {
      return parseOverride(value);
    } catch (error) {
      if (!(error instanceof OverrideError)) throw error;
      throw new UsageError(`--set ${error.message}`, { hint: 'e.g. --set duration=1500 --set mood.label=calm' });
    }
  });
}

const SOURCES: Record<TriggerResult['source'], string> = {
  example: 'its first example',
  generated: 'a value generated from its schema',
  fixture: 'a fixture',
};

function printResult(ctx: CommandContext, result: TriggerResult): void {
  const what = result.notification_id
    ? `, notification ${ctx.out.bold(safe(result.notification_id))}`
    : result.deliveries
      ? `, ${result.deliveries.length} webhook${result.deliveries.length === 1 ? '' : 's'}`
      : '';
  ctx.write(
    `${ctx.out.green('✔')} Triggered ${ctx.out.bold(safe(result.event_type))} with ${SOURCES[result.source]}${what}\n`,
  );
  for (const event of result.events) {
    ctx.write(
      `  ${safe(event.type).padEnd(24)} ${event.event_id ? safe(event.event_id) : ctx.out.dim('(not found)')}\n`,
    );
  }
  for (const delivery of result.deliveries ?? []) {
    ctx.write(`  ${ctx.out.dim(`delivery ${safe(delivery.delivery_id)} to ${safe(delivery.webhook_id)}`)}\n`);
  }
  if (result.event?.event_data) ctx.write(`  event_data ${safe(JSON.stringify(result.event.event_data))}\n`);
}
