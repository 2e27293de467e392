/** A user's notification preferences: the apps and types they muted. */

export interface StoredPreferences {
  muted_apps: string[];
  muted_types: Record<string, string[]>;
  updated_at: string | null;
}

export interface PreferenceStore {
  get(userId: string): Promise<StoredPreferences>;
  /** Muting changes what the feed shows: a put counts as a change of the user's feed. */
  put(userId: string, preferences: Omit<StoredPreferences, 'updated_at'>, updatedAt: string): Promise<void>;
}
