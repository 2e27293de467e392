/** The event log: append-only, every event at a position in commit order. */
import type { NotificationSync } from './notifications.js';

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

/** Whose events a stream principal sees: an app's (optionally one user's of it), or a user's across apps. */
export type EventScope = { app_id: string; user_id?: string | undefined } | { user_id: string };

export interface EventStore {
  /**
   * Stores every event or none, with their webhook deliveries; `syncs` change notifications in the
   * same transaction.
   */
  insert(events: EventRecord[], syncs?: NotificationSync[]): Promise<void>;
  list(query: EventQuery): Promise<Page<StoredEvent>>;
  /**
   * Calls `listener` with the events of each commit, in commit order, with their positions: the
   * stream broadcasts them, after they are stored and never before. Returns an unsubscribe function.
   */
  onCommitted(listener: (events: StoredEvent[]) => void): () => void;
  /** Events after `position` visible to a stream principal, oldest first (for resume). */
  after(scope: EventScope, position: number, limit: number): Promise<StoredEvent[]>;
  /** The position of an event, looked up among a principal's events (resume by event id). */
  positionOf(scope: { app_id: string } | { user_id: string }, eventId: string): Promise<number | undefined>;
  /** The position of the newest stored event (0 when there is none). */
  head(): Promise<number>;
  /**
   * Every app's committed events after `position`, oldest first. Positions are commit-ordered, so a
   * reader that saw position N has seen every event it will ever see below N (a bus fills gaps with it).
   */
  committedAfter(position: number, limit: number): Promise<StoredEvent[]>;
}
