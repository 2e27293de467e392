import { principalScope } from '../../auth/principal.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { RequestOrigin } from '../../core/request-origin.js';
import type { ErasureCounts } from '../../storage/types.js';
import { publishPlatformEvents } from './publish.js';

/** What erasure needs of the stream: to close the user's own connections on this instance. */
export interface UserSessions {
  disconnectUser(userId: string): number;
}

export interface Erasure extends ErasureCounts {
  erased_at: string;
  notified_apps: string[];
  stream_connections_closed: number;
}

/**
 * Erases a user. Their stream connections on this instance close first (other instances close theirs
 * when the `user.deleted` events reach them over the bus). `user.deleted` goes next, while the apps
 * that knew the user are still known (it is kept by the erasure, so an app offline now reads it
 * later); then the user's data goes in one transaction, relationships included.
 */
export async function eraseUser(
  deps: ServiceDeps,
  sessions: UserSessions,
  userId: string,
  origin: RequestOrigin,
): Promise<Erasure> {
  const closed = sessions.disconnectUser(userId);
  const erasedAt = new Date().toISOString();
  const [notice] = await publishPlatformEvents(
    deps,
    [
      {
        event_category: 'user',
        event_type: 'deleted',
        entity_type: 'user',
        entity_id: userId,
        user_id: userId,
        event_data: { erased_at: erasedAt },
      },
    ],
    origin,
  );
  const counts = await deps.storage.users.erase(userId, principalScope({ kind: 'user', userId }));
  deps.logger.info({ user_id: userId, ...counts, stream_connections_closed: closed }, 'user erased');
  return {
    ...counts,
    erased_at: erasedAt,
    notified_apps: notice!.recipients.map((recipient) => recipient.app_id),
    stream_connections_closed: closed,
  };
}
