import type { Notification } from '@oriva/sdk';
import type { ComponentChildren } from 'preact';
import { AppIcon } from './app-icon.js';
import { relativeAge, safeActionUrl } from './format.js';

interface Props {
  item: Notification;
  now: number;
  /** What this card adds to the unread badge: 1 or 0, or for a group card its group's unread count. */
  unread: number;
  busy: boolean;
  /** For a group's newest notification in a grouped feed: whether the rest of the group is shown. */
  expanded?: boolean | undefined;
  onToggleGroup?: (item: Notification) => void;
  onOpen: (item: Notification, url: string) => void;
  onRead: (item: Notification) => void;
  onUnread: (item: Notification) => void;
  onDismiss: (item: Notification) => void;
  /** The rest of an expanded group. */
  children?: ComponentChildren;
}

/**
 * One notification. Every piece of its text is a Preact text node: a title such as
 * `<img src=x onerror=alert(1)>` shows as those characters and never becomes markup.
 */
export function NotificationItem({
  item,
  now,
  unread,
  busy,
  expanded,
  onToggleGroup,
  onOpen,
  onRead,
  onUnread,
  onDismiss,
  children,
}: Props) {
  const url = safeActionUrl(item.action_url);
  const live = item.status !== 'dismissed' && item.status !== 'expired';
  const titleId = `title-${item.id}`;
  const groupCount = item.group_count ?? 1;
  const created = new Date(item.created_at);
  // One primary action per card: the notification's own action, else marking it read.
  const primary = url && live ? 'open' : item.status === 'unread' ? 'read' : null;
  const quiet = 'small quiet';

  return (
    <li
      class={`item status-${item.status} priority-${item.priority}`}
      data-notification-id={item.id}
      data-app-id={item.app_id}
      data-status={item.status}
      data-priority={item.priority}
      data-unread={unread}
      aria-labelledby={titleId}
    >
      <AppIcon appId={item.app_id} name={item.app_name} url={item.app_icon ?? item.icon_url} size={40} />
      <div class="content">
        <p class="meta">
          <span class="app">{item.app_name}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={item.created_at} title={created.toLocaleString()}>
            {relativeAge(item.created_at, now)}
          </time>
          {item.priority !== 'normal' && <span class={`priority ${item.priority}`}>{item.priority}</span>}
          {item.status === 'unread' ? (
            <span class="unread-dot" title="Unread">
              <span class="sr-only">Unread</span>
            </span>
          ) : (
            item.status !== 'read' && <span class="status">{item.status}</span>
          )}
        </p>
        <h3 id={titleId} tabIndex={-1}>
          {item.title}
        </h3>
        {item.body && <p class="body">{item.body}</p>}
        {groupCount > 1 && (
          <p class="group">
            {groupCount} notifications in this group{expanded ? '' : '; the newest is shown'}
            {unread > 1 && <span class="group-unread">{unread} unread</span>}
            {onToggleGroup && expanded !== undefined && (
              <>
                {' '}
                <button
                  type="button"
                  class="link"
                  aria-expanded={expanded}
                  aria-label={`${expanded ? 'Hide' : 'Show'} the ${groupCount - 1} earlier in this group: ${item.title}`}
                  onClick={() => onToggleGroup(item)}
                >
                  {expanded ? 'Hide earlier' : `Show ${groupCount - 1} earlier`}
                </button>
              </>
            )}
          </p>
        )}
        <div class="actions">
          {url && live && (
            <button type="button" class="primary small" disabled={busy} onClick={() => onOpen(item, url)}>
              {item.action_label || 'Open'}
            </button>
          )}
          {item.status === 'unread' && (
            <button
              type="button"
              class={primary === 'read' ? 'primary small' : quiet}
              disabled={busy}
              aria-label={`Mark read: ${item.title}`}
              onClick={() => onRead(item)}
            >
              Mark read
            </button>
          )}
          {(item.status === 'read' || item.status === 'clicked') && (
            <button
              type="button"
              class={quiet}
              disabled={busy}
              aria-label={`Mark unread: ${item.title}`}
              onClick={() => onUnread(item)}
            >
              Mark unread
            </button>
          )}
          {live && (
            <button
              type="button"
              class={quiet}
              disabled={busy}
              aria-label={`Dismiss: ${item.title}`}
              onClick={() => onDismiss(item)}
            >
              Dismiss
            </button>
          )}
          {item.status === 'dismissed' && (
            <button
              type="button"
              class={quiet}
              disabled={busy}
              aria-label={`Restore: ${item.title}`}
              onClick={() => onUnread(item)}
            >
              Restore
            </button>
          )}
        </div>
        {children}
      </div>
    </li>
  );
}
