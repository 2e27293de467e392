import type pg from 'pg';
import type { EventQuery, EventRecord, EventStore, NotificationSync, StoredEvent } from '../../types.js';
import { LOCK, Params } from '../db.js';
import type { Transactions, Tx } from '../transactions.js';

const COLUMNS = `position, id, app_id, user_id, event_category, event_type, entity_type, entity_id, event_data,
  "timestamp", ip_address, user_agent`;
const SELECT = `SELECT ${COLUMNS} FROM platform_events`;

/** Any number of events in one statement, one array parameter per column; returns each id with its position. */
export const INSERT_EVENTS = `INSERT INTO platform_events (id, app_id, user_id, event_category, event_type, entity_type,
    entity_id, event_data, "timestamp", ip_address, user_agent, created_at)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
    $8::jsonb[], $9::timestamptz[], $10::text[], $11::text[], $9::timestamptz[])
  RETURNING id, position`;

/** The parameters of `INSERT_EVENTS` (exported with it for the benchmark's bare PostgreSQL ceiling). */
export function insertEventsValues(events: readonly EventRecord[]): unknown[] {
  const column = <K extends keyof EventRecord>(key: K) => events.map((event) => event[key]);
  return [
    column('id'),
    column('app_id'),
    column('user_id'),
    column('event_category'),
    column('event_type'),
    column('entity_type'),
    column('entity_id'),
    column('event_data'),
    column('timestamp'),
    column('ip_address'),
    column('user_agent'),
  ];
}

/**
 * Stores a transaction's events last, under the events lock held to COMMIT (see transactions.ts),
 * and returns them with their positions, in position order.
 */
export async function insertEventsLocked(
  client: pg.PoolClient,
  schema: string,
  events: EventRecord[],
): Promise<StoredEvent[]> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', [schema, LOCK.events]);
  const { rows } = await client.query<{ id: string; position: number }>(INSERT_EVENTS, insertEventsValues(events));
  // Ids are unique by construction; a repeated one still gets each of its positions, in order.
  const positions = new Map<string, number[]>();
  for (const row of rows.sort((a, b) => a.position - b.position)) {
    const list = positions.get(row.id);
    if (list) list.push(row.position);
    else positions.set(row.id, [row.position]);
  }
  // Records are made per request and not reused, so the position is set in place (as SQLite does).
  const stored = events.map((event) => {
    (event as StoredEvent).position = positions.get(event.id)!.shift()!;
    return event as StoredEvent;
  });
  stored.sort((a, b) => a.position - b.position);
  return stored;
}

type Filter = Omit<EventQuery, 'limit' | 'offset' | 'app_id' | 'before_position'>;
const FILTER_CLAUSES: Array<[keyof Filter, (param: string) => string]> = [
  ['event_category', (p) => `event_category = ${p}`],
  ['event_type', (p) => `event_type = ${p}`],
  ['user_id', (p) => `user_id = ${p}`],
  ['entity_id', (p) => `entity_id = ${p}`],
  ['start_date', (p) => `"timestamp" >= ${p}::timestamptz`],
  ['end_date', (p) => `"timestamp" < ${p}::timestamptz`],
];

/**
 * The event log. Inserts share group commits; `prepareSyncs` readies an app's events about its own
 * notifications, applied in the same transaction. Reads: an app's event list with its filters, a principal's
 * events after a position, the head.
 */
export function postgresEvents(
  pool: pg.Pool,
  transactions: Transactions,
  prepareSyncs: (syncs: NotificationSync[]) => Promise<((tx: Tx) => Promise<void>) | undefined>,
): EventStore {
  return {
    insert: async (events, syncs) => {
      const applySyncs = syncs?.length ? await prepareSyncs(syncs) : undefined;
      await transactions.grouped(async (tx) => {
        tx.addEvents(events);
        if (applySyncs) await applySyncs(tx);
      }, events.length);
    },
    onCommitted: transactions.onEventsCommitted,
    list: async (query) => {
      const params = new Params();
      const where = [`app_id = ${params.add(query.app_id)}`];
      for (const [name, clause] of FILTER_CLAUSES) {
        if (query[name] !== undefined) where.push(clause(params.add(query[name])));
      }
      const countSql = `SELECT COUNT(*)::int AS total FROM platform_events WHERE ${where.join(' AND ')}`;
      const countValues = [...params.values];
      if (query.before_position) where.push(`position < ${params.add(query.before_position)}`);
      const pageSql = `${SELECT} WHERE ${where.join(' AND ')} ORDER BY position DESC
        LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}`;
      const [page, count] = await Promise.all([
        pool.query<StoredEvent>(pageSql, params.values),
        pool.query<{ total: number }>(countSql, countValues),
      ]);
      return { items: page.rows, total: count.rows[0]!.total };
    },
    after: async (scope, position, limit) => {
      const { rows } =
        'app_id' in scope
          ? scope.user_id !== undefined
            ? await pool.query<StoredEvent>(
                `${SELECT} WHERE user_id = $1 AND app_id = $2 AND position > $3 ORDER BY position LIMIT $4`,
                [scope.user_id, scope.app_id, position, limit],
              )
            : await pool.query<StoredEvent>(
                `${SELECT} WHERE app_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
                [scope.app_id, position, limit],
              )
          : await pool.query<StoredEvent>(`${SELECT} WHERE user_id = $1 AND position > $2 ORDER BY position LIMIT $3`, [
              scope.user_id,
              position,
              limit,
            ]);
      return rows;
    },
    committedAfter: async (position, limit) =>
      (await pool.query<StoredEvent>(`${SELECT} WHERE position > $1 ORDER BY position LIMIT $2`, [position, limit]))
        .rows,
    // Ids carry no index: look from the newest back, where resumes land.
    positionOf: async (scope, eventId) => {
      const [column, value] = 'app_id' in scope ? ['app_id', scope.app_id] : ['user_id', scope.user_id];
      const { rows } = await pool.query<{ position: number }>(
        `SELECT position FROM platform_events WHERE ${column} = $1 AND id = $2 ORDER BY position DESC LIMIT 1`,
        [value, eventId],
      );
      return rows[0]?.position;
    },
    head: async () =>
      (await pool.query<{ head: number }>('SELECT COALESCE(MAX(position), 0)::bigint AS head FROM platform_events'))
        .rows[0]!.head,
  };
}
