/**
 * Platform events (`user.*`, `platform.*`): what Oriva Core says about a user, to the apps that
 * already know that user (`user_apps`) and to no other. Each recipient gets the event as one of its
 * own log, with its own id, through the one publish path (`storeEvents`): its webhooks match it by
 * their subscriptions in the outbox, its streams and polling read it by `app_id` like any of its
 * events. Recipients are fixed when the event is stored, so a replay shows what was sent.
 */
import type { z } from '@hono/zod-openapi';
import { type PublishPlatformEventRequest, SERVER_EVENT_DATA } from '@oriva/contract';
import type { ServiceDeps } from '../../core/deps.js';
import { ApiError, describeFields, type FieldError } from '../../core/errors.js';
import type { RequestOrigin } from '../../core/request-origin.js';
import { newId } from '../../ids.js';
import type { EventRecord } from '../../storage/types.js';
import { storeEvents, toEventRecords } from '../events.js';

export type PlatformEventInput = z.infer<typeof PublishPlatformEventRequest>;

/** Where one platform event went: each recipient app and the id of its copy. */
export interface PlatformEventResult {
  timestamp: string;
  recipients: Array<{ app_id: string; event_id: string }>;
}

/** Stores platform events for the apps that know their users, all or nothing; one result per input. */
export async function publishPlatformEvents(
  deps: ServiceDeps,
  inputs: PlatformEventInput[],
  origin: RequestOrigin,
  fieldPrefix: (index: number) => string = () => '',
): Promise<PlatformEventResult[]> {
  // Built once with no app, for the size check and the fields every copy shares.
  const templates = toEventRecords('', inputs, origin, fieldPrefix);
  checkPlatformData(templates, fieldPrefix);
  const appsByUser = new Map<string, string[]>();
  for (const template of templates) {
    const userId = template.user_id!;
    if (!appsByUser.has(userId)) appsByUser.set(userId, await deps.storage.users.appsOf(userId));
  }
  const copies: EventRecord[] = [];
  const results = templates.map((template) => {
    const recipients = appsByUser.get(template.user_id!)!.map((appId) => {
      const copy = { ...template, id: newId('evt'), app_id: appId };
      copies.push(copy);
      return { app_id: appId, event_id: copy.id };
    });
    return { timestamp: template.timestamp, recipients };
  });
  if (copies.length > 0) await storeEvents(deps, copies);
  return results;
}

/**
 * The platform's catalogue is the contract's (`SERVER_EVENT_DATA`): a type outside it is refused
 * (apps could not learn its shape), and `event_data` must match the type's schema.
 */
function checkPlatformData(records: EventRecord[], fieldPrefix: (index: number) => string): void {
  const undeclared: FieldError[] = [];
  const invalid: FieldError[] = [];
  records.forEach((record, index) => {
    const name = `${record.event_category}.${record.event_type}`;
    const schema = (SERVER_EVENT_DATA as Record<string, z.ZodType>)[name];
    if (!schema) {
      undeclared.push({
        path: `${fieldPrefix(index)}event_type`,
        code: 'event_type_undeclared',
        message: `"${name}" is not in the platform's catalogue`,
      });
      return;
    }
    const parsed = schema.safeParse(JSON.parse(record.event_data));
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      invalid.push({
        path: `${fieldPrefix(index)}event_data${issue.path.map((part) => `/${String(part)}`).join('')}`,
        code: issue.code,
        message: issue.message,
      });
    }
  });
  if (undeclared.length > 0) {
    throw new ApiError(422, 'event_type_undeclared', `Unknown platform event type: ${describeFields(undeclared)}`, {
      fields: undeclared,
    });
  }
  if (invalid.length > 0) {
    throw new ApiError(
      422,
      'event_data_invalid',
      `event_data does not match its event type's schema: ${describeFields(invalid)}`,
      { fields: invalid },
    );
  }
}
