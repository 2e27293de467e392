import type { z } from '@hono/zod-openapi';
import { MAX_EVENT_DATA_BYTES, type PublishEventRequest } from '@oriva/contract';
import { type PublicEvent, toPublicEvent as toPublicEventShape } from '@oriva/contract/events';
import type { ServiceDeps } from '../core/deps.js';
import { errors } from '../core/errors.js';
import type { RequestOrigin } from '../core/request-origin.js';
import { newId } from '../ids.js';
import type { EventRecord } from '../storage/types.js';
import { checkEvents, type EventChecks } from './event-types/event-checks.js';
import { notificationSyncsFor } from './notifications/sync.js';
import { countingPublishFailures } from './publish-failures.js';
import { readStoredJson } from './stored-json.js';

export type EventInput = z.infer<typeof PublishEventRequest>;

/**
 * Builds the stored records for validated inputs. Checks what the schema cannot cheaply:
 * the serialized size of `event_data` (it is serialized here once anyway).
 */
function toEventRecords(
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
  const records = toEventRecords(appId, inputs, origin, fieldPrefix);
  return { records, checks: await checkEvents(deps, records, fieldPrefix) };
}

/** Stores checked records in one transaction (with the notification changes they imply) and counts them. */
export async function storeEvents(deps: ServiceDeps, records: EventRecord[]): Promise<void> {
  const syncs = notificationSyncsFor(records);
  await countingPublishFailures(deps, () => deps.storage.events.insert(records, syncs.length > 0 ? syncs : undefined));
  const first = records[0];
  if (first) deps.metrics.countEventsPublished(first.app_id, records.length);
}

/** A stored event as the REST API lists it (stored JSON read back with `readStoredJson`). */
export function toPublicEvent(record: EventRecord): PublicEvent {
  return toPublicEventShape({ ...record, event_data: readStoredJson(record.event_data) });
}
