import type Database from 'better-sqlite3';
import type { EventQuery, EventRecord, EventStore, NotificationSync, StoredEvent } from '../../types.js';
import type { WriteQueue } from '../write-queue.js';

type Filter = Omit<EventQuery, 'limit' | 'offset'>;

const FILTER_CLAUSES: Array<[keyof Filter, string]> = [
  ['event_category', 'event_category = @event_category'],
  ['event_type', 'event_type = @event_type'],
  ['user_id', 'user_id = @user_id'],
  ['entity_id', 'entity_id = @entity_id'],
  ['start_date', 'timestamp >= @start_date'],
  ['end_date', 'timestamp < @end_date'],
];

/**
 * Rows per INSERT statement, largest first: a batch is written with as few statements as these sizes
 * allow. Per row, one statement of 250 rows costs ~8% less than five of 50, and those ~20% less than
 * fifty of one (binding and stepping are per statement; the rows' index work is the same).
 */
const STATEMENT_SIZES = [250, 50, 10, 1] as const;
const COLUMNS =
  'seq, id, app_id, user_id, event_category, event_type, entity_type, entity_id, event_data, timestamp, ip_address, user_agent, created_at';
const ROW_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

const COLUMN_COUNT = 13;

/** Writes one row's values into `params` from `offset` (arrays reused across rows: no garbage per event). */
function putRow(params: unknown[], offset: number, seq: number, event: EventRecord): void {
  params[offset] = seq;
  params[offset + 1] = event.id;
  params[offset + 2] = event.app_id;
  params[offset + 3] = event.user_id;
  params[offset + 4] = event.event_category;
  params[offset + 5] = event.event_type;
  params[offset + 6] = event.entity_type;
  params[offset + 7] = event.entity_id;
  params[offset + 8] = event.event_data;
  params[offset + 9] = event.timestamp;
  params[offset + 10] = event.ip_address;
  params[offset + 11] = event.user_agent;
  params[offset + 12] = event.timestamp;
}

/** What else an insert writes in its transaction. */
export interface EventInsertHooks {
  /** After the rows: the webhook outbox. */
  afterInsert: (events: EventRecord[]) => void;
  /** An app's events about its own notifications change them. */
  applySyncs: (syncs: NotificationSync[]) => void;
}

/**
 * The event log. Positions are assigned here: this process is the only writer of its SQLite file, so
 * a counter is exact. A rolled-back transaction leaves a gap, which positions allow (they only ever
 * increase). Besides the port, the write queue's hooks (`transactionEnded`, `flushed`) hand committed
 * events to listeners, and `insertRows` lets other writes store events in their own transaction.
 */
export function sqliteEvents(db: Database.Database, write: WriteQueue, hooks: EventInsertHooks) {
  // Statements run synchronously one at a time, so each size's parameter array is reused.
  const inserts = STATEMENT_SIZES.map((rows) => ({
    rows,
    statement: db.prepare(
      `INSERT INTO platform_events (${COLUMNS}) VALUES ${Array(rows).fill(ROW_PLACEHOLDERS).join(', ')}`,
    ),
    params: new Array<unknown>(rows * COLUMN_COUNT),
  }));
  // Positions continue after the largest ever given, even when retention has deleted that event.
  let lastPosition =
    (db
      .prepare(
        `SELECT MAX(COALESCE((SELECT MAX(seq) FROM platform_events), 0),
                    COALESCE((SELECT value FROM storage_meta WHERE key = 'last_event_position'), 0))`,
      )
      .pluck()
      .get() as number) ?? 0;
  // Events of the open transaction, then of committed ones not yet handed to listeners.
  let uncommitted: StoredEvent[] = [];
  let committed: StoredEvent[] = [];
  const listeners = new Set<(events: StoredEvent[]) => void>();

  const insertRows = (events: EventRecord[]) => {
    let index = 0;
    for (const { rows, statement, params } of inserts) {
      for (; index + rows <= events.length; index += rows) {
        for (let row = 0; row < rows; row++) {
          const event = events[index + row]!;
          putRow(params, row * COLUMN_COUNT, next(event), event);
        }
        statement.run(params);
      }
    }
    hooks.afterInsert(events);
  };
  /** The event's position, drawn now. */
  const next = (event: EventRecord) => {
    const position = ++lastPosition;
    // Records are made per request and not reused, so the position is set in place: no copy per event.
    if (listeners.size > 0) {
      (event as StoredEvent).position = position;
      uncommitted.push(event as StoredEvent);
    }
    return position;
  };

  const store: EventStore = {
    ...eventReads(db),
    insert: (events, syncs) =>
      write(() => {
        insertRows(events);
        if (syncs?.length) hooks.applySyncs(syncs);
      }),
    onCommitted: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    head: async () => lastPosition,
  };
  return {
    ...store,
    /** For other writes that store events in their own transaction. */
    insertRows,
    transactionEnded: (wasCommitted: boolean) => {
      if (wasCommitted && uncommitted.length > 0) committed = committed.concat(uncommitted);
      uncommitted = [];
    },
    flushed: () => {
      if (committed.length === 0) return;
      const events = committed;
      committed = [];
      for (const listener of listeners) listener(events);
    },
  };
}

