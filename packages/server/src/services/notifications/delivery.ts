import type { Logger } from 'pino';
import type { Principal } from '../../auth/principal.js';
import type { NotificationStore, NotificationView, StoredEvent } from '../../storage/types.js';

/**
 * `delivered_at`: when a notification first reached its user. It reaches them two ways: served to
 * them (a page of their feed, or the notification itself, read with their own token) or pushed to
 * them (its `notification.created` event sent on a stream connection of theirs). Reads by an app or
 * an admin deliver nothing. The first delivery stays, since view rates are counted from it; it is
 * written once per page served or per turn of stream pushes, never once per notification.
 */

/**
 * Records that `views`, notifications of user `userId`, were just served to `reader`: a delivery
 * when the reader is that user themself, nothing otherwise. Returns them with `delivered_at` as
 * stored (a notification delivered meanwhile by another way keeps that first time).
 */
export async function recordServed<View extends NotificationView>(
  notifications: Pick<NotificationStore, 'markDelivered'>,
  reader: Principal,
  userId: string,
  views: View[],
  at: string,
): Promise<View[]> {
  if (reader.kind !== 'user' || reader.userId !== userId) return views;
  const undelivered = views.filter((view) => view.delivered_at === null).map((view) => view.id);
  if (undelivered.length === 0) return views;
  const stored = await notifications.markDelivered(userId, undelivered, at);
  return views.map((view) =>
    view.delivered_at === null ? { ...view, delivered_at: stored.get(view.id) ?? null } : view,
  );
}

/**
 * Stream pushes, batched: every `notification.created` event sent to users' own connections in one
 * turn of the event loop becomes one `markDelivered` per user (a burst of notifications, or one
 * event reaching a user's several connections, shares it), timed at the first push of the turn.
 */
export class StreamDeliveries {
  private pending = new Map<string, Set<string>>();
  private at = '';
  private readonly writes = new Set<Promise<void>>();

  constructor(
    private readonly notifications: Pick<NotificationStore, 'markDelivered'>,
    private readonly logger: Logger,
  ) {}

  /** An event frame went out on a connection of `userId`'s own. */
  sent(userId: string, event: StoredEvent): void {
    if (event.event_category !== 'notification' || event.event_type !== 'created') return;
    const notificationId = notificationIdOf(event);
    if (notificationId === undefined) return;
    if (this.pending.size === 0) {
      this.at = new Date().toISOString();
      setImmediate(() => void this.flush());
    }
    let ids = this.pending.get(userId);
    if (!ids) {
      ids = new Set();
      this.pending.set(userId, ids);
    }
    ids.add(notificationId);
  }

  /** Writes what is pending now, and waits for every write still in flight (before storage closes). */
  async close(): Promise<void> {
    void this.flush();
    await Promise.all(this.writes);
  }

  private flush(): Promise<void> {
    const batch = this.pending;
    const at = this.at;
    this.pending = new Map();
    if (batch.size === 0) return Promise.resolve();
    const write = Promise.all(
      [...batch].map(([userId, ids]) =>
        this.notifications
          .markDelivered(userId, [...ids], at)
          .catch((error) => this.logger.warn({ err: error, user_id: userId }, 'recording stream deliveries failed')),
      ),
    ).then(() => undefined);
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
    return write;
  }
}

/** The platform id a notification event names (its `event_data.notification_id`). */
function notificationIdOf(event: StoredEvent): string | undefined {
  try {
    const { notification_id } = JSON.parse(event.event_data) as { notification_id?: unknown };
    return typeof notification_id === 'string' ? notification_id : undefined;
  } catch {
    return undefined;
  }
}
