/** Idempotency keys: the first request with a key is handled, a repeat gets its stored response. */

export interface IdempotencyRecord {
  request_hash: string;
  /** `null` while the first request with this key is still being handled. */
  status: number | null;
  response_body: string | null;
}

export type IdempotencyReservation = { reserved: true } | { reserved: false; existing: IdempotencyRecord };

export interface IdempotencyStore {
  /** Atomically claims (scope, key) for a first request, or returns what is stored for it. */
  reserve(scope: string, key: string, requestHash: string, createdAt: string): Promise<IdempotencyReservation>;
  complete(scope: string, key: string, status: number, responseBody: string): Promise<void>;
  /** Frees a reservation whose request failed before it had a response worth repeating. */
  release(scope: string, key: string): Promise<void>;
  prune(olderThan: string): Promise<number>;
}
