import type { CreateNotificationRequest } from '@oriva/sdk';
import { createClient, requireAppId } from '../../client.js';
import { parseFutureTime } from '../../duration.js';
import { ContextualError, UsageError } from '../../errors.js';
import { parseJsonObject } from '../../ndjson.js';
import { escapeTerminal as safe } from '../../output.js';
import type { Handler, OptionsOf } from '../define.js';
import type { declaration } from './create.js';

type Options = OptionsOf<typeof declaration>;

type FlagKey = Exclude<keyof Options, 'bodyJson'>;

/** Each flag, how it is spelled, and the request field it sets. */
const FLAGS: readonly (readonly [FlagKey, string, string])[] = [
  ['user', '--user', 'user_id'],
  ['externalId', '--external-id', 'external_id'],
  ['type', '--type', 'notification_type'],
  ['title', '--title', 'title'],
  ['body', '--body', 'body'],
  ['actionUrl', '--action-url', 'action_url'],
  ['actionLabel', '--action-label', 'action_label'],
  ['imageUrl', '--image-url', 'image_url'],
  ['iconUrl', '--icon-url', 'icon_url'],
  ['priority', '--priority', 'priority'],
  ['expiresAt', '--expires-at', 'expires_at'],
  ['context', '--context', 'context_data'],
  ['groupKey', '--group-key', 'group_key'],
];
const REQUIRED: readonly FlagKey[] = ['user', 'externalId', 'type', 'title'];

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  const usesFlags = FLAGS.some(([key]) => options[key] !== undefined);
  if (usesFlags && options.bodyJson !== undefined) {
    throw new UsageError('use the notification flags or --body-json, not both', {
      hint: 'run `oriva notifications create --help` for examples',
    });
  }
  if (!usesFlags && options.bodyJson === undefined) {
    throw new UsageError('nothing to create', {
      hint: 'give the notification as flags (--user --external-id --type --title [--body …]) or whole as --body-json <json>',
    });
  }
  const params = options.bodyJson === undefined ? fromFlags(options) : fromJson(options.bodyJson);
  requireAppId(ctx);
  const { oriva } = await createClient(ctx, 'app');

  let result: Awaited<ReturnType<ReturnType<typeof oriva.notifications.create>['withResponse']>>;
  try {
    result = await oriva.notifications.create(params as unknown as CreateNotificationRequest).withResponse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const externalId = String(params.external_id ?? params.notification_id ?? '');
    throw new ContextualError(error, {
      // Name the flag next to the API's field, so the user knows what to change.
      ...(options.bodyJson === undefined
        ? {
            mapFieldPath: (path: string) => {
              const flag = FLAGS.find(([, , field]) => path === field || path.startsWith(`${field}.`))?.[1];
              return flag ? `${path} (${flag})` : path;
            },
          }
        : {}),
      ...(code === 'notification_exists'
        ? {
            hint: `the app already has a notification ${JSON.stringify(externalId)} with other content: use another --external-id, or delete the old one with \`${ctx.command} notifications delete ${externalId}\``,
          }
        : {}),
    });
  }
  const { data, response } = result;
  const created = response.status === 201;
  if (ctx.json) {
    ctx.printJson({ ...data, created });
    return 0;
  }
  const what = `${ctx.out.bold(safe(data.notification_id))} (${safe(String(params.external_id ?? params.notification_id))})`;
  if (created) {
    ctx.write(`${ctx.out.green('✔')} Created notification ${what} for ${safe(String(params.user_id))}\n`);
  } else {
    ctx.write(`Notification ${what} already exists with the same content: nothing changed\n`);
  }
  return 0;
};

function fromFlags(options: Options): Record<string, unknown> {
  const missing = REQUIRED.filter((key) => options[key] === undefined).map(
    (key) => FLAGS.find(([flag]) => flag === key)?.[1],
  );
  if (missing.length) {
    throw new UsageError(`missing ${missing.join(', ')}`, {
      hint: 'a notification needs --user, --external-id, --type and --title (or pass it whole with --body-json)',
    });
  }
  const params: Record<string, unknown> = {};
  for (const [key, , field] of FLAGS) {
    const value = options[key];
    if (value !== undefined && key !== 'context' && key !== 'expiresAt') params[field] = value;
  }
  if (options.expiresAt !== undefined) {
    const expiresAt = parseFutureTime(options.expiresAt);
    if (expiresAt === undefined) {
      throw new UsageError(
        `--expires-at ${JSON.stringify(options.expiresAt)} is neither an ISO-8601 time nor a duration`,
        {
          hint: 'use e.g. --expires-at 2025-09-30T12:00:00Z, or --expires-at 2h (two hours from now)',
        },
      );
    }
    params.expires_at = expiresAt;
  }
  if (options.context !== undefined) {
    const parsed = parseJsonObject(options.context);
    if ('error' in parsed) {
      throw new UsageError(`--context is ${parsed.error}`, {
        hint: `pass an object, e.g. --context '{"session_id":"session_789"}'`,
      });
    }
    params.context_data = parsed.value;
  }
  return params;
}

function fromJson(text: string): Record<string, unknown> {
  const parsed = parseJsonObject(text);
  if ('error' in parsed) {
    throw new UsageError(`--body-json is ${parsed.error}`, {
      hint: `pass the notification as an object: --body-json '{"external_id":"wb_notif_123","user_id":"user_456","notification_type":"session_reminder","title":"Hi"}'`,
    });
  }
  return parsed.value;
}
