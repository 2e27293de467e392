import type pg from 'pg';
import {
  NOTIFICATION_CONTENT_COLUMNS,
  NOTIFICATION_STATE_COLUMNS,
  type NotificationChange,
  type NotificationDecision,
  type NotificationQuery,
  type NotificationStore,
  type NotificationSync,
  type NotificationView,
  type UnreadCountRow,
} from '../../types.js';
import { batchedCommit } from '../batched-commit.js';
import { Params, type Queryable } from '../db.js';
import type { RunTx, Tx } from '../transactions.js';

const VIEW_COLUMNS = `n.id, n.app_id, n.external_id, n.user_id, n.notification_type, n.title, n.body,
    n.action_url, n.action_label, n.image_url, n.icon_url, n.context_data, n.group_key, n.priority, n.expires_at,
    n.created_at, n.updated_at, s.status, s.read_at, s.clicked_at, s.dismissed_at, s.dismissed_from, s.click_action,
    s.delivered_at, s.updated_at AS state_updated_at, a.name AS app_name, a.icon_url AS app_icon`;

const VIEW = `SELECT ${VIEW_COLUMNS}
  FROM platform_notifications n
  JOIN notification_state s ON s.user_id = n.user_id AND s.notification_id = n.id
  JOIN apps a ON a.app_id = n.app_id`;

/**
 * The same columns, driven from a user's state rows: a feed walks the state's primary key
 * (user_id, notification_id) newest first and stops at the page's end, fetching only the
 * notifications it shows, instead of reading and sorting every notification the user has.
 */
const FEED_VIEW = `SELECT ${VIEW_COLUMNS}
  FROM notification_state s
  JOIN platform_notifications n ON n.id = s.notification_id
  JOIN apps a ON a.app_id = s.app_id`;

/** Filterable columns the state row copies (so a user's feed filters and counts on the state alone). */
const IN_STATE = new Set(['user_id', 'app_id', 'notification_type', 'expires_at']);

const LIVE = "('unread', 'read', 'clicked')";

/** The SQL for each status filter. A live notification past its expiry reads as expired at once. */
function statusClause(
  status: NotificationQuery['status'],
  param: () => string,
  expiresAt = 'n.expires_at',
): string | undefined {
  if (status === 'all' || status === 'dismissed') return status === 'all' ? undefined : "s.status = 'dismissed'";
  const now = param();
  const notExpired = `(${expiresAt} IS NULL OR ${expiresAt} > ${now})`;
  switch (status) {
    case 'live':
      return `s.status IN ${LIVE} AND ${notExpired}`;
    case 'unread':
    case 'read':
    case 'clicked':
      return `s.status = '${status}' AND ${notExpired}`;
    case 'expired':
      return `(s.status = 'expired' OR (s.status IN ${LIVE} AND ${expiresAt} <= ${now}))`;
  }
}

const CASTS: Record<string, string> = {
  read_at: '::timestamptz',
  clicked_at: '::timestamptz',
  dismissed_at: '::timestamptz',
  expires_at: '::timestamptz',
  context_data: '::jsonb',
};

function syncKey(appId: string, externalId: string): string {
  return `${appId}\u0000${externalId}`;
}

function pairKey(userId: string, notificationId: string): string {
  return `${userId}\u0000${notificationId}`;
}

async function selectView(db: Queryable, id: string, lock = false): Promise<NotificationView | undefined> {
  const { rows } = await db.query<NotificationView>(`${VIEW} WHERE n.id = $1${lock ? ' FOR UPDATE OF n, s' : ''}`, [
    id,
  ]);
  return rows[0];
}

async function update(
  client: pg.PoolClient,
  table: 'notification_state' | 'platform_notifications',
  values: Record<string, unknown>,
  updatedAt: string,
  userId: string,
  id: string,
): Promise<void> {
  const params = new Params();
  const assignments = Object.entries(values).map(
    ([column, value]) => `${column} = ${params.add(value)}${CASTS[column] ?? ''}`,
  );
  assignments.push(`updated_at = ${params.add(updatedAt)}::timestamptz`);
  const key = table === 'notification_state' ? 'notification_id' : 'id';
  await client.query(
    `UPDATE ${table} SET ${assignments.join(', ')} WHERE user_id = ${params.add(userId)} AND ${key} = ${params.add(id)}`,
    params.values,
  );
}

