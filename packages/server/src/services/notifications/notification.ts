import type { z } from '@hono/zod-openapi';
import {
  type CreateNotificationRequest,
  type EventDataOf,
  MAX_CONTEXT_DATA_BYTES,
  type Notification,
  type ServerEventName,
  type UpdateNotificationRequest,
} from '@oriva/contract';
import type { ServiceDeps } from '../../core/deps.js';
import { errors, type FieldError } from '../../core/errors.js';
import { newId } from '../../ids.js';
import type {
  EventRecord,
  NotificationContent,
  NotificationRecord,
  NotificationView,
  StoredPreferences,
} from '../../storage/types.js';
import { readStoredJson } from '../stored-json.js';
import { effectiveStatus } from './state.js';

export type CreateNotificationInput = z.infer<typeof CreateNotificationRequest>;
export type UpdateNotificationInput = z.infer<typeof UpdateNotificationRequest>;
export type Actor = 'user' | 'app' | 'admin' | 'system';

const toIso = (value: string) => new Date(value).toISOString();

/**
 * Checks the schema leaves to the server: http URLs only in dev mode (the schema allows http so
 * that dev mode can), and the serialized size of `context_data`.
 */
export function checkContent(
  deps: ServiceDeps,
  content: {
    action_url?: string | null | undefined;
    image_url?: string | null | undefined;
    icon_url?: string | null | undefined;
    context_data?: Record<string, unknown> | undefined;
  },
): string | undefined {
  const fields: FieldError[] = [];
  if (!deps.config.dev) {
    for (const field of ['action_url', 'image_url', 'icon_url'] as const) {
      const value = content[field];
      if (value && /^http:/i.test(value)) {
        fields.push({
          path: field,
          code: 'insecure_url',
          message: 'must use https (http is allowed in dev mode only)',
        });
      }
    }
  }
  const contextData = content.context_data === undefined ? undefined : JSON.stringify(content.context_data);
  if (contextData !== undefined && Buffer.byteLength(contextData) > MAX_CONTEXT_DATA_BYTES) {
    fields.push({
      path: 'context_data',
      code: 'too_big',
      message: `must be at most ${MAX_CONTEXT_DATA_BYTES} bytes when serialized`,
    });
  }
  if (fields.length > 0) throw errors.validation(fields);
  return contextData;
}

export function toNotificationRecord(
  appId: string,
  input: CreateNotificationInput,
  contextData: string | undefined,
  at: string,
): NotificationRecord {
  return {
    id: newId('ntf'),
    app_id: appId,
    external_id: input.external_id,
    user_id: input.user_id,
    notification_type: input.notification_type,
    title: input.title,
    body: input.body ?? '',
    action_url: input.action_url ?? null,
    action_label: input.action_label ?? null,
    image_url: input.image_url ?? null,
    icon_url: input.icon_url ?? null,
    priority: input.priority,
    context_data: contextData ?? '{}',
    group_key: input.group_key ?? null,
    expires_at: input.expires_at ? toIso(input.expires_at) : null,
    created_at: at,
    updated_at: at,
  };
}

/** Whether a repeated create carries what is stored: then it is the same request again, not a conflict. */
export function sameNotification(stored: NotificationRecord, candidate: NotificationRecord): boolean {
  const fields = [
    'user_id',
    'notification_type',
    'title',
    'body',
    'action_url',
    'action_label',
    'image_url',
    'icon_url',
    'priority',
    'group_key',
    'expires_at',
  ] as const;
  return (
    fields.every((field) => stored[field] === candidate[field]) &&
    canonicalJson(stored.context_data) === canonicalJson(candidate.context_data)
  );
}

function canonicalJson(text: string): string {
  const sort = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sort)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value as object)
              .sort()
              .map((key) => [key, sort((value as Record<string, unknown>)[key])]),
          )
        : value;
  return JSON.stringify(sort(JSON.parse(text)));
}

/** The content fields of a PATCH, as stored, keeping only those that differ from what is stored. */
export function contentChanges(
  view: NotificationView,
  patch: UpdateNotificationInput,
  contextData: string | undefined,
) {
  const wanted: Partial<NotificationContent> = {};
  if (patch.title !== undefined) wanted.title = patch.title;
  if (patch.body !== undefined) wanted.body = patch.body;
  if (patch.action_url !== undefined) wanted.action_url = patch.action_url;
  if (patch.action_label !== undefined) wanted.action_label = patch.action_label;
  if (patch.image_url !== undefined) wanted.image_url = patch.image_url;
  if (patch.icon_url !== undefined) wanted.icon_url = patch.icon_url;
  if (patch.priority !== undefined) wanted.priority = patch.priority;
  if (contextData !== undefined) wanted.context_data = contextData;
  if (patch.expires_at !== undefined) wanted.expires_at = patch.expires_at === null ? null : toIso(patch.expires_at);
  const changed: Partial<NotificationContent> = {};
  for (const [field, value] of Object.entries(wanted) as Array<[keyof NotificationContent, string | null]>) {
    const same =
      field === 'context_data'
        ? canonicalJson(view.context_data) === canonicalJson(value as string)
        : view[field] === value;
    if (!same) (changed as Record<string, unknown>)[field] = value;
  }
  return changed;
}

export function hasContentFields(patch: UpdateNotificationInput): boolean {
  return Object.keys(patch).some((key) => key !== 'status' && key !== 'dismissed_from' && key !== 'click_action');
}

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

export function isMuted(
  view: Pick<NotificationView, 'app_id' | 'notification_type'>,
  preferences: StoredPreferences,
): boolean {
  return (
    preferences.muted_apps.includes(view.app_id) ||
    (preferences.muted_types[view.app_id]?.includes(view.notification_type) ?? false)
  );
}

/** When the notification last changed, its content or its state (ISO strings compare as times). */
export function lastChanged(view: Pick<NotificationView, 'updated_at' | 'state_updated_at'>): string {
  return [view.updated_at, view.state_updated_at].sort().at(-1)!;
}

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
