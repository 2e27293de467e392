import { type CatalogEventType, platformEventTypes } from '@oriva/contract';
import type { ServiceDeps } from '../core/deps.js';

/**
 * Every event type the stream may carry, with the JSON Schema of its `event_data`: what the served
 * AsyncAPI document lists, one message each. Today the platform's own types; app-declared types join
 * here (they will need `deps` to be read), so the document and the catalogue stay one list.
 */
export async function catalogEventTypes(_deps: ServiceDeps): Promise<CatalogEventType[]> {
  return platformEventTypes();
}
