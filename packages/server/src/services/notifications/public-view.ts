import type { z } from '@hono/zod-openapi';
import type { Notification } from '@oriva/contract';
import type { NotificationView } from '../../storage/types.js';
import { readStoredJson } from '../stored-json.js';
import { effectiveStatus } from './state.js';

/** When the notification last changed, its content or its state (ISO strings compare as times). */
export function lastChanged(view: Pick<NotificationView, 'updated_at' | 'state_updated_at'>): string {
  return [view.updated_at, view.state_updated_at].sort().at(-1)!;
}

/**
 * A notification as every response shows it (and its `notification.created` event carries it): its
 * status as of `now` (past its expiry it reads as expired), stored JSON read back safely, and
 * `updated_at` as the later of its content's and its state's last change.
 */
export function toPublicNotification(
  view: NotificationView & { group_count?: number },
  now: string,
  muted: boolean,
): z.infer<typeof Notification> {
  return {
    id: view.id,
    app_id: view.app_id,
    app_name: view.app_name,
    app_icon: view.app_icon,
    external_id: view.external_id,
    user_id: view.user_id,
    notification_type: view.notification_type,
    title: view.title,
    body: view.body,
    action_url: view.action_url,
    action_label: view.action_label,
    image_url: view.image_url,
    icon_url: view.icon_url,
    priority: view.priority,
    status: effectiveStatus(view, now),
    context_data: readStoredJson(view.context_data),
    group_key: view.group_key,
    ...(view.group_count !== undefined ? { group_count: view.group_count } : {}),
    muted,
    expires_at: view.expires_at,
    read_at: view.read_at,
    clicked_at: view.clicked_at,
    dismissed_at: view.dismissed_at,
    dismissed_from: view.dismissed_from,
    click_action: view.click_action,
    delivered_at: view.delivered_at,
    created_at: view.created_at,
    updated_at: lastChanged(view),
  };
}
