import type Database from 'better-sqlite3';
import {
  type EventRecord,
  NOTIFICATION_CONTENT_COLUMNS,
  NOTIFICATION_STATE_COLUMNS,
  type NotificationChange,
  type NotificationDecision,
  type NotificationQuery,
  type NotificationRecord,
  type NotificationStore,
  type NotificationSync,
  type NotificationView,
  type StatsTally,
  type UnreadCountRow,
} from '../../types.js';
import type { FeedVersions } from '../feed-versions.js';
import type { WriteQueue } from '../write-queue.js';

const VIEW = `SELECT n.id, n.app_id, n.external_id, n.user_id, n.notification_type, n.title, n.body,
    n.action_url, n.action_label, n.image_url, n.icon_url, n.context_data, n.group_key, n.priority, n.expires_at,
    n.created_at, n.updated_at, s.status, s.read_at, s.clicked_at, s.dismissed_at, s.dismissed_from, s.click_action,
    s.delivered_at, s.updated_at AS state_updated_at, a.name AS app_name, a.icon_url AS app_icon
  FROM platform_notifications n
  JOIN notification_state s ON s.user_id = n.user_id AND s.notification_id = n.id
  JOIN apps a ON a.app_id = n.app_id`;

const LIVE = "('unread', 'read', 'clicked')";

/**
 * The SQL for each status filter, over `s.status` and an expiry column (the notification's, or the
 * copy on its state row). A live notification past its expiry reads as expired at once.
 */
function statusClauses(expiresAt: string): Record<NotificationQuery['status'], string | undefined> {
  const notExpired = `(${expiresAt} IS NULL OR ${expiresAt} > @now)`;
  return {
    live: `s.status IN ${LIVE} AND ${notExpired}`,
    unread: `s.status = 'unread' AND ${notExpired}`,
    read: `s.status = 'read' AND ${notExpired}`,
    clicked: `s.status = 'clicked' AND ${notExpired}`,
    dismissed: "s.status = 'dismissed'",
    expired: `(s.status = 'expired' OR (s.status IN ${LIVE} AND ${expiresAt} <= @now))`,
    all: undefined,
  };
}
const NOT_EXPIRED = '(n.expires_at IS NULL OR n.expires_at > @now)';
const STATUS_CLAUSES = statusClauses('n.expires_at');
const STATE_STATUS_CLAUSES = statusClauses('s.expires_at');

const FILTER_CLAUSES: Array<[keyof NotificationQuery, string]> = [
  ['user_id', 'n.user_id = @user_id'],
  ['app_id', 'n.app_id = @app_id'],
  ['external_id', 'n.external_id = @external_id'],
  ['priority', 'n.priority = @priority'],
  ['notification_type', 'n.notification_type = @notification_type'],
  ['muted_apps', 'n.app_id NOT IN (SELECT value FROM json_each(@muted_apps))'],
  ['muted_types', "(n.app_id || ':' || n.notification_type) NOT IN (SELECT value FROM json_each(@muted_types))"],
];

/**
 * A user's feed total from the state table's covering index alone, when every filter is one it
 * carries (status, app, type, expiry, mutes): the count then reads no notification rows at all.
 */
function countFromStateIndex(query: NotificationQuery): string | undefined {
  if (!query.user_id || query.priority !== undefined || query.external_id !== undefined) return undefined;
  const where = ['s.user_id = @user_id'];
  if (query.app_id !== undefined) where.push('s.app_id = @app_id');
  if (query.notification_type !== undefined) where.push('s.notification_type = @notification_type');
  if (query.muted_apps !== undefined) where.push('s.app_id NOT IN (SELECT value FROM json_each(@muted_apps))');
  if (query.muted_types !== undefined) {
    where.push("(s.app_id || ':' || s.notification_type) NOT IN (SELECT value FROM json_each(@muted_types))");
  }
  const statusClause = STATE_STATUS_CLAUSES[query.status];
  if (statusClause) where.push(statusClause);
  return `SELECT COUNT(*) FROM notification_state s WHERE ${where.join(' AND ')}`;
}

/**
 * Notifications with their states. Besides the port, `applySyncs` applies an app's events about its
 * notifications inside the events' own transaction.
 */
