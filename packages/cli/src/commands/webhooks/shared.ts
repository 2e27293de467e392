/**
 * Display and parsing shared by the webhook commands. Everything the API returns is text someone
 * else wrote: it goes through `escapeTerminal` before it reaches a terminal.
 */
import type { Delivery, Webhook } from '@oriva/sdk';
import { createClient, requireAppId } from '../../client.js';
import type { CommandContext } from '../../context.js';
import { formatAge, parseDuration, parseTimeBound } from '../../duration.js';
import { ContextualError, UsageError } from '../../errors.js';
import { formatPairs, formatTable, type Style, escapeTerminal as safe, shortTime } from '../../output.js';

/** The client for a webhook command: the app's key, else the admin token, on the configured app. */
export async function webhookClient(ctx: CommandContext) {
  requireAppId(ctx);
  return createClient(ctx, 'app-or-admin');
}

/** Each flag of `create`/`update` and the request field it sets: API field errors name the flag too. */
export const WEBHOOK_FLAGS: readonly (readonly [string, string])[] = [
  ['webhook_url', '--url'],
  ['subscribed_events', '--events'],
  ['description', '--description'],
  ['is_active', '--enable/--disable'],
  ['max_retries', '--max-retries'],
  ['retry_backoff_seconds', '--backoff-seconds'],
];

/** `subscribed_events.0` → `subscribed_events.0 (--events)`. */
export function mapWebhookField(path: string): string {
  const flag = WEBHOOK_FLAGS.find(([field]) => path === field || path.startsWith(`${field}.`))?.[1];
  return flag ? `${path} (${flag})` : path;
}

/** Runs an API call on a webhook, naming the flags in field errors and saying what to do on a 404. */
export async function onWebhook<T>(call: () => Promise<T>, id?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const { status, code } = error as { status?: unknown; code?: unknown };
    throw new ContextualError(error, {
      mapFieldPath: mapWebhookField,
      ...(status === 404 && id !== undefined ? { hint: notFoundHint(code, id) } : {}),
    });
  }
}

/** Which one was missing: the API says `delivery_not_found` when the webhook exists but the delivery does not. */
function notFoundHint(code: unknown, id: string): string {
  return code === 'delivery_not_found'
    ? `webhook ${JSON.stringify(id)} exists, but has no such delivery: \`oriva webhooks deliveries ${id}\` lists its deliveries`
    : `no webhook ${JSON.stringify(id)} on this app: \`oriva webhooks list\` shows the app's webhooks`;
}

/** `--events a.*,b.c` → `['a.*', 'b.c']`; empty entries are a usage error. */
export function parseEvents(text: string): string[] {
  const events = text.split(',').map((item) => item.trim());
  if (events.length === 0 || events.some((item) => item === '')) {
    throw new UsageError(`--events ${JSON.stringify(text)} has an empty pattern`, {
      hint: 'give comma-separated event types or patterns, e.g. --events notification.dismissed,notification.clicked or --events "notification.*"',
    });
  }
  return events;
}

/** `--since`/`--until`: ISO-8601 or a duration ago. */
export function timeBound(flag: string, value: string): string {
  const parsed = parseTimeBound(value);
  if (parsed === undefined) {
    throw new UsageError(`${flag} ${JSON.stringify(value)} is neither an ISO-8601 time nor a duration`, {
      hint: `use e.g. ${flag} 2025-09-30T10:00:00Z, ${flag} 2025-09-30, ${flag} 90m or ${flag} 2d`,
    });
  }
  return parsed;
}

/** `--grace 24h` → 86400 (whole seconds). */
export function graceSeconds(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || !Number.isSafeInteger(Math.round(ms / 1000))) {
    throw new UsageError(`--grace ${JSON.stringify(value)} is not a duration`, {
      hint: 'use e.g. --grace 24h, --grace 30m, --grace 0 (the old secret stops now), or seconds: --grace 3600',
    });
  }
  return Math.round(ms / 1000);
}

function styledActive(style: Style, webhook: Webhook): string {
  if (webhook.is_active) return style.green('yes');
  return webhook.disabled_reason ? `${style.red('no')} ${style.dim(`(${safe(webhook.disabled_reason)})`)}` : 'no';
}

