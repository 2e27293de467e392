/**
 * Which apps know which users (`user_apps`), and erasure. The relation is kept by the event log
 * itself: every event an app stores about a user (its own, or a notification's) records the pair
 * in the same transaction, insert-or-ignore, so fan-out never scans the log.
 */

/** What erasing a user removed. */
export interface ErasureCounts {
  notifications: number;
  events: number;
  deliveries: number;
  preferences: boolean;
}

export interface UserStore {
  /** The apps that know the user, by app id. */
  appsOf(userId: string): Promise<string[]>;
  /** Records that the app knows the user (idempotent). */
  connect(userId: string, appId: string): Promise<void>;
  /** Forgets that the app knows the user; false when it did not. */
  disconnect(userId: string, appId: string): Promise<boolean>;
  /**
   * In one transaction: deletes the user's notifications and their states, preferences, events
   * (except `user.deleted`, which the apps must still be able to read) and those events' webhook
   * deliveries, the responses remembered for the user's own idempotency keys (`idempotencyScope`,
   * which may hold their data), and forgets every app's relationship with the user.
   */
  erase(userId: string, idempotencyScope: string): Promise<ErasureCounts>;
}

/** Events that record a relationship: an app's own, never the platform's copies (`user.*`, `platform.*`). */
export const recordsRelationship = (event: { user_id: string | null; event_category: string }): boolean =>
  event.user_id !== null && event.event_category !== 'user' && event.event_category !== 'platform';
