/**
 * The storage interface. Routes and services see only this; SQL lives in the adapters
 * (SQLite now, PostgreSQL later), and the storage test suite runs against every adapter.
 */

export interface AppRecord {
  app_id: string;
  name: string;
  icon_url: string | null;
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

export interface EventRecord {
  id: string;
  app_id: string;
  user_id: string | null;
  event_category: string;
  event_type: string;
  entity_type: string;
  entity_id: string;
  /** Serialized JSON object. */
  event_data: string;
  timestamp: string;
  ip_address: string | null;
  user_agent: string | null;
}

export interface EventQuery {
  app_id: string;
  event_category?: string | undefined;
  event_type?: string | undefined;
  user_id?: string | undefined;
  entity_id?: string | undefined;
  /** Inclusive, ISO-8601 UTC. */
  start_date?: string | undefined;
  /** Exclusive, ISO-8601 UTC. */
  end_date?: string | undefined;
  /** Only events stored before this position (newest-first paging with a cursor). */
  before_position?: number | undefined;
  limit: number;
  offset: number;
}

/** An event as read back: with its position in the stream (the order of commits). */
export interface StoredEvent extends EventRecord {
  position: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface IdempotencyRecord {
  request_hash: string;
  /** `null` while the first request with this key is still being handled. */
  status: number | null;
  response_body: string | null;
}

export type IdempotencyReservation = { reserved: true } | { reserved: false; existing: IdempotencyRecord };

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;

  createApp(app: AppRecord, firstKey: ApiKeyRecord): Promise<void>;
  getApp(appId: string): Promise<AppRecord | undefined>;
  listApps(): Promise<AppRecord[]>;
  updateApp(
    appId: string,
    changes: { name?: string; icon_url?: string | null },
    updatedAt: string,
  ): Promise<AppRecord | undefined>;

  createApiKey(key: ApiKeyRecord): Promise<void>;
  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(appId: string): Promise<ApiKeyRecord[]>;
  /** Returns false when no live key with that id belongs to the app. */
  revokeApiKey(appId: string, keyId: string, revokedAt: string): Promise<boolean>;

  /** Stores every event or none. */
  insertEvents(events: EventRecord[]): Promise<void>;
  listEvents(query: EventQuery): Promise<Page<StoredEvent>>;

  /** Atomically claims (scope, key) for a first request, or returns what is stored for it. */
  reserveIdempotencyKey(
    scope: string,
    key: string,
    requestHash: string,
    createdAt: string,
  ): Promise<IdempotencyReservation>;
  completeIdempotencyKey(scope: string, key: string, status: number, responseBody: string): Promise<void>;
  releaseIdempotencyKey(scope: string, key: string): Promise<void>;
  pruneIdempotencyKeys(olderThan: string): Promise<number>;
}