export function sqliteNotifications(
  db: Database.Database,
  write: WriteQueue,
  insertEvents: (events: EventRecord[]) => void,
  feeds: FeedVersions,
  tallied: (fill: (tally: StatsTally) => void) => void,
) {
  const insertNotification = db.prepare<NotificationRecord>(
    `INSERT INTO platform_notifications (id, app_id, external_id, user_id, notification_type, title, body, action_url,
       action_label, image_url, icon_url, context_data, group_key, priority, expires_at, created_at, updated_at)
     VALUES (@id, @app_id, @external_id, @user_id, @notification_type, @title, @body, @action_url, @action_label,
       @image_url, @icon_url, @context_data, @group_key, @priority, @expires_at, @created_at, @updated_at)`,
  );
  const insertState = db.prepare<NotificationRecord>(
    `INSERT INTO notification_state (user_id, notification_id, id, app_id, notification_type, expires_at, status,
       sent_at, created_at, updated_at)
     VALUES (@user_id, @id, 'nst_' || substr(@id, 5), @app_id, @notification_type, @expires_at, 'unread',
       @created_at, @created_at, @created_at)`,
  );
  const selectById = db.prepare<[string], NotificationView>(`${VIEW} WHERE n.id = ?`);
  const selectByAppExternal = db.prepare<[string, string], NotificationView>(
    `${VIEW} WHERE n.app_id = ? AND n.external_id = ?`,
  );
  const selectByUserExternal = db.prepare<[string, string], NotificationView>(
    `${VIEW} WHERE n.user_id = ? AND n.external_id = ? ORDER BY n.id DESC`,
  );
  // Most events an app publishes about a notification concern one Oriva never saw: probe the unique
  // index before reading the whole view (this runs for every such event at ingest speed).
  const probeByAppExternal = db
    .prepare<[string, string]>('SELECT id FROM platform_notifications WHERE app_id = ? AND external_id = ?')
    .pluck();
  const deleteState = db.prepare<[string, string]>(
    'DELETE FROM notification_state WHERE user_id = ? AND notification_id = ?',
  );
  const deleteNotification = db.prepare<[string, string]>(
    'DELETE FROM platform_notifications WHERE user_id = ? AND id = ?',
  );
  const countUnread = db.prepare<[string, string], UnreadCountRow>(
    `SELECT app_id, notification_type, COUNT(*) AS count FROM notification_state
     WHERE user_id = ? AND status = 'unread' AND (expires_at IS NULL OR expires_at > ?)
     GROUP BY app_id, notification_type`,
  );
  const selectDue = db.prepare<[string, number], { notification_id: string }>(
    `SELECT notification_id FROM notification_state
     WHERE expires_at IS NOT NULL AND status IN ${LIVE} AND expires_at <= ? ORDER BY expires_at LIMIT ?`,
  );
  const expire = db.prepare<[string, string, string]>(
    "UPDATE notification_state SET status = 'expired', updated_at = ? WHERE user_id = ? AND notification_id = ?",
  );
  type Delivered = { notification_id: string; delivered_at: string; app_id: string; notification_type: string };
  type Deliveries = { user_id: string; ids: string; at: string };
  const LISTED_OF_USER = `user_id = @user_id AND notification_id IN (SELECT value FROM json_each(@ids))`;
  const setDelivered = db.prepare<Deliveries, Delivered>(
    `UPDATE notification_state SET delivered_at = @at WHERE ${LISTED_OF_USER} AND delivered_at IS NULL
     RETURNING notification_id, delivered_at, app_id, notification_type`,
  );
  const selectDelivered = db.prepare<Omit<Deliveries, 'at'>, Pick<Delivered, 'notification_id' | 'delivered_at'>>(
    `SELECT notification_id, delivered_at FROM notification_state WHERE ${LISTED_OF_USER} AND delivered_at IS NOT NULL`,
  );
  const touch = feeds.touch;
  const selectNextExpiry = db
    .prepare<[string, string]>(
      `SELECT MIN(expires_at) FROM notification_state
       WHERE user_id = ? AND status IN ${LIVE} AND expires_at IS NOT NULL AND expires_at > ?`,
    )
    .pluck();

  // Updates touch only the columns a change names; one prepared statement per set of columns.
  const updateCache = new Map<string, Database.Statement>();
  const update = (table: 'notification_state' | 'platform_notifications', columns: string[]) => {
    const cacheKey = `${table}:${columns.join(',')}`;
    let statement = updateCache.get(cacheKey);
    if (!statement) {
      const key = table === 'notification_state' ? 'notification_id' : 'id';
      const assignments = [...columns.map((column) => `${column} = @${column}`), 'updated_at = @updated_at'];
      statement = db.prepare(`UPDATE ${table} SET ${assignments.join(', ')} WHERE user_id = @user_id AND ${key} = @id`);
      updateCache.set(cacheKey, statement);
    }
    return statement;
  };

  /** Applies a decided change to one notification (inside the caller's transaction). */
  const apply = (current: NotificationView, change: NotificationChange, at: string) => {
    const stateColumns = NOTIFICATION_STATE_COLUMNS.filter((column) => change.state?.[column] !== undefined);
    const contentColumns = NOTIFICATION_CONTENT_COLUMNS.filter((column) => change.content?.[column] !== undefined);
    if (stateColumns.length > 0) {
      tallied((tally) => tally.stateChanged(current, change.state, at));
      update('notification_state', stateColumns).run({
        ...change.state,
        updated_at: at,
        user_id: current.user_id,
        id: current.id,
      });
    }
    if (contentColumns.length > 0) {
      update('platform_notifications', contentColumns).run({
        ...change.content,
        updated_at: at,
        user_id: current.user_id,
        id: current.id,
      });
      if (change.content?.expires_at !== undefined) {
        // The state row keeps a copy of the expiry for its index (unread counts, the sweeper).
        update('notification_state', ['expires_at']).run({
          expires_at: change.content.expires_at,
          // A copy is no change of state: keep the state's own time (unless the state changed too).
          updated_at: stateColumns.length > 0 ? at : current.state_updated_at,
          user_id: current.user_id,
          id: current.id,
        });
      }
    }
    insertEvents(change.events);
    if (stateColumns.length + contentColumns.length > 0) touch(current.user_id);
    return stateColumns.length + contentColumns.length > 0 || change.events.length > 0;
  };

  const decideAndApply = (current: NotificationView, decide: NotificationDecision) => {
    const change = decide(current);
    if (!change) return { before: current, after: current, changed: false };
    const at = change.events[0]?.timestamp ?? new Date().toISOString();
    const changed = apply(current, change, at);
    return { before: current, after: selectById.get(current.id)!, changed };
  };

  const listCache = new Map<string, { page: Database.Statement; count: Database.Statement }>();
  const listStatements = (query: NotificationQuery) => {
    const present = FILTER_CLAUSES.filter(([name]) => query[name] !== undefined);
    const cacheKey = [
      query.status,
      ...present.map(([name]) => name),
      query.group ? 'group' : '',
      query.before_id ? 'before' : '',
    ].join(',');
    let statements = listCache.get(cacheKey);
    if (!statements) {
      const where = [...present.map(([, clause]) => clause)];
      const statusClause = STATUS_CLAUSES[query.status];
      if (statusClause) where.push(statusClause);
      const filtered = (extra: string[] = []) => {
        const all = [...where, ...extra];
        return `${VIEW}${all.length ? ` WHERE ${all.join(' AND ')}` : ''}`;
      };
      let page: string;
      let count: string;
      if (query.group) {
        // The newest notification of each (app, group_key), with the group's size; the cursor applies to groups.
        const grouped = `SELECT * FROM (SELECT v.*,
               COUNT(*) OVER (PARTITION BY v.app_id, COALESCE(v.group_key, v.id)) AS group_count,
               ROW_NUMBER() OVER (PARTITION BY v.app_id, COALESCE(v.group_key, v.id) ORDER BY v.id DESC) AS group_rank
             FROM (${filtered()}) v)
           WHERE group_rank = 1`;
        page = `SELECT * FROM (${grouped})${query.before_id ? ' WHERE id < @before_id' : ''} ORDER BY id DESC LIMIT @limit OFFSET @offset`;
        count = `SELECT COUNT(*) FROM (${grouped})`;
      } else {
        page = `${filtered(query.before_id ? ['n.id < @before_id'] : [])} ORDER BY n.id DESC LIMIT @limit OFFSET @offset`;
        count = countFromStateIndex(query) ?? `SELECT COUNT(*) FROM (${filtered()})`;
      }
      statements = { page: db.prepare(page), count: db.prepare(count).pluck() };
      listCache.set(cacheKey, statements);
    }
    return statements;
  };

  const store: NotificationStore = {
    create: (notification, event) =>
      write(() => {
        const existing = selectByAppExternal.get(notification.app_id, notification.external_id);
        if (existing) return { created: false as const, existing };
        insertNotification.run(notification);
        insertState.run(notification);
        tallied((tally) => tally.created(notification));
        touch(notification.user_id);
        insertEvents([event]);
        return { created: true as const, view: selectById.get(notification.id)! };
      }),
    get: async (id) => selectById.get(id),
    findByExternalId: async (scope, externalId) =>
      'app_id' in scope
        ? selectByAppExternal.all(scope.app_id, externalId)
        : selectByUserExternal.all(scope.user_id, externalId),
    change: (id, decide) =>
      write(() => {
        const current = selectById.get(id);
        return current ? decideAndApply(current, decide) : undefined;
      }),
    delete: (id, event) =>
      write(() => {
        const current = selectById.get(id);
        if (!current) return false;
        deleteState.run(current.user_id, id);
        deleteNotification.run(current.user_id, id);
        touch(current.user_id);
        insertEvents([event]);
        return true;
      }),
    list: async (query) => {
      const { page, count } = listStatements(query);
      const params: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(query)) {
        if (value === undefined || key === 'group' || key === 'status') continue;
        params[key] = Array.isArray(value) ? JSON.stringify(value) : value;
      }
      const { limit, offset, before_id, ...countParams } = params;
      return { items: page.all(params) as NotificationView[], total: count.get(countParams) as number };
    },
    /** One UPDATE for all of `ids`; only when some were delivered already, one SELECT for their first time. */
    markDelivered: (userId, ids, at) =>
      write(() => {
        const listed = { user_id: userId, ids: JSON.stringify(ids) };
        const first = setDelivered.all({ ...listed, at });
        if (first.length > 0)
          tallied((tally) => {
            for (const row of first) tally.delivered(row, at);
          });
        let stored: Array<Pick<Delivered, 'notification_id' | 'delivered_at'>> = first;
        if (stored.length < ids.length) stored = selectDelivered.all(listed);
        return new Map(stored.map((row) => [row.notification_id, row.delivered_at]));
      }),
    countUnread: async (userId, now) => countUnread.all(userId, now),
    feedVersion: feeds.of,
    nextFeedExpiry: async (userId, now) => (selectNextExpiry.get(userId, now) as string | null) ?? undefined,
    markAllRead: (userId, filter, summarize) =>
      write(() => {
        const where = ['n.user_id = @user_id', `s.status = 'unread'`, NOT_EXPIRED];
        if (filter.app_id) where.push('n.app_id = @app_id');
        if (filter.before) where.push('n.created_at < @before');
        const marked = db
          .prepare(`${VIEW} WHERE ${where.join(' AND ')} ORDER BY n.id`)
          .all({ user_id: userId, ...filter }) as NotificationView[];
        if (marked.length === 0) return 0;
        const at = filter.now;
        const mark = update('notification_state', ['status', 'read_at']);
        for (const view of marked)
          mark.run({ status: 'read', read_at: at, updated_at: at, user_id: view.user_id, id: view.id });
        tallied((tally) => {
          for (const view of marked) tally.moved(view, 'read', at);
        });
        touch(userId);
        insertEvents(summarize(marked));
        return marked.length;
      }),
    expireDue: (now, limit, eventFor) =>
      write(() => {
        const due = selectDue.all(now, limit);
        for (const { notification_id } of due) {
          const view = selectById.get(notification_id)!;
          expire.run(now, view.user_id, notification_id);
          tallied((tally) => tally.moved(view, 'expired', now));
          touch(view.user_id);
          insertEvents([eventFor(view)]);
        }
        return due.length;
      }),
  };
  return {
    ...store,
    /** For an app's own events: applies each sync to its notification, if the app has one by that id. */
    applySyncs: (syncs: NotificationSync[]) => {
      // Each notification is looked up once per write; its syncs still apply one by one, in order.
      const found = new Map<string, string | undefined>();
      for (const sync of syncs) {
        const key = `${sync.app_id}\u0000${sync.external_id}`;
        if (!found.has(key))
          found.set(key, probeByAppExternal.get(sync.app_id, sync.external_id) as string | undefined);
        const id = found.get(key);
        if (id) decideAndApply(selectById.get(id)!, sync.decide);
      }
    },
  };
}