/**
 * The page and count statements of a notification list (a user's feed, or an app's list), with their
 * parameters. Exported for the benchmark's bare PostgreSQL ceiling, which must run the same statements.
 */
export function notificationListSql(query: NotificationQuery) {
  const params = new Params();
  const where: string[] = [];
  // A user's feed filters on the state row's copies where it can (see FEED_VIEW); an app's list
  // has no user to start from and goes by the notification's own (app_id, id) index.
  const byUser = query.user_id !== undefined;
  const col = (name: string) => `${byUser && IN_STATE.has(name) ? 's' : 'n'}.${name}`;
  if (query.user_id !== undefined) where.push(`${col('user_id')} = ${params.add(query.user_id)}`);
  if (query.app_id !== undefined) where.push(`${col('app_id')} = ${params.add(query.app_id)}`);
  if (query.external_id !== undefined) where.push(`n.external_id = ${params.add(query.external_id)}`);
  if (query.priority !== undefined) where.push(`n.priority = ${params.add(query.priority)}`);
  if (query.notification_type !== undefined) {
    where.push(`${col('notification_type')} = ${params.add(query.notification_type)}`);
  }
  if (query.muted_apps !== undefined) where.push(`${col('app_id')} <> ALL(${params.add(query.muted_apps)}::text[])`);
  if (query.muted_types !== undefined) {
    where.push(
      `(${col('app_id')} || ':' || ${col('notification_type')}) <> ALL(${params.add(query.muted_types)}::text[])`,
    );
  }
  const status = statusClause(query.status, () => `${params.add(query.now)}::timestamptz`, col('expires_at'));
  if (status) where.push(status);
  const conditions = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const filtered = `${byUser ? FEED_VIEW : VIEW}${conditions}`;
  const countValues = [...params.values];
  if (query.group) {
    // The newest notification of each (app, group_key), with the group's size; the cursor applies to groups.
    const grouped = `SELECT * FROM (SELECT v.*,
           COUNT(*) OVER (PARTITION BY v.app_id, COALESCE(v.group_key, v.id))::int AS group_count,
           ROW_NUMBER() OVER (PARTITION BY v.app_id, COALESCE(v.group_key, v.id) ORDER BY v.id DESC) AS group_rank
         FROM (${filtered}) v) g
       WHERE group_rank = 1`;
    const count = `SELECT COUNT(*)::int AS total FROM (${grouped}) c`;
    const cursor = query.before_id ? ` WHERE id < ${params.add(query.before_id)}` : '';
    const page = `SELECT * FROM (${grouped}) p${cursor} ORDER BY id DESC
      LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}`;
    return { page, count, values: params.values, countValues };
  }
  // A user's count needs no notification row unless a filter reads one (priority, external id).
  const count =
    byUser && query.priority === undefined && query.external_id === undefined
      ? `SELECT COUNT(*)::int AS total FROM notification_state s${conditions}`
      : `SELECT COUNT(*)::int AS total FROM (${filtered}) c`;
  const id = byUser ? 's.notification_id' : 'n.id';
  const cursor = query.before_id ? `${where.length ? ' AND' : ' WHERE'} ${id} < ${params.add(query.before_id)}` : '';
  const page = `${filtered}${cursor} ORDER BY ${id} DESC LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}`;
  return { page, count, values: params.values, countValues };
}

interface DeliveryMark {
  userId: string;
  ids: string[];
  at: string;
}

/**
 * Marks the pages of several readers delivered in one transaction: one UPDATE for every (user,
 * notification) pair, and only when some were delivered already, one SELECT for their first time (a
 * new statement: it sees a delivery committed meanwhile). Answers each reader's ids with the time
 * stored; a pair asked twice keeps the first delivery.
 */