/** Reads: the app's event list with its filters, and a stream principal's events after a position. */
function eventReads(db: Database.Database): Omit<EventStore, 'insert' | 'onCommitted' | 'head'> {
  // One prepared statement per combination of filters, made on first use.
  const listCache = new Map<string, { page: Database.Statement; count: Database.Statement }>();
  const statementsFor = (query: EventQuery) => {
    const present = FILTER_CLAUSES.filter(([name]) => query[name] !== undefined);
    const cacheKey = present.map(([name]) => name).join(',') + (query.before_position ? ',before' : '');
    let statements = listCache.get(cacheKey);
    if (!statements) {
      const where = ['app_id = @app_id', ...present.map(([, clause]) => clause)];
      const countSql = `SELECT COUNT(*) AS total FROM platform_events WHERE ${where.join(' AND ')}`;
      if (query.before_position) where.push('seq < @before_position');
      const pageSql = `SELECT seq AS position, id, app_id, user_id, event_category, event_type, entity_type, entity_id, event_data, timestamp, ip_address, user_agent
        FROM platform_events WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit OFFSET @offset`;
      statements = { page: db.prepare(pageSql), count: db.prepare(countSql).pluck() };
      listCache.set(cacheKey, statements);
    }
    return statements;
  };

  const SELECT = `SELECT seq AS position, id, app_id, user_id, event_category, event_type, entity_type, entity_id,
    event_data, timestamp, ip_address, user_agent FROM platform_events`;
  const afterForApp = db.prepare(`${SELECT} WHERE app_id = ? AND seq > ? ORDER BY seq LIMIT ?`);
  const afterForAppUser = db.prepare(`${SELECT} WHERE user_id = ? AND app_id = ? AND seq > ? ORDER BY seq LIMIT ?`);
  const afterForUser = db.prepare(`${SELECT} WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?`);
  const afterForAll = db.prepare(`${SELECT} WHERE seq > ? ORDER BY seq LIMIT ?`);
  // Ids carry no index: look from the newest back, where resumes land.
  const positionInApp = db
    .prepare('SELECT seq FROM platform_events WHERE app_id = ? AND id = ? ORDER BY seq DESC LIMIT 1')
    .pluck();
  const positionForUser = db
    .prepare('SELECT seq FROM platform_events WHERE user_id = ? AND id = ? ORDER BY seq DESC LIMIT 1')
    .pluck();

  return {
    after: async (scope, position, limit) =>
      ('app_id' in scope
        ? scope.user_id !== undefined
          ? afterForAppUser.all(scope.user_id, scope.app_id, position, limit)
          : afterForApp.all(scope.app_id, position, limit)
        : afterForUser.all(scope.user_id, position, limit)) as StoredEvent[],
    /** Every app's events: one writer per file, so every stored event is committed and in order. */
    committedAfter: async (position, limit) => afterForAll.all(position, limit) as StoredEvent[],
    positionOf: async (scope, eventId) =>
      ('app_id' in scope ? positionInApp.get(scope.app_id, eventId) : positionForUser.get(scope.user_id, eventId)) as
        | number
        | undefined,
    list: async (query) => {
      const { page, count } = statementsFor(query);
      const params = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
      const { limit, offset, before_position, ...countParams } = params;
      return {
        items: page.all(params) as StoredEvent[],
        total: count.get(countParams) as number,
      };
    },
  };
}
