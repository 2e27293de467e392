/**
 * Display and actions shared by the notification commands. Everything the API returns is text
 * someone else wrote: it goes through `escapeTerminal` before it reaches a terminal.
 */
import type { Notification, SettableNotificationStatus, UpdateNotificationResponse } from '@oriva/sdk';
import { createUserOrAppClient, type UserFlags } from '../../client.js';
import type { CommandContext } from '../../context.js';
import { formatAge } from '../../duration.js';
import { ContextualError } from '../../errors.js';
import { formatPairs, formatTable, type Style, escapeTerminal as safe, shortTime } from '../../output.js';

/** Which list a table shows: a user's feed (the app column) or one app's notifications (the user column). */
export type ListSide = 'user' | 'app';

function styledPriority(style: Style, priority: string): string {
  if (priority === 'urgent') return style.red(priority);
  if (priority === 'high') return style.yellow(priority);
  if (priority === 'low') return style.dim(priority);
  return priority;
}

function styledStatus(style: Style, notification: Notification): string {
  const status = notification.status === 'unread' ? style.bold('unread') : notification.status;
  return notification.muted ? `${status} ${style.dim('(muted)')}` : status;
}

/** One table row: id, app (feed) or user (app list), priority, status, age, title. */
export function notificationRow(
  notification: Notification,
  side: ListSide,
  style: Style,
  now: Date = new Date(),
): string[] {
  const grouped = notification.group_count !== undefined && notification.group_count > 1;
  return [
    safe(notification.id),
    safe(side === 'user' ? notification.app_name || notification.app_id : notification.user_id),
    styledPriority(style, notification.priority),
    styledStatus(style, notification),
    formatAge(notification.created_at, now),
    `${grouped ? `(${notification.group_count}) ` : ''}${safe(notification.title)}`,
  ];
}

/** The table, with titles cut to the terminal's width when stdout is one. */
export function printNotificationTable(ctx: CommandContext, notifications: Notification[], side: ListSide): void {
  if (notifications.length === 0) return;
  const now = new Date();
  const columns = ctx.stdout.isTTY === true ? ctx.stdout.columns : undefined;
  ctx.write(
    formatTable(
      ['ID', side === 'user' ? 'APP' : 'USER', 'PRIORITY', 'STATUS', 'AGE', 'TITLE'],
      notifications.map((notification) => notificationRow(notification, side, ctx.out, now)),
      { headerStyle: ctx.out.bold, ...(columns ? { maxWidth: columns } : {}) },
    ),
  );
}

/** `label  value` pairs describing one notification, every value escaped. */
export function describeNotification(notification: Notification, now: Date = new Date()): [string, string][] {
  const when = (iso: string | null) => (iso ? `${shortTime(iso)} (${formatAge(iso, now)} ago)` : '');
  const pairs: [string, string | null | undefined][] = [
    ['id', notification.id],
    ['external id', notification.external_id],
    ['app', `${notification.app_name} (${notification.app_id})`],
    ['user', notification.user_id],
    ['type', notification.notification_type],
    ['priority', notification.priority],
    [
      'status',
      `${notification.status}${notification.dismissed_from ? ` (from ${notification.dismissed_from})` : ''}${notification.muted ? ' (muted)' : ''}`,
    ],
    ['title', notification.title],
    ['body', notification.body],
    [
      'action',
      notification.action_url
        ? `${notification.action_label ? `${notification.action_label} → ` : ''}${notification.action_url}`
        : null,
    ],
    ['image', notification.image_url],
    ['icon', notification.icon_url],
    ['group', notification.group_key],
    ['context', Object.keys(notification.context_data).length ? JSON.stringify(notification.context_data) : null],
    ['created', when(notification.created_at)],
    ['updated', notification.updated_at !== notification.created_at ? when(notification.updated_at) : null],
    ['read', when(notification.read_at)],
    ['clicked', when(notification.clicked_at)],
    ['dismissed', when(notification.dismissed_at)],
    ['expires', notification.expires_at ? shortTime(notification.expires_at) : null],
  ];
  return pairs
    .filter((pair): pair is [string, string] => Boolean(pair[1]))
    .map(([label, value]) => [label, safe(value)]);
}

export function printNotification(ctx: CommandContext, notification: Notification): void {
  ctx.write(formatPairs(describeNotification(notification), ctx.out.dim));
}

const DONE: Record<SettableNotificationStatus, (name: string) => string> = {
  read: (name) => `Marked ${name} read`,
  clicked: (name) => `Marked ${name} clicked`,
  dismissed: (name) => `Dismissed ${name}`,
  unread: (name) => `Marked ${name} unread`,
};

/**
 * Runs a call on one notification, replacing the generic hints of a 404 and of an ambiguous
 * external id with what to do about a notification id.
 */
export async function onNotification<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const { status, code } = error as { status?: unknown; code?: unknown };
    if (status === 404) {
      throw new ContextualError(error, {
        hint: 'an app sees only its own notifications, a user only theirs, and the admin token needs the platform id (ntf_…); `oriva notifications list` shows the ids',
      });
    }
    if (code === 'ambiguous_notification_id') {
      throw new ContextualError(error, {
        hint: 'use the platform id (ntf_…) shown by `oriva notifications list --as-user <user_id>`',
      });
    }
    throw error;
  }
}

/** `read`, `click`, `dismiss`, `unread`: one PATCH, as the user (`--as-user`, `--token`) or the owning app. */
export async function setStatus(
  ctx: CommandContext,
  id: string,
  status: SettableNotificationStatus,
  flags: UserFlags,
  details: { click_action?: string; dismissed_from?: string } = {},
): Promise<number> {
  const { oriva } = await createUserOrAppClient(ctx, flags);
  const n = oriva.notifications;
  const result: UpdateNotificationResponse = await onNotification(() => {
    if (status === 'read') return n.markRead(id);
    if (status === 'clicked') return n.markClicked(id, details);
    if (status === 'dismissed') return n.dismiss(id, details);
    return n.markUnread(id);
  });
  if (ctx.json) {
    ctx.printJson(result);
    return 0;
  }
  const name = result.notification_id === id ? safe(id) : `${safe(id)} (${safe(result.notification_id)})`;
  if (result.changed) {
    ctx.write(`${ctx.out.green('✔')} ${DONE[status](ctx.out.bold(name))}\n`);
  } else {
    ctx.write(`${name} is already ${safe(result.status)}: nothing changed\n`);
  }
  return 0;
}