async function markDeliveredTogether(tx: Tx, marks: DeliveryMark[]): Promise<Map<string, string>[]> {
  // Each pair once, at the time of the first reader who asked (readers are in arrival order).
  const firstAsked = new Map<string, [string, string, string]>();
  for (const mark of marks) {
    for (const id of mark.ids) {
      const key = pairKey(mark.userId, id);
      if (!firstAsked.has(key)) firstAsked.set(key, [mark.userId, id, mark.at]);
    }
  }
  const users = [...firstAsked.values()].map(([userId]) => userId);
  const ids = [...firstAsked.values()].map(([, id]) => id);
  const ats = [...firstAsked.values()].map(([, , markAt]) => markAt);
  const pairs = 'unnest($1::text[], $2::text[]) AS v(user_id, notification_id)';
  const samePair = 's.user_id = v.user_id COLLATE "C" AND s.notification_id = v.notification_id COLLATE "C"';
  const { rows: marked } = await tx.client.query<{
    user_id: string;
    notification_id: string;
    delivered_at: string;
    app_id: string;
    notification_type: string;
  }>(
    `UPDATE notification_state s SET delivered_at = v.at
     FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS v(user_id, notification_id, at)
     WHERE ${samePair} AND s.delivered_at IS NULL
     RETURNING s.user_id, s.notification_id, s.delivered_at, s.app_id, s.notification_type`,
    [users, ids, ats],
  );
  const stored = new Map<string, string>();
  for (const row of marked) {
    tx.tally.delivered(row, row.delivered_at);
    stored.set(pairKey(row.user_id, row.notification_id), row.delivered_at);
  }
  if (stored.size < firstAsked.size) {
    // One index lookup per pair (LATERAL with LIMIT 1, which the planner cannot flatten). As a plain
    // join, with ANALYZE having seen few delivered rows, it was planned as a scan of the table's
    // delivered rows against every pair: 150 ms at 900 pairs, against 6 ms this way.
    const { rows } = await tx.client.query<{ user_id: string; notification_id: string; delivered_at: string }>(
      `SELECT v.user_id, v.notification_id, s.delivered_at FROM ${pairs}
       CROSS JOIN LATERAL (SELECT s.delivered_at FROM notification_state s WHERE ${samePair} LIMIT 1) s
       WHERE s.delivered_at IS NOT NULL`,
      [users, ids],
    );
    for (const row of rows) stored.set(pairKey(row.user_id, row.notification_id), row.delivered_at);
  }
  return marks.map((mark) => {
    const times = new Map<string, string>();
    for (const id of mark.ids) {
      const time = stored.get(pairKey(mark.userId, id));
      if (time !== undefined) times.set(id, time);
    }
    return times;
  });
}

/**
 * Notifications with their states. Nothing is cached: other instances write too, so `feedVersion` is
 * undefined. `grouped` runs a transaction in this process's next group commit (see transactions.ts):
 * the hot writes (create, change, delete) share commits under load; the rest run alone with `runTx`.
 * Besides the port, `prepareSyncs` readies an app's events about its notifications for their transaction.
 */
