import type { z } from '@hono/zod-openapi';
import { MAX_EVENT_DATA_BYTES, PLATFORM_CATEGORIES, type PublishEventRequest } from '@oriva/contract';
import { type PublicEvent, toPublicEvent as toPublicEventShape } from '@oriva/contract/events';
import type { ServiceDeps } from '../core/deps.js';
import { ApiError, describeFields, errors } from '../core/errors.js';
import type { RequestOrigin } from '../core/request-origin.js';
import { newId } from '../ids.js';
import type { EventRecord } from '../storage/types.js';
import { checkEvents, type EventChecks } from './event-types/event-checks.js';
import { isPlatformCategory } from './event-types/platform-types.js';
import { notificationSyncsFor } from './notifications/sync.js';
import { countingPublishFailures } from './publish-failures.js';
import { readStoredJson } from './stored-json.js';

export type EventInput = z.infer<typeof PublishEventRequest>;

/**
 * Builds the stored records for validated inputs. Checks what the schema cannot cheaply:
 * the serialized size of `event_data` (it is serialized here once anyway).
 */
export function toEventRecords(
  appId: string,
  inputs: EventInput[],
  origin: RequestOrigin,
  fieldPrefix: (index: number) => string = () => '',
): EventRecord[] {
  const timestamp = new Date().toISOString();
  const oversized: number[] = [];
  const records = inputs.map((input, index) => {
    const eventData = input.event_data ? JSON.stringify(input.event_data) : '{}';
    if (eventData.length > MAX_EVENT_DATA_BYTES && Buffer.byteLength(eventData) > MAX_EVENT_DATA_BYTES) {
      oversized.push(index);
    }
    return {
      id: newId('evt'),
      app_id: appId,
      user_id: input.user_id,
      event_category: input.event_category,
      event_type: input.event_type,
      entity_type: input.entity_type,
      entity_id: input.entity_id,
      event_data: eventData,
      timestamp,
      ip_address: origin.ipAddress,
      user_agent: origin.userAgent,
    };
  });
  if (oversized.length > 0) {
    throw errors.validation(
      oversized.map((index) => ({
        path: `${fieldPrefix(index)}event_data`,
        code: 'too_big',
        message: `must be at most ${MAX_EVENT_DATA_BYTES} bytes when serialized`,
      })),
    );
  }
  return records;
}

/**
 * Apps publish into their own categories: `user.*` and `platform.*` are what Oriva Core says about a
 * user (`POST /api/v1/platform/events`), and an app writing there could speak for the platform to
 * every other app that knows the user.
 */
function refusePlatformCategories(inputs: EventInput[], fieldPrefix: (index: number) => string): void {
  const fields = inputs.flatMap((input, index) =>
    isPlatformCategory(input.event_category)
      ? [
          {
            path: `${fieldPrefix(index)}event_category`,
            code: 'platform_category_reserved',
            message: `"${input.event_category}" is the platform's own category; apps may not publish into it`,
          },
        ]
      : [],
  );
  if (fields.length === 0) return;
  throw new ApiError(
    403,
    'platform_category_reserved',
    `Only the platform publishes into ${PLATFORM_CATEGORIES.map((category) => `"${category}.*"`).join(' and ')}: ${describeFields(fields)}`,
    { fields },
  );
}

/** Records built from a request, and what the catalogue said of each. */
export interface CheckedEvents {
  records: EventRecord[];
  checks: EventChecks;
}

/**
 * Everything publishing checks before it stores, in one place so that validating answers exactly what
 * publishing would: the serialized size (`toEventRecords`), then the app's undeclared-types policy and
 * each declared type's schema (`checkEvents`), all or nothing. `fieldPrefix` names each event in errors.
 */
export async function checkEventInputs(
  deps: ServiceDeps,
  appId: string,
  inputs: EventInput[],
  origin: RequestOrigin,
  fieldPrefix: (index: number) => string = () => '',
): Promise<CheckedEvents> {
  refusePlatformCategories(inputs, fieldPrefix);
  const records = toEventRecords(appId, inputs, origin, fieldPrefix);
  return { records, checks: await checkEvents(deps, records, fieldPrefix) };
}

/** Stores checked records in one transaction (with the notification changes they imply) and counts them. */
export async function storeEvents(deps: ServiceDeps, records: EventRecord[]): Promise<void> {
  const syncs = notificationSyncsFor(records);
  await countingPublishFailures(deps, () => deps.storage.events.insert(records, syncs.length > 0 ? syncs : undefined));
  const first = records[0];
  if (!first) return;
  // An app's request stores events of that app alone; a platform event stores one copy per recipient.
  if (records.every((record) => record.app_id === first.app_id)) {
    deps.metrics.countEventsPublished(first.app_id, records.length);
    return;
  }
  const perApp = new Map<string, number>();
  for (const record of records) perApp.set(record.app_id, (perApp.get(record.app_id) ?? 0) + 1);
  for (const [appId, count] of perApp) deps.metrics.countEventsPublished(appId, count);
}

/** A stored event as the REST API lists it (stored JSON read back with `readStoredJson`). */
export function toPublicEvent(record: EventRecord): PublicEvent {
  return toPublicEventShape({ ...record, event_data: readStoredJson(record.event_data) });
}
