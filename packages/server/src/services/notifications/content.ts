import type { z } from '@hono/zod-openapi';
import {
  type CreateNotificationRequest,
  MAX_CONTEXT_DATA_BYTES,
  type UpdateNotificationRequest,
} from '@oriva/contract';
import type { ServiceDeps } from '../../core/deps.js';
import { errors, type FieldError } from '../../core/errors.js';
import { newId } from '../../ids.js';
import type { NotificationContent, NotificationRecord, NotificationView } from '../../storage/types.js';

/** What an app writes: a notification's content, checked, stored, compared with what is stored. */

export type CreateNotificationInput = z.infer<typeof CreateNotificationRequest>;
export type UpdateNotificationInput = z.infer<typeof UpdateNotificationRequest>;

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