export function postgresNotifications(pool: pg.Pool, runTx: RunTx, grouped: RunTx) {
  /** Applies a decided change to one notification (inside the caller's transaction). */
  const apply = async (tx: Tx, current: NotificationView, change: NotificationChange, at: string) => {
    const pick = (columns: readonly string[], from: Record<string, unknown> | undefined) =>
      Object.fromEntries(columns.filter((column) => from?.[column] !== undefined).map((c) => [c, from![c]]));
    const state = pick(NOTIFICATION_STATE_COLUMNS, change.state);
    const content = pick(NOTIFICATION_CONTENT_COLUMNS, change.content);
    const stateCount = Object.keys(state).length;
    const contentCount = Object.keys(content).length;
    if (stateCount > 0) {
      tx.tally.stateChanged(current, change.state, at);
      await update(tx.client, 'notification_state', state, at, current.user_id, current.id);
    }
    if (contentCount > 0) {
      await update(tx.client, 'platform_notifications', content, at, current.user_id, current.id);
      if (change.content?.expires_at !== undefined) {
        // The state row keeps a copy of the expiry for its index (unread counts, the sweeper).
        await update(
          tx.client,
          'notification_state',
          { expires_at: change.content.expires_at },
          // A copy is no change of state: keep the state's own time (unless the state changed too).
          stateCount > 0 ? at : current.state_updated_at,
          current.user_id,
          current.id,
        );
      }
    }
    tx.addEvents(change.events);
    return stateCount + contentCount > 0 || change.events.length > 0;
  };

  const decideAndApply = async (tx: Tx, current: NotificationView, decide: NotificationDecision) => {
    const change = decide(current);
    if (!change) return { before: current, after: current, changed: false };
    const at = change.events[0]?.timestamp ?? new Date().toISOString();
    const changed = await apply(tx, current, change, at);
    return { before: current, after: (await selectView(tx.client, current.id))!, changed };
  };

  const markDelivered = batchedCommit(runTx, markDeliveredTogether);

  const store: NotificationStore = {
    create: (notification, event) =>
      grouped(async (tx) => {
        // ON CONFLICT waits for a concurrent insert of the same (app, external_id) and then yields to it.
        const inserted = await tx.client.query(
          `INSERT INTO platform_notifications (id, app_id, external_id, user_id, notification_type, title, body, action_url,
             action_label, image_url, icon_url, context_data, group_key, priority, expires_at, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15, $16, $17)
           ON CONFLICT (app_id, external_id) DO NOTHING`,
          [
            notification.id,
            notification.app_id,
            notification.external_id,
            notification.user_id,
            notification.notification_type,
            notification.title,
            notification.body,
            notification.action_url,
            notification.action_label,
            notification.image_url,
            notification.icon_url,
            notification.context_data,
            notification.group_key,
            notification.priority,
            notification.expires_at,
            notification.created_at,
            notification.updated_at,
          ],
        );
        if (inserted.rowCount === 0) {
          const { rows } = await tx.client.query<NotificationView>(
            `${VIEW} WHERE n.app_id = $1 AND n.external_id = $2`,
            [notification.app_id, notification.external_id],
          );
          return { created: false as const, existing: rows[0]! };
        }
        await tx.client.query(
          `INSERT INTO notification_state (user_id, notification_id, id, app_id, notification_type, expires_at, status,
             sent_at, created_at, updated_at)
           VALUES ($1, $2, 'nst_' || substr($2, 5), $3, $4, $5, 'unread', $6, $6, $6)`,
          [
            notification.user_id,
            notification.id,
            notification.app_id,
            notification.notification_type,
            notification.expires_at,
            notification.created_at,
          ],
        );
        tx.tally.created(notification);
        tx.addEvents([event]);
        return { created: true as const, view: (await selectView(tx.client, notification.id))! };
      }),
    get: (id) => selectView(pool, id),
    findByExternalId: async (scope, externalId) =>
      'app_id' in scope
        ? (
            await pool.query<NotificationView>(`${VIEW} WHERE n.app_id = $1 AND n.external_id = $2`, [
              scope.app_id,
              externalId,
            ])
          ).rows
        : (
            await pool.query<NotificationView>(
              `${VIEW} WHERE n.user_id = $1 AND n.external_id = $2 ORDER BY n.id DESC`,
              [scope.user_id, externalId],
            )
          ).rows,
    change: (id, decide) =>
      grouped(async (tx) => {
        const current = await selectView(tx.client, id, true);
        return current ? decideAndApply(tx, current, decide) : undefined;
      }),
    delete: (id, event) =>
      grouped(async (tx) => {
        const current = await selectView(tx.client, id, true);
        if (!current) return false;
        await tx.client.query('DELETE FROM notification_state WHERE user_id = $1 AND notification_id = $2', [
          current.user_id,
          id,
        ]);
        await tx.client.query('DELETE FROM platform_notifications WHERE user_id = $1 AND id = $2', [
          current.user_id,
          id,
        ]);
        tx.addEvents([event]);
        return true;
      }),
    list: async (query) => {
      const { page, count, values, countValues } = notificationListSql(query);
      const [items, total] = await Promise.all([
        pool.query<NotificationView & { group_rank?: unknown }>(page, values),
        pool.query<{ total: number }>(count, countValues),
      ]);
      for (const row of items.rows) delete row.group_rank;
      return { items: items.rows, total: total.rows[0]!.total };
    },
    /** Shares one UPDATE with every other page served meanwhile (see `markDeliveredTogether`). */
    markDelivered: (userId, ids, at) => markDelivered({ userId, ids, at }),
    countUnread: async (userId, now) =>
      (
        await pool.query<UnreadCountRow>(
          `SELECT app_id, notification_type, COUNT(*)::int AS count FROM notification_state
           WHERE user_id = $1 AND status = 'unread' AND (expires_at IS NULL OR expires_at > $2)
           GROUP BY app_id, notification_type ORDER BY app_id, notification_type`,
          [userId, now],
        )
      ).rows,
    // Other instances write too: this one cannot tell when a feed changed, so nothing is cached.
    feedVersion: () => undefined,
    nextFeedExpiry: async (userId, now) =>
      (
        await pool.query<{ next: string | null }>(
          `SELECT MIN(expires_at) AS next FROM notification_state
           WHERE user_id = $1 AND status IN ${LIVE} AND expires_at IS NOT NULL AND expires_at > $2`,
          [userId, now],
        )
      ).rows[0]?.next ?? undefined,
    markAllRead: (userId, filter, summarize) =>
      runTx(async (tx) => {
        const params = new Params();
        const now = `${params.add(filter.now)}::timestamptz`;
        const where = [
          `n.user_id = ${params.add(userId)}`,
          `s.status = 'unread'`,
          `(n.expires_at IS NULL OR n.expires_at > ${now})`,
        ];
        if (filter.app_id) where.push(`n.app_id = ${params.add(filter.app_id)}`);
        if (filter.before) where.push(`n.created_at < ${params.add(filter.before)}::timestamptz`);
        const { rows: marked } = await tx.client.query<NotificationView>(
          `${VIEW} WHERE ${where.join(' AND ')} ORDER BY n.id FOR UPDATE OF s`,
          params.values,
        );
        if (marked.length === 0) return 0;
        await tx.client.query(
          `UPDATE notification_state SET status = 'read', read_at = $1, updated_at = $1
           WHERE user_id = $2 AND notification_id = ANY($3::text[])`,
          [filter.now, userId, marked.map((view) => view.id)],
        );
        for (const view of marked) tx.tally.moved(view, 'read', filter.now);
        tx.addEvents(summarize(marked));
        return marked.length;
      }),
    /** SKIP LOCKED: sweepers on several instances share the work instead of queueing on it. */
    expireDue: (now, limit, eventFor) =>
      runTx(async (tx) => {
        const { rows: due } = await tx.client.query<{ notification_id: string }>(
          `SELECT notification_id FROM notification_state
           WHERE expires_at IS NOT NULL AND status IN ${LIVE} AND expires_at <= $1
           ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [now, limit],
        );
        if (due.length === 0) return 0;
        const ids = due.map((row) => row.notification_id);
        const { rows: views } = await tx.client.query<NotificationView>(`${VIEW} WHERE n.id = ANY($1::text[])`, [ids]);
        const byId = new Map(views.map((view) => [view.id, view]));
        await tx.client.query(
          `UPDATE notification_state SET status = 'expired', updated_at = $1 WHERE notification_id = ANY($2::text[])`,
          [now, ids],
        );
        for (const id of ids) {
          tx.tally.moved(byId.get(id)!, 'expired', now);
          tx.addEvents([eventFor(byId.get(id)!)]);
        }
        return due.length;
      }),
  };
  return {
    ...store,
    /**
     * For an app's own events: finds the notifications they name (one statement, before any
     * transaction) and returns the work that applies each sync to its notification inside the events'
     * transaction, or undefined when none names one. Most such events match no notification, and a
     * lookup per request inside a group commit ran one after another while the group held its
     * transaction open; out here they run side by side. A notification created after the lookup by a
     * request not yet answered is a concurrent write, which no order was promised against.
     */
    prepareSyncs: async (syncs: NotificationSync[]): Promise<((tx: Tx) => Promise<void>) | undefined> => {
      const keys = new Map<string, [string, string]>();
      for (const sync of syncs) keys.set(syncKey(sync.app_id, sync.external_id), [sync.app_id, sync.external_id]);
      const { rows } = await pool.query<{ app_id: string; external_id: string; id: string }>(
        `SELECT n.app_id, n.external_id, n.id FROM unnest($1::text[], $2::text[]) AS k(app_id, external_id)
         JOIN platform_notifications n ON n.app_id = k.app_id COLLATE "C" AND n.external_id = k.external_id COLLATE "C"`,
        [[...keys.values()].map(([appId]) => appId), [...keys.values()].map(([, externalId]) => externalId)],
      );
      if (rows.length === 0) return undefined;
      const found = new Map(rows.map((row) => [syncKey(row.app_id, row.external_id), row.id]));
      return async (tx) => {
        for (const sync of syncs) {
          const id = found.get(syncKey(sync.app_id, sync.external_id));
          if (!id) continue;
          const current = await selectView(tx.client, id, true);
          if (current) await decideAndApply(tx, current, sync.decide);
        }
      };
    },
  };
}
