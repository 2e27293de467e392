import type pg from 'pg';
import type { EventQuery, EventRecord, Page, StoredEvent } from '../../types.js';
import { isRetryable, LOCK, Params, type RunTx, type Tx } from '../db.js';
import { groupCommit } from '../group-commit.js';

const COLUMNS = `position, id, app_id, user_id, event_category, event_type, entity_type, entity_id, event_data,
  "timestamp", ip_address, user_agent`;
const SELECT = `SELECT ${COLUMNS} FROM platform_events`;

/** The most events one group commit stores (a batch request alone may hold more). */
const MAX_GROUP_EVENTS = 5_000;

/**
 * Positions are commit-ordered. The stream resumes "after position N" (and a bus fills gaps with
 * `committedEventsAfter`), so an event must never commit with a smaller position than one already
 * visible. A bare sequence does not promise that: transaction A may draw 5, B draw 6 and commit
 * first, and a reader who saw 6 skips 5 forever. So every transaction that stores events takes one
 * advisory lock (per schema) just before drawing positions and holds it to COMMIT: positions are
 * drawn and committed one transaction at a time, in order, and the lock is released only after the
 * commit is visible. To keep that critical section short, a transaction's events are buffered and
 * stored last, after its other writes and row locks; nothing taken under the lock can wait on a
 * transaction that waits for the lock (only foreign-key share locks on apps). The webhook outbox needs
 * no positions, so it is written before the lock is taken.
 * A rolled-back transaction leaves a gap, which positions allow (they only ever increase).
 */
export function eventStatements(
  pool: pg.Pool,
  schema: string,
  writeOutbox: (client: pg.PoolClient, events: EventRecord[]) => Promise<boolean>,
  deliveriesQueued: () => void,
) {
  const listeners = new Set<(events: StoredEvent[]) => void>();
  // This process's transactions that drew positions, in position order (each registers while it holds
  // the lock), so listeners hear of commits in position order even when two COMMIT replies cross.
  const inFlight: Array<{ events: StoredEvent[]; state: 'open' | 'committed' | 'aborted' }> = [];
  const drain = () => {
    while (inFlight.length > 0 && inFlight[0]!.state !== 'open') {
      const entry = inFlight.shift()!;
      if (entry.state !== 'committed') continue;
      for (const listener of listeners) {
        try {
          listener(entry.events);
        } catch (error) {
          // One failing listener must not keep the others (or later commits) from hearing.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  };

  const insertLocked = async (client: pg.PoolClient, events: EventRecord[]) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', [schema, LOCK.events]);
    const column = <K extends keyof EventRecord>(key: K) => events.map((event) => event[key]);
    const timestamps = column('timestamp');
    const { rows } = await client.query<{ id: string; position: number }>(
      `INSERT INTO platform_events (id, app_id, user_id, event_category, event_type, entity_type, entity_id,
         event_data, "timestamp", ip_address, user_agent, created_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::jsonb[], $9::timestamptz[], $10::text[], $11::text[], $9::timestamptz[])
       RETURNING id, position`,
      [
        column('id'),
        column('app_id'),
        column('user_id'),
        column('event_category'),
        column('event_type'),
        column('entity_type'),
        column('entity_id'),
        column('event_data'),
        timestamps,
        column('ip_address'),
        column('user_agent'),
      ],
    );
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
  };

  const runOnce = async <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    const buffered: EventRecord[] = [];
    const needOutbox: EventRecord[] = [];
    let queued = false;
    let entry: (typeof inFlight)[number] | undefined;
    let broken: Error | undefined;
    let value: T;
    try {
      await client.query('BEGIN');
      value = await work({
        client,
        addEvents: (events, outboxWritten = false) => {
          for (const event of events) buffered.push(event);
          if (!outboxWritten) for (const event of events) needOutbox.push(event);
        },
        deliveriesQueued: () => {
          queued = true;
        },
      });
      // The outbox needs no positions: written before the lock, to keep the critical section short.
      if (needOutbox.length > 0 && (await writeOutbox(client, needOutbox))) queued = true;
      if (buffered.length > 0) {
        const stored = await insertLocked(client, buffered);
        // Registered while the lock is held: the next local transaction draws its positions after this.
        entry = { events: stored, state: 'open' };
        inFlight.push(entry);
      }
      await client.query('COMMIT');
    } catch (error) {
      if (entry) {
        entry.state = 'aborted';
        drain();
      }
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
    // Committed: whatever listeners do, the caller learns that it is stored.
    if (entry) {
      entry.state = 'committed';
      drain();
    }
    if (queued) deliveriesQueued();
    return value;
  };

  /** Runs `work` in a transaction (again, up to three times, after a deadlock or serialization failure). */
  const runTx: RunTx = async (work) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await runOnce(work);
      } catch (error) {
        if (attempt >= 3 || !isRetryable(error)) throw error;
      }
    }
  };

  /**
   * Group commit for the hot write paths (published events and their notification syncs,
   * notification creation and state changes). Every transaction that stores events holds the events
   * lock through its COMMIT, so this process's writes commit one at a time anyway; rather than queue
   * them on the lock one fsync each, they share commits (see group-commit.ts), as the SQLite
   * adapter's write queue does.
   */
  const grouped = groupCommit(runTx, MAX_GROUP_EVENTS);
  const insertMany = (events: EventRecord[], apply?: (tx: Tx) => Promise<void>) =>
    grouped(async (tx) => {
      tx.addEvents(events);
      if (apply) await apply(tx);
    }, events.length);

  return {
    runTx,
    grouped,
    insertMany,
    onCommitted: (listener: (events: StoredEvent[]) => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
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

/** Reads: an app's event list with its filters, a principal's events after a position, the head. */
export function eventQueries(pool: pg.Pool) {
  return {
    list: async (query: EventQuery): Promise<Page<StoredEvent>> => {
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
    after: async (
      scope: { app_id: string; user_id?: string | undefined } | { user_id: string },
      position: number,
      limit: number,
    ): Promise<StoredEvent[]> => {
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
    committedAfter: async (position: number, limit: number): Promise<StoredEvent[]> =>
      (await pool.query<StoredEvent>(`${SELECT} WHERE position > $1 ORDER BY position LIMIT $2`, [position, limit]))
        .rows,
    // Ids carry no index: look from the newest back, where resumes land.
    positionOf: async (scope: { app_id: string } | { user_id: string }, eventId: string) => {
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