/**
 * The words the webhook commands share: a delivery is one event sent to one webhook; each HTTP request
 * for it (the first and every retry) is an attempt. The webhook's counters count attempts.
 */
export const WEBHOOK_COLUMNS = ['ID', 'URL', 'EVENTS', 'ACTIVE', 'ATTEMPTS', 'FAILED', 'IN A ROW'];

/** One table row under WEBHOOK_COLUMNS: attempts made, how many failed, how many of the last failed in a row. */
export function webhookRow(webhook: Webhook, style: Style): string[] {
  return [
    safe(webhook.id),
    safe(webhook.webhook_url),
    safe(webhook.subscribed_events.join(',')),
    styledActive(style, webhook),
    String(webhook.total_deliveries),
    String(webhook.total_failures),
    String(webhook.consecutive_failures),
  ];
}

export function printWebhookTable(ctx: CommandContext, webhooks: Webhook[]): void {
  if (webhooks.length === 0) return;
  ctx.write(
    formatTable(
      WEBHOOK_COLUMNS,
      webhooks.map((webhook) => webhookRow(webhook, ctx.out)),
      { headerStyle: ctx.out.bold, maxCellWidth: 60 },
    ),
  );
}

/** Every field worth showing, as `label  value` pairs. */
export function describeWebhook(webhook: Webhook, style: Style): string {
  const pairs: [string, string][] = [
    ['id', safe(webhook.id)],
    ['url', safe(webhook.webhook_url)],
    ['events', safe(webhook.subscribed_events.join(', '))],
    ['active', styledActive(style, webhook)],
  ];
  if (webhook.description) pairs.push(['description', safe(webhook.description)]);
  pairs.push(
    ['retries', `${webhook.max_retries}, first after ${webhook.retry_backoff_seconds}s (doubling)`],
    [
      'attempts',
      `${webhook.total_deliveries} made, ${webhook.total_failures} failed${webhook.consecutive_failures > 0 ? `, the last ${webhook.consecutive_failures} in a row` : ''} (every try of every delivery)`,
    ],
  );
  if (webhook.last_success_at) pairs.push(['last success', shortTime(webhook.last_success_at)]);
  if (webhook.last_failure_at) pairs.push(['last failure', shortTime(webhook.last_failure_at)]);
  if (webhook.previous_secret_expires_at) {
    pairs.push(['old secret until', shortTime(webhook.previous_secret_expires_at)]);
  }
  pairs.push(['signatures', webhook.signature_scheme === 'ed25519' ? 'ed25519 (v1a)' : 'hmac (v1)']);
  for (const key of webhook.public_keys ?? []) {
    const until = key.expires_at ? ` (old key, signs until ${shortTime(key.expires_at)})` : '';
    pairs.push(['public key', `${safe(key.public_key)} kid ${safe(key.kid)}${until}`]);
  }
  pairs.push(['created', shortTime(webhook.created_at)]);
  return formatPairs(pairs, style.dim);
}

function styledStatus(style: Style, status: string): string {
  if (status === 'succeeded') return style.green(status);
  if (status === 'failed') return style.red(status);
  return style.yellow(status);
}

/** One table row: id, type, status, attempts, last status code, age. */
export function deliveryRow(delivery: Delivery, style: Style, now: Date = new Date()): string[] {
  const last = delivery.attempt_log.at(-1);
  return [
    safe(delivery.id),
    safe(delivery.event_type),
    styledStatus(style, delivery.status),
    String(delivery.attempts),
    last ? (last.status_code === null ? safe(last.error_message ?? 'error') : String(last.status_code)) : '',
    formatAge(delivery.created_at, now),
  ];
}

export function printDeliveryTable(ctx: CommandContext, deliveries: Delivery[]): void {
  if (deliveries.length === 0) return;
  const now = new Date();
  ctx.write(
    formatTable(
      ['ID', 'TYPE', 'STATUS', 'ATTEMPTS', 'LAST ATTEMPT', 'AGE'],
      deliveries.map((delivery) => deliveryRow(delivery, ctx.out, now)),
      { headerStyle: ctx.out.bold, maxCellWidth: 60 },
    ),
  );
}
