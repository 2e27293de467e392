/** Work Buddy's own record of a notification it created. */
export interface LocalNotification {
  external_id: string;
  task_id: string | null;
  user_id: string;
  title: string;
  /** `unread` when created; then whatever Oriva reported last: `read`, `clicked`, `dismissed`, `deleted`… */
  status: string;
  /** Oriva's platform id (`ntf_…`). */
  notification_id: string | null;
  /** When the status last changed. */
  updated_at: string;
}

/**
 * Work Buddy's local notifications, by its own external id: what the design document's Step 4 calls
 * `NotificationRepository`. In memory, so the example needs no database; the methods are async as a real one's are.
 */
export class InMemoryNotificationRepository {
  readonly #byExternalId = new Map<string, LocalNotification>();

  async add(notification: LocalNotification): Promise<void> {
    this.#byExternalId.set(notification.external_id, notification);
  }

  get(externalId: string): LocalNotification | undefined {
    return this.#byExternalId.get(externalId);
  }

  list(): LocalNotification[] {
    return [...this.#byExternalId.values()];
  }

  /**
   * Records the status Oriva reported for one of our notifications. An id we do not know (another app's
   * notification cannot reach us, but one from before a restart can) changes nothing.
   */
  async updateStatus(externalId: string, status: string): Promise<boolean> {
    const local = this.#byExternalId.get(externalId);
    if (!local) return false;
    this.#byExternalId.set(externalId, { ...local, status, updated_at: new Date().toISOString() });
    return true;
  }
}
