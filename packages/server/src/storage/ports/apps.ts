/** Apps and their API keys. */

export type UndeclaredTypesPolicy = 'allow' | 'warn' | 'reject';

export interface AppRecord {
  app_id: string;
  name: string;
  icon_url: string | null;
  /** What publishing does with an event whose type the app has not declared. */
  undeclared_types: UndeclaredTypesPolicy;
  created_at: string;
  updated_at: string;
}

export interface ApiKeyRecord {
  id: string;
  app_id: string;
  name: string | null;
  prefix: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AppStore {
  /** Stores the app with its first key, in one transaction. */
  create(app: AppRecord, firstKey: ApiKeyRecord): Promise<void>;
  get(appId: string): Promise<AppRecord | undefined>;
  list(): Promise<AppRecord[]>;
  /** An app's name and icon show in every feed: a change counts as a change of every feed. */
  update(
    appId: string,
    changes: { name?: string; icon_url?: string | null; undeclared_types?: UndeclaredTypesPolicy },
    updatedAt: string,
  ): Promise<AppRecord | undefined>;

  createKey(key: ApiKeyRecord): Promise<void>;
  findKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  listKeys(appId: string): Promise<ApiKeyRecord[]>;
  /** Returns false when no live key with that id belongs to the app. */
  revokeKey(appId: string, keyId: string, revokedAt: string): Promise<boolean>;
}
