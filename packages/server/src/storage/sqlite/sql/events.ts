import type Database from 'better-sqlite3';
import type { EventQuery, EventRecord, Page } from '../../types.js';

type Filter = Omit<EventQuery, 'limit' | 'offset'>;

const FILTER_CLAUSES: Array<[keyof Filter, string]> = [
  ['event_category', 'event_category = @event_category'],
  ['event_type', 'event_type = @event_type'],
  ['user_id', 'user_id = @user_id'],
  ['entity_id', 'entity_id = @entity_id'],
  ['start_date', 'timestamp >= @start_date'],
  ['end_date', 'timestamp < @end_date'],
];

export function eventStatements(db: Database.Database) {
  const insert = db.prepare<EventRecord & { created_at: string }>(
    `INSERT INTO platform_events
       (id, app_id, user_id, event_category, event_type, entity_type, entity_id, event_data, timestamp, ip_address, user_agent, created_at)
     VALUES (@id, @app_id, @user_id, @event_category, @event_type, @entity_type, @entity_id, @event_data, @timestamp, @ip_address, @user_agent, @timestamp)`,
  );
  const insertMany = db.transaction((events: EventRecord[]) => {
    for (const event of events) insert.run(event as EventRecord & { created_at: string });
  });

  // One prepared statement per combination of filters, made on first use.
  const listCache = new Map<string, { page: Database.Statement; count: Database.Statement }>();
  const statementsFor = (query: EventQuery) => {
    const present = FILTER_CLAUSES.filter(([name]) => query[name] !== undefined);
    const cacheKey = present.map(([name]) => name).join(',') + (query.before_id ? ',before' : '');
    let statements = listCache.get(cacheKey);
    if (!statements) {
      const where = ['app_id = @app_id', ...present.map(([, clause]) => clause)];
      const countSql = `SELECT COUNT(*) AS total FROM platform_events WHERE ${where.join(' AND ')}`;
      if (query.before_id) where.push('id < @before_id');
      const pageSql = `SELECT id, app_id, user_id, event_category, event_type, entity_type, entity_id, event_data, timestamp, ip_address, user_agent
        FROM platform_events WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit OFFSET @offset`;
      statements = { page: db.prepare(pageSql), count: db.prepare(countSql).pluck() };
      listCache.set(cacheKey, statements);
    }
    return statements;
  };

  return {
    insertMany: (events: EventRecord[]): void => insertMany(events),
    list: (query: EventQuery): Page<EventRecord> => {
      const { page, count } = statementsFor(query);
      const params = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
      const { limit, offset, before_id, ...countParams } = params;
      return {
        items: page.all(params) as EventRecord[],
        total: count.get(countParams) as number,
      };
    },
  };
}
