import type { z } from '@hono/zod-openapi';
import type { Notification } from '@oriva/contract';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../core/deps.js';
import { recordServed } from './delivery.js';
import { isMuted } from './preferences.js';
import { toPublicNotification } from './public-view.js';
import { resolveNotification } from './resolve.js';

/**
 * One notification, named by its platform id or external id, as `reader` may see it (see
 * `resolveNotification`); read by its user, it counts as delivered.
 */
export async function getNotification(
  deps: ServiceDeps,
  reader: Principal,
  id: string,
): Promise<z.infer<typeof Notification>> {
  const found = await resolveNotification(deps, reader, id);
  const at = new Date().toISOString();
  const [view] = await recordServed(deps.storage.notifications, reader, found.user_id, [found], at);
  const preferences = await deps.storage.preferences.get(found.user_id);
  return toPublicNotification(view ?? found, at, isMuted(found, preferences));
}
