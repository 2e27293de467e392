import {
  AuthenticationError,
  type Notification,
  type NotificationListParams,
  Oriva,
  type StreamEvent,
} from '@oriva/sdk';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Session } from './format.js';
import { NotificationItem } from './notification-item.js';

/** The stream's state, as the connection indicator shows it. */
export type Connection = 'connecting' | 'live' | 'reconnecting' | 'offline';
/** `active` is the feed's default: unread, read and clicked, not expired. */
type StatusFilter = 'active' | 'unread' | 'read' | 'clicked' | 'dismissed' | 'expired' | 'all';

export interface AppInfo {
  id: string;
  name: string;
  icon: string | null;
}

const STATUS_LABELS: Record<StatusFilter, string> = {
  active: 'Active',
  unread: 'Unread',
  read: 'Read',
  clicked: 'Clicked',
  dismissed: 'Dismissed',
  expired: 'Expired',
  all: 'All',
};

const CONNECTION_LABELS: Record<Connection, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** Events arriving together (a read-all, a burst of creations) cost one refetch, and still land well within a second. */
const REFRESH_DEBOUNCE_MS = 120;
const PAGE_SIZE = 100;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function appsFrom(notifications: readonly Notification[], known: Record<string, AppInfo>): Record<string, AppInfo> {
  let changed = false;
  const next = { ...known };
  for (const notification of notifications) {
    const current = next[notification.app_id];
    if (current?.name === notification.app_name && current.icon === notification.app_icon) continue;
    next[notification.app_id] = { id: notification.app_id, name: notification.app_name, icon: notification.app_icon };
    changed = true;
  }
  return changed ? next : known;
}

/**
 * The signed-in user's feed from every app, kept live by the stream: every `notification.*` event
 * refetches the feed (debounced), a resync (`too_old`) or a reconnect refetches it too.
 */
