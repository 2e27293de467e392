/**
 * Archival before pruning: the events retention is about to delete, read out per app and month in
 * position order as NDJSON lines, and put back (restore) with their original ids and positions.
 * Files are the service's business (services/archive/); storage only reads and writes rows.
 */

/** One app's events in one calendar month (UTC): the unit of an archive file. */
export interface EventMonth {
  appId: string;
  /** `YYYY-MM` */
  month: string;
}

/** What one export wrote: how many lines, and the positions of the first and last. */
export interface ExportedEvents {
  rows: number;
  firstPosition: number;
  lastPosition: number;
}

/**
 * One event as an archive line, the same on both backends so an archive restores into either:
 * timestamps in ISO-8601 UTC with milliseconds, `event_data` as the JSON document itself.
 */
export interface ArchivedEvent {
  position: number;
  id: string;
  app_id: string;
  user_id: string | null;
  event_category: string;
  event_type: string;
  entity_type: string;
  entity_id: string;
  event_data: unknown;
  timestamp: string;
  ip_address: string | null;
  user_agent: string | null;
  created_at: string;
}

/** Rows of one app and month that are safely archived: retention may delete up to this position. */
export interface ArchivedRange extends EventMonth {
  throughPosition: number;
}

/** Where export writes lines; resolves once the chunk may be followed by the next (back-pressure). */
export type LineSink = (chunk: string | Buffer) => Promise<void>;

export interface ArchiveStore {
  /** The app-months holding events with a timestamp before `before` (a month's start), oldest first. */
  eventMonthsBefore(before: string): Promise<EventMonth[]>;
  /**
   * Writes the events of `month` with a position above `afterPosition` to `sink`, one JSON line
   * each (an {@link ArchivedEvent}), in position order, from one consistent view. `undefined` when
   * there were none.
   */
  exportEvents(month: EventMonth, afterPosition: number, sink: LineSink): Promise<ExportedEvents | undefined>;
  /**
   * Inserts the events with their original ids and positions, skipping any already present
   * (insert-or-ignore): restoring the same rows twice adds nothing. Returns how many were added.
   */
  restoreEvents(events: ArchivedEvent[]): Promise<number>;
}
