import type { EventDataOf, ServerEventName } from '@oriva/contract';
import { newId } from '../../ids.js';
import type { EventRecord, NotificationRecord } from '../../storage/types.js';

/** Who changed a notification, as its events name them (`changed_by`, `deleted_by`). */
export type Actor = 'user' | 'app' | 'admin' | 'system';

/** `read`, `dismissed`, …: the notification events the server records, whose `event_data` the contract declares. */
type NotificationEventType = ServerEventName extends infer Name
  ? Name extends `notification.${infer Type}`
    ? Type
    : never
  : never;

/**
 * An event about a notification, attributed to the app that owns it, whoever caused it. Its
 * `entity_id` is the app's own id for the notification, so the app can act on it directly.
 */
export function notificationEvent<Type extends NotificationEventType>(
  view: Pick<NotificationRecord, 'id' | 'app_id' | 'user_id' | 'external_id'>,
  type: Type,
  at: string,
  data: Omit<EventDataOf<`notification.${Type}`>, 'notification_id'>,
): EventRecord {
  return {
    id: newId('evt'),
    app_id: view.app_id,
    user_id: view.user_id,
    event_category: 'notification',
    event_type: type,
    entity_type: 'notification',
    entity_id: view.external_id,
    event_data: JSON.stringify({ notification_id: view.id, ...data }),
    timestamp: at,
    ip_address: null,
    user_agent: null,
  };
}