export function Inbox({
  session,
  onSignOut,
  onExpired,
}: {
  session: Session;
  onSignOut: () => void;
  /** The token was refused (expired): mint a new one, or sign out. */
  onExpired: () => void;
}) {
  const client = useMemo(
    () => new Oriva({ userToken: session.token, baseUrl: location.origin, maxRetries: 1, timeout: 15_000 }),
    [session.token],
  );
  const [items, setItems] = useState<Notification[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [mutedUnread, setMutedUnread] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [appFilter, setAppFilter] = useState('');
  const [status, setStatus] = useState<StatusFilter>('active');
  const [grouped, setGrouped] = useState(true);
  const [mutedApps, setMutedApps] = useState<string[]>([]);
  const [apps, setApps] = useState<Record<string, AppInfo>>({});
  const [connection, setConnection] = useState<Connection>('connecting');
  /** How the last connection resumed (`none`, `complete`, `too_old`): shown to tools, not people. */
  const [resume, setResume] = useState<string>('');
  const [announcement, setAnnouncement] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  /** Expanded groups (`<app_id>/<group_key>`) and their notifications. */
  const [openGroups, setOpenGroups] = useState<string[]>([]);
  const [members, setMembers] = useState<Record<string, Notification[]>>({});
  const openGroupsRef = useRef(openGroups);
  openGroupsRef.current = openGroups;

  const filters = useRef({ appFilter, status, grouped });
  filters.current = { appFilter, status, grouped };
  const loadSeq = useRef(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mutedRef = useRef(mutedApps);
  mutedRef.current = mutedApps;
  const expiredRef = useRef(onExpired);
  expiredRef.current = onExpired;

  const failed = useCallback((cause: unknown) => {
    if (cause instanceof AuthenticationError) {
      expiredRef.current();
      return;
    }
    setError(describe(cause));
  }, []);

  /** The notifications of expanded groups: the feed has no group filter, so one app's ungrouped page each. */
  const loadMembers = useCallback(
    async (keys: readonly string[]) => {
      const { status } = filters.current;
      const byApp = new Map<string, string[]>();
      for (const key of keys) {
        const [appId = '', ...rest] = key.split('/');
        byApp.set(appId, [...(byApp.get(appId) ?? []), rest.join('/')]);
      }
      const found: Record<string, Notification[]> = {};
      await Promise.all(
        [...byApp].map(async ([appId, groupKeys]) => {
          const query: NotificationListParams = { app_id: appId, group: false, limit: PAGE_SIZE };
          if (status !== 'active') query.status = status;
          const page = await client.notifications.list(query);
          for (const groupKey of groupKeys) {
            found[`${appId}/${groupKey}`] = page.data.filter((entry) => entry.group_key === groupKey);
          }
        }),
      );
      setMembers((current) => ({ ...current, ...found }));
    },
    [client],
  );

  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    const { appFilter, status, grouped } = filters.current;
    const query: NotificationListParams = { limit: PAGE_SIZE, group: grouped };
    if (status !== 'active') query.status = status;
    if (appFilter) query.app_id = appFilter;
    try {
      const page = await client.notifications.list(query);
      // A newer load (a filter change, another event) started meanwhile: its answer wins.
      if (seq !== loadSeq.current) return;
      setItems(page.data);
      setUnread(page.unreadCount ?? 0);
      setMutedUnread(page.mutedUnreadCount ?? 0);
      setApps((known) => appsFrom(page.data, known));
      setError(null);
      if (grouped && openGroupsRef.current.length > 0) await loadMembers(openGroupsRef.current);
    } catch (cause) {
      if (seq === loadSeq.current) failed(cause);
    } finally {
      if (seq === loadSeq.current) setLoading(false);
    }
  }, [client, failed, loadMembers]);

  const refreshSoon = useCallback(() => {
    if (refreshTimer.current !== undefined) return;
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = undefined;
      void load();
    }, REFRESH_DEBOUNCE_MS);
  }, [load]);

  // The feed, again whenever a filter changes.
  useEffect(() => {
    setLoading(true);
    void load();
  }, [load, appFilter, status, grouped]);

  // Preferences, and the names of muted apps (absent from the default feed) for the mute list.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const { preferences } = await client.preferences.get();
        if (cancelled) return;
        setMutedApps(preferences.muted_apps);
        if (preferences.muted_apps.length > 0) {
          const page = await client.notifications.list({ include_muted: true, status: 'all', limit: PAGE_SIZE });
          if (!cancelled) setApps((known) => appsFrom(page.data, known));
        }
      } catch (cause) {
        if (!cancelled) failed(cause);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, failed]);

  // The live stream: every notification event refreshes the feed.
  useEffect(() => {
    let disposed = false;
    const stream = client.stream({ events: ['notification.*'], maxBackoffMs: 5_000 });
    setConnection('connecting');
    stream.on('ready', (ready) => {
      if (disposed) return;
      setConnection('live');
      setResume(ready.resume);
      // Covers whatever happened between the first load and this connection, and after a reconnect.
      refreshSoon();
    });
    stream.on('reconnecting', () => {
      if (!disposed) setConnection('reconnecting');
    });
    stream.on('resync', () => {
      // Missed more than the server replays (`too_old`): the REST feed is the truth.
      if (!disposed) refreshSoon();
    });
    stream.on('event', (event: StreamEvent) => {
      if (disposed || !event.type.startsWith('notification.')) return;
      if (event.type === 'notification.created') announce(event);
      refreshSoon();
    });
    stream.on('error', (streamError) => {
      if (disposed || !streamError.fatal) return;
      setConnection('offline');
      if (streamError.code === 401 || streamError.code === 4401) expiredRef.current();
    });
    stream.on('close', () => {
      if (!disposed) setConnection('offline');
    });

    function announce(event: StreamEvent): void {
      const created = event.event_data.notification as Partial<Notification> | undefined;
      if (mutedRef.current.includes(event.app_id)) return;
      const from = created?.app_name ?? event.app_id;
      setAnnouncement(`New notification from ${from}: ${created?.title ?? ''}`.trim());
    }

    return () => {
      disposed = true;
      stream.close();
      clearTimeout(refreshTimer.current);
      refreshTimer.current = undefined;
    };
  }, [client, refreshSoon]);

  // Relative ages ("5 minutes ago") stay true.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) Notifications · Oriva` : 'Notifications · Oriva';
  }, [unread]);

  /** Runs an action on one notification, with its buttons disabled meanwhile, then refetches. */
  const act = useCallback(
    async (id: string, optimistic: (list: Notification[]) => Notification[], action: () => Promise<unknown>) => {
      setBusy((current) => new Set(current).add(id));
      setItems((list) => (list ? optimistic(list) : list));
      try {
        await action();
      } catch (cause) {
        failed(cause);
      } finally {
        setBusy((current) => {
          const next = new Set(current);
          next.delete(id);
          return next;
        });
        refreshSoon();
      }
    },
    [failed, refreshSoon],
  );

  const withStatus = (id: string, next: Notification['status']) => (list: Notification[]) =>
    list.map((item) => (item.id === id ? { ...item, status: next } : item));
  const keepsStatus = (next: Notification['status']) =>
    status === 'all' || status === next || (status === 'active' && ['unread', 'read', 'clicked'].includes(next));
  const setStatusOf = (id: string, next: Notification['status']) => (list: Notification[]) =>
    keepsStatus(next) ? withStatus(id, next)(list) : list.filter((item) => item.id !== id);

  const markRead = (item: Notification) => {
    if (item.status === 'unread' && !item.muted) setUnread((count) => Math.max(0, count - 1));
    void act(item.id, setStatusOf(item.id, 'read'), () => client.notifications.markRead(item.id));
  };
  const markUnread = (item: Notification) =>
    void act(item.id, setStatusOf(item.id, 'unread'), () => client.notifications.markUnread(item.id));
  /** Keyboard users keep their place: focus moves to the next notification (or the previous, or the toolbar). */
  const focusAfterRemoving = (item: Notification) => {
    if (keepsStatus('dismissed')) return;
    const list = items ?? [];
    const index = list.findIndex((entry) => entry.id === item.id);
    const neighbour = list[index + 1] ?? list[index - 1];
    requestAnimationFrame(() => {
      const target = neighbour
        ? document.querySelector<HTMLElement>(`[data-notification-id="${CSS.escape(neighbour.id)}"] button`)
        : document.getElementById('feed-heading');
      target?.focus();
    });
  };
  const dismiss = (item: Notification) => {
    focusAfterRemoving(item);
    if (item.status === 'unread' && !item.muted) setUnread((count) => Math.max(0, count - 1));
    setAnnouncement(`Dismissed: ${item.title}`);
    void act(item.id, setStatusOf(item.id, 'dismissed'), () =>
      client.notifications.dismiss(item.id, { dismissed_from: 'oriva_core' }),
    );
  };
  const open = (item: Notification, url: string) => {
    // Opened inside the click itself, or pop-up blockers stop it; recorded after.
    window.open(url, '_blank', 'noopener,noreferrer');
    if (item.status === 'unread' && !item.muted) setUnread((count) => Math.max(0, count - 1));
    void act(item.id, setStatusOf(item.id, 'clicked'), () =>
      client.notifications.markClicked(item.id, { click_action: 'open' }),
    );
  };
  const markAllRead = async () => {
    setUnread(0);
    setItems((list) =>
      list
        ? list
            .filter((item) => status !== 'unread' || item.status !== 'unread')
            .map((item) => (item.status === 'unread' ? { ...item, status: 'read' } : item))
        : list,
    );
    try {
      const { count } = await client.notifications.markAllRead(appFilter ? { app_id: appFilter } : {});
      setAnnouncement(count === 1 ? 'Marked 1 notification read' : `Marked ${count} notifications read`);
    } catch (cause) {
      failed(cause);
    } finally {
      refreshSoon();
    }
  };
  const setMuted = async (appId: string, mute: boolean) => {
    const next = mute ? [...new Set([...mutedApps, appId])] : mutedApps.filter((id) => id !== appId);
    setMutedApps(next);
    const name = apps[appId]?.name ?? appId;
    try {
      const { preferences } = await client.preferences.update({ muted_apps: next });
      setMutedApps(preferences.muted_apps);
      setAnnouncement(mute ? `Muted ${name}` : `Unmuted ${name}`);
    } catch (cause) {
      failed(cause);
    } finally {
      refreshSoon();
    }
  };

  const groupKeyOf = (item: Notification) => `${item.app_id}/${item.group_key ?? ''}`;
  const toggleGroup = (item: Notification) => {
    const key = groupKeyOf(item);
    if (openGroups.includes(key)) {
      setOpenGroups(openGroups.filter((open) => open !== key));
      return;
    }
    setOpenGroups([...openGroups, key]);
    loadMembers([key]).catch(failed);
  };

  const appList = Object.values(apps).sort((a, b) => a.name.localeCompare(b.name));
  for (const id of mutedApps) if (!apps[id]) appList.push({ id, name: id, icon: null });
  const visible = items ?? [];

  return (
    <div class="inbox">
      <header class="top">
        <h1>
          Notifications{' '}
          <span id="unread-badge" class="badge" hidden={unread === 0} data-count={unread}>
            <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
            <span class="sr-only">{unread} unread</span>
          </span>
        </h1>
        <output
          id="connection"
          class="connection"
          data-state={connection}
          data-resume={resume}
          aria-label="Live updates"
        >
          <span class="dot" aria-hidden="true" />
          {CONNECTION_LABELS[connection]}
        </output>
        <span class="user">
          Signed in as <strong>{session.userId}</strong>
        </span>
        <button type="button" class="link" onClick={onSignOut}>
          Sign out
        </button>
      </header>

      <div class="sr-only" aria-live="polite" aria-atomic="true" id="announcer">
        {announcement}
      </div>

      <div class="layout">
        <aside class="side" aria-labelledby="apps-heading">
          <h2 id="apps-heading">Apps</h2>
          {appList.length === 0 ? (
            <p class="hint">Apps appear here once they notify you.</p>
          ) : (
            <ul class="apps">
              {appList.map((app) => {
                const isMuted = mutedApps.includes(app.id);
                return (
                  <li key={app.id} class={isMuted ? 'muted' : ''} data-app-id={app.id}>
                    <span class="app-name">{app.name}</span>
                    <button
                      type="button"
                      class="small"
                      aria-pressed={isMuted}
                      aria-label={`${isMuted ? 'Unmute' : 'Mute'} ${app.name}`}
                      onClick={() => void setMuted(app.id, !isMuted)}
                    >
                      {isMuted ? 'Unmute' : 'Mute'}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {mutedUnread > 0 && (
            <p class="hint">
              {mutedUnread} unread from muted apps {mutedUnread === 1 ? 'is' : 'are'} hidden.
            </p>
          )}
        </aside>

        <main class="feed" aria-labelledby="feed-heading" aria-busy={loading}>
          <h2 id="feed-heading" class="sr-only" tabIndex={-1}>
            Feed
          </h2>
          <div class="toolbar">
            <label>
              App{' '}
              <select value={appFilter} onChange={(event) => setAppFilter(event.currentTarget.value)}>
                <option value="">All apps</option>
                {appList.map((app) => (
                  <option key={app.id} value={app.id}>
                    {app.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Status{' '}
              <select value={status} onChange={(event) => setStatus(event.currentTarget.value as StatusFilter)}>
                {Object.entries(STATUS_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label class="check">
              <input type="checkbox" checked={grouped} onChange={(event) => setGrouped(event.currentTarget.checked)} />{' '}
              Group
            </label>
            <button type="button" onClick={() => void markAllRead()} disabled={unread === 0}>
              Mark all read
            </button>
          </div>

          {error && (
            <div class="error" role="alert">
              <p>Something went wrong: {error}</p>
              <button type="button" onClick={() => void load()}>
                Try again
              </button>
            </div>
          )}

          {items === null && loading ? (
            <p class="state" role="status">
              Loading notifications…
            </p>
          ) : visible.length === 0 && !error ? (
            <div class="state empty">
              <p>
                <strong>You're all caught up.</strong>
              </p>
              <p class="hint">
                {status === 'active' && !appFilter
                  ? 'New notifications from your apps appear here as they arrive.'
                  : 'Nothing matches these filters.'}
              </p>
            </div>
          ) : (
            <ul class="list" aria-label="Notifications">
              {visible.map((item) => {
                const expanded = grouped && openGroups.includes(groupKeyOf(item));
                const others = expanded
                  ? (members[groupKeyOf(item)] ?? []).filter((entry) => entry.id !== item.id)
                  : [];
                return (
                  <NotificationItem
                    key={item.id}
                    item={item}
                    now={now}
                    busy={busy.has(item.id)}
                    expanded={grouped ? expanded : undefined}
                    onToggleGroup={toggleGroup}
                    onOpen={open}
                    onRead={markRead}
                    onUnread={markUnread}
                    onDismiss={dismiss}
                  >
                    {expanded && others.length > 0 && (
                      <ul class="list members" aria-label={`Earlier in this group from ${item.app_name}`}>
                        {others.map((member) => (
                          <NotificationItem
                            key={member.id}
                            item={member}
                            now={now}
                            busy={busy.has(member.id)}
                            onOpen={open}
                            onRead={markRead}
                            onUnread={markUnread}
                            onDismiss={dismiss}
                          />
                        ))}
                      </ul>
                    )}
                  </NotificationItem>
                );
              })}
            </ul>
          )}
        </main>
      </div>
    </div>
  );
}
