/**
 * Feed versions: bumped inside every write that can change a user's feed (see
 * `NotificationStore.feedVersion`), by the notification, preference and app stores alike. This
 * process is the only writer of its SQLite file, so it sees every change.
 */
export interface FeedVersions {
  /** One user's feed may have changed. */
  touch(userId: string): void;
  /** Every feed may have changed (an app's name or icon shows in all of them). */
  touchAll(): void;
  of(userId: string): string;
}

export function createFeedVersions(): FeedVersions {
  const versions = new Map<string, number>();
  let allUsersVersion = 0;
  return {
    touch: (userId) => {
      versions.set(userId, (versions.get(userId) ?? 0) + 1);
    },
    touchAll: () => {
      allUsersVersion++;
    },
    of: (userId) => `${allUsersVersion}.${versions.get(userId) ?? 0}`,
  };
}
