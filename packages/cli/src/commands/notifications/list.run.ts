import type { Notification, NotificationListParams, NotificationPage } from '@oriva/sdk';
import { createClient, createUserClient, hasUserFlags, requireAppId } from '../../client.js';
import { UsageError } from '../../errors.js';
import type { Handler, OptionsOf } from '../define.js';
import { pageSize } from '../paging.js';
import { type declaration, NOTIFICATION_PAGES } from './list.js';
import { type ListSide, printNotificationTable } from './shared.js';

type Options = OptionsOf<typeof declaration>;

const APP_FLAGS = [
  ['user', '--user'],
  ['externalId', '--external-id'],
] as const;
const FEED_FLAGS = [
  ['app', '--app'],
  ['priority', '--priority'],
  ['type', '--type'],
  ['includeMuted', '--include-muted'],
  ['group', '--group'],
] as const;

/** The flags of the other list are a usage error, named with what to do instead. */
export function checkListFlags(options: Options): ListSide {
  const side: ListSide = hasUserFlags(options) ? 'user' : 'app';
  if (side === 'user') {
    const given = APP_FLAGS.filter(([key]) => options[key] !== undefined).map(([, flag]) => flag);
    if (given.length) {
      throw new UsageError(
        `${given.join(', ')} filter${given.length === 1 ? 's' : ''} an app's notifications, not a user's feed`,
        {
          hint: "with --as-user or --token the list is that user's feed; filter it with --app, --status, --priority, --type",
        },
      );
    }
  } else {
    const given: string[] = FEED_FLAGS.filter(([key]) => options[key] !== undefined).map(([, flag]) => flag);
    if (options.status === 'all') given.push('--status all');
    if (given.length) {
      throw new UsageError(`${given.join(', ')} filter${given.length === 1 ? 's' : ''} a user's feed`, {
        hint: "add --as-user <user_id> or --token <jwt> to list that user's feed; without them oriva lists the app's notifications",
      });
    }
  }
  return side;
}

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  const side = checkListFlags(options);
  const query = {
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.user === undefined ? {} : { user_id: options.user }),
    ...(options.externalId === undefined ? {} : { external_id: options.externalId }),
    ...(options.app === undefined ? {} : { app_id: options.app }),
    ...(options.priority === undefined ? {} : { priority: options.priority }),
    ...(options.type === undefined ? {} : { notification_type: options.type }),
    ...(options.includeMuted ? { include_muted: true } : {}),
    ...(options.group ? { group: true } : {}),
    limit: pageSize(options, NOTIFICATION_PAGES),
  } as NotificationListParams;
  if (side === 'app') requireAppId(ctx);
  const { oriva } = side === 'user' ? await createUserClient(ctx, options) : await createClient(ctx, 'app-or-admin');

  const first = await oriva.notifications.list(query);
  const counts =
    side === 'user' ? { unread_count: first.unreadCount ?? 0, muted_unread_count: first.mutedUnreadCount ?? 0 } : {};

  if (options.all) {
    const notifications: Notification[] = [];
    for await (const page of first.iterPages()) notifications.push(...page.data);
    if (ctx.json) {
      ctx.printJson({ notifications, count: notifications.length, ...counts });
      return 0;
    }
    printNotificationTable(ctx, notifications, side);
    ctx.write(`${plural(notifications.length)}${unreadNote(first, side)}\n`);
    return 0;
  }

  const notifications = first.data;
  if (ctx.json) {
    ctx.printJson({ notifications, pagination: first.pagination, ...counts });
    return 0;
  }
  printNotificationTable(ctx, notifications, side);
  const total = first.pagination.total;
  if (notifications.length < total) {
    ctx.write(
      ctx.out.dim(
        `${notifications.length} of ${plural(total)}, newest first; --all shows every one${unreadNote(first, side)}\n`,
      ),
    );
  } else {
    ctx.write(`${plural(notifications.length)}${unreadNote(first, side)}\n`);
  }
  return 0;
};

function plural(count: number): string {
  return `${count} notification${count === 1 ? '' : 's'}`;
}

/** On a feed: ` · 3 unread (1 more muted)`. */
function unreadNote(page: NotificationPage, side: ListSide): string {
  if (side !== 'user' || page.unreadCount === null) return '';
  const muted = page.mutedUnreadCount ? ` (${page.mutedUnreadCount} more muted)` : '';
  return ` · ${page.unreadCount} unread${muted}`;
}
