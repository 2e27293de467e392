import { type CatalogEventType, platformEventTypes } from '@oriva/contract';
import type { ServiceDeps } from '../core/deps.js';

/**
 * Every event type the stream may carry, with the JSON Schema of its `event_data`: what the served
 * AsyncAPI document lists, one message each. The platform's own types, then every app's declared
 * types at their latest version (their schemas as the apps wrote them).
 */
export async function catalogEventTypes(deps: ServiceDeps): Promise<CatalogEventType[]> {
  const declared = await deps.storage.eventTypes.list({});
  return [
    ...platformEventTypes(),
    ...declared.map((record) => ({
      name: `${record.event_category}.${record.event_type}`,
      description:
        record.description ?? `\`${record.event_category}.${record.event_type}\`, declared by ${record.app_id}.`,
      schema: JSON.parse(record.schema) as CatalogEventType['schema'],
    })),
  ];
}
