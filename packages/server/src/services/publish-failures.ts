import type { ServiceDeps } from '../core/deps.js';
import { isStorageUnavailable } from '../storage/failures.js';

/**
 * Stores what a publish stores (events, or a notification with its event), counting a failure in
 * `oriva_event_publish_failures_total`: the design document's "event publishing failures" alert
 * reads it. Rejections the caller caused (validation, conflicts) happen before this call and are
 * not failures of the platform.
 */
export async function countingPublishFailures<T>(
  deps: Pick<ServiceDeps, 'metrics'>,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    deps.metrics.eventPublishFailures.inc({ reason: isStorageUnavailable(error) ? 'unavailable' : 'error' });
    throw error;
  }
}
