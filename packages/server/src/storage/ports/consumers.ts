/** Polling consumers: a name per app and the stream position it has committed. */

export interface ConsumerRecord {
  app_id: string;
  consumer_id: string;
  /** The committed stream position: the consumer has handled every event up to it. */
  position: number;
  created_at: string;
  /** When the position last moved (or the consumer was created). */
  updated_at: string;
}

export interface ConsumerStore {
  /** The consumer, created at position 0 if it does not exist yet. */
  ensure(appId: string, consumerId: string, at: string): Promise<ConsumerRecord>;
  get(appId: string, consumerId: string): Promise<ConsumerRecord | undefined>;
  /** An app's consumers, by name. */
  list(appId: string): Promise<ConsumerRecord[]>;
  /**
   * Moves the position forward to `position`, never backwards (a lower one leaves it as it is), creating
   * the consumer if needed; in one statement, so concurrent commits keep the highest.
   */
  commit(appId: string, consumerId: string, position: number, at: string): Promise<ConsumerRecord>;
  /** Whether there was such a consumer. */
  delete(appId: string, consumerId: string): Promise<boolean>;
}
