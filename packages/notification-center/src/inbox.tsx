import {
  AuthenticationError,
  type Notification,
  type NotificationListParams,
  type NotificationPage,
  Oriva,
  type StreamEvent,
} from '@oriva/sdk';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AppIcon } from './app-icon.js';
import type { Session } from './format.js';
import { NotificationItem } from './notification-item.js';
import { usePendingDismissals } from './pending-dismissals.js';
import { UndoToast } from './undo-toast.js';

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
/** Wide screens show the app list beside the feed; phones fold it away, so the feed starts high. */
const WIDE_SCREEN = '(min-width: 721px)';

type FeedPage = NotificationPage<NotificationListParams>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A grouped card stands for every notification of its group: `<app_id>/<group_key>`. */
const groupKeyOf = (item: Notification) => `${item.app_id}/${item.group_key ?? ''}`;

/** Unread notifications per group, from one ungrouped page of unread ones. */
function unreadByGroup(unread: readonly Notification[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of unread) {
    if (item.group_key !== null) counts[groupKeyOf(item)] = (counts[groupKeyOf(item)] ?? 0) + 1;
  }
  return counts;
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
  /** Whether the feed goes on past the pages loaded, and how many pages a refresh reloads. */
  const [hasMore, setHasMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const pagesWanted = useRef(1);
  const lastPage = useRef<FeedPage | null>(null);
  /** With grouping on: how many of each group's notifications are unread (the card shows one). */
  const [groupUnread, setGroupUnread] = useState<Record<string, number>>({});
  const [appsOpen, setAppsOpen] = useState(() => matchMedia(WIDE_SCREEN).matches);
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
  /**
   * Where the stream starts: the stream position the first feed page was read at (snapshot +
   * position), `null` when the server does not say; undefined until that page has loaded.
   */
  const [streamStart, setStreamStart] = useState<number | null | undefined>(undefined);
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
      // As many pages as the user has loaded ("Load more"), each after the previous one's cursor.
      let page = await client.notifications.list(query);
      const snapshotPosition = page.streamPosition;
      const all = [...page.data];
      for (let loaded = 1; loaded < pagesWanted.current && page.hasNextPage(); loaded++) {
        page = await page.getNextPage();
        all.push(...page.data);
      }
      // A grouped card shows its newest notification; the badge counts every unread one. The card
      // says how many of its group are unread, so the cards add up to the badge.
      const groups = grouped && all.some((item) => (item.group_count ?? 1) > 1);
      const unreadPage = groups
        ? await client.notifications.list({
            status: 'unread',
            group: false,
            limit: PAGE_SIZE,
            ...(appFilter ? { app_id: appFilter } : {}),
          })
        : null;
      // A newer load (a filter change, another event) started meanwhile: its answer wins.
      if (seq !== loadSeq.current) return;
      lastPage.current = page;
      setItems(all);
      setHasMore(page.hasNextPage());
      setGroupUnread(unreadPage ? unreadByGroup(unreadPage.data) : {});
      setUnread(page.unreadCount ?? 0);
      setMutedUnread(page.mutedUnreadCount ?? 0);
      setApps((known) => appsFrom(all, known));
      setError(null);
      // The first page's position only: the stream, once open, resumes by itself.
      setStreamStart((current) => (current === undefined ? snapshotPosition : current));
      if (grouped && openGroupsRef.current.length > 0) await loadMembers(openGroupsRef.current);
    } catch (cause) {
      if (seq === loadSeq.current) {
        failed(cause);
        // Live updates still start; without a snapshot position they start from now.
        setStreamStart((current) => (current === undefined ? null : current));
      }
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

  /** The next page after the last one loaded, added below; focus moves to its first notification. */
  const loadMore = useCallback(async () => {
    const page = lastPage.current;
    if (!page?.hasNextPage()) return;
    const seq = loadSeq.current;
    pagesWanted.current += 1;
    setLoadingMore(true);
    try {
      const next = await page.getNextPage();
      if (seq !== loadSeq.current) return;
      lastPage.current = next;
      setItems((list) => {
        const known = new Set((list ?? []).map((item) => item.id));
        return [...(list ?? []), ...next.data.filter((item) => !known.has(item.id))];
      });
      setHasMore(next.hasNextPage());
      setApps((known) => appsFrom(next.data, known));
      const first = next.data[0];
      if (first) {
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>(`[data-notification-id="${CSS.escape(first.id)}"] h3`)?.focus(),
        );
      }
    } catch (cause) {
      pagesWanted.current -= 1;
      failed(cause);
    } finally {
      setLoadingMore(false);
    }
  }, [failed]);

  // The feed, again whenever a filter changes (from its first page).
  useEffect(() => {
    pagesWanted.current = 1;
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

  // The live stream, from the first page's position: every notification event refreshes the feed.
  useEffect(() => {
    if (streamStart === undefined) return;
    let disposed = false;
    const stream = client.stream({
      events: ['notification.*'],
      maxBackoffMs: 5_000,
      ...(streamStart === null ? {} : { since: streamStart }),
    });
    setConnection('connecting');
    stream.on('ready', (ready) => {
      if (disposed) return;
      setConnection('live');
      setResume(ready.resume);
      // `complete`: every change since the page (or the last event) is replayed, so the feed needs no
      // reload. Otherwise (no position, or too much missed) reload it to cover the gap.
      if (ready.resume !== 'complete') refreshSoon();
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
  }, [client, refreshSoon, streamStart]);

  // Relative ages ("5 minutes ago") stay true.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

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
  /** Focus goes to this notification's first action (or its title when it has none). */
  const focusItem = (id: string) =>
    requestAnimationFrame(() => {
      const card = document.querySelector<HTMLElement>(`[data-notification-id="${CSS.escape(id)}"]`);
      (card?.querySelector<HTMLElement>('.actions button') ?? card?.querySelector<HTMLElement>('h3'))?.focus();
    });
  /** Keyboard users keep their place: focus moves to the next notification, or the previous if it was the last. */
  const focusAfterRemoving = (item: Notification) => {
    const index = visible.findIndex((entry) => entry.id === item.id);
    if (index === -1) return;
    const neighbour = visible[index + 1] ?? visible[index - 1];
    if (neighbour) focusItem(neighbour.id);
    else requestAnimationFrame(() => document.getElementById('feed-heading')?.focus());
  };
  /** Sends a dismissal whose undo window has passed. */
  const sendDismissal = (item: Notification) => {
    if (item.status === 'unread' && !item.muted) setUnread((count) => Math.max(0, count - 1));
    void act(item.id, setStatusOf(item.id, 'dismissed'), () =>
      client.notifications.dismiss(item.id, { dismissed_from: 'oriva_core' }),
    );
  };
  // A request that outlives the page (keepalive), for dismissals still waiting when the tab closes.
  const exitClient = useMemo(
    () =>
      new Oriva({
        userToken: session.token,
        baseUrl: location.origin,
        maxRetries: 0,
        fetch: (url, init) => fetch(url, { ...init, keepalive: true }),
      }),
    [session.token],
  );
  const dismissals = usePendingDismissals(sendDismissal, (item) => {
    void exitClient.notifications.dismiss(item.id, { dismissed_from: 'oriva_core' }).catch(() => {});
  });
  const dismiss = (item: Notification) => {
    // Already dismissed (the Dismissed filter): nothing to hold back.
    if (item.status === 'dismissed' || item.status === 'expired') return;
    focusAfterRemoving(item);
    setAnnouncement(`Dismissed: ${item.title}`);
    dismissals.dismiss(item);
  };
  const undoDismiss = (id: string) => {
    const item = dismissals.undo(id);
    if (!item) return;
    setAnnouncement(`Restored: ${item.title}`);
    focusItem(item.id);
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
  const hidden = new Set(dismissals.pending.map((item) => item.id));
  const visible = (items ?? []).filter((item) => !hidden.has(item.id));
  // Dismissed here and not sent yet: the server still counts them, the page no longer does.
  const shownUnread = Math.max(
    0,
    unread - dismissals.pending.filter((item) => item.status === 'unread' && !item.muted).length,
  );
  /** What a card adds to the badge: its own unread state, or its group's unread count. */
  const unreadOf = (item: Notification) =>
    grouped && (item.group_count ?? 1) > 1
      ? (groupUnread[groupKeyOf(item)] ?? (item.status === 'unread' ? 1 : 0))
      : item.status === 'unread'
        ? 1
        : 0;

  useEffect(() => {
    document.title = shownUnread > 0 ? `(${shownUnread}) Notifications · Oriva` : 'Notifications · Oriva';
  }, [shownUnread]);

  return (
    <div class="inbox">
      <header class="top">
        <h1>
          Notifications{' '}
          <span id="unread-badge" class="badge" hidden={shownUnread === 0} data-count={shownUnread}>
            <span aria-hidden="true">{shownUnread > 99 ? '99+' : shownUnread}</span>
            <span class="sr-only">{shownUnread} unread</span>
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
          <span class="connection-label">{CONNECTION_LABELS[connection]}</span>
        </output>
        <span class="user">
          <span class="signed-in-as">Signed in as </span>
          <strong>{session.userId}</strong>
        </span>
        <button type="button" class="link" onClick={onSignOut}>
          Sign out
        </button>
      </header>

      <div class="sr-only" aria-live="polite" aria-atomic="true" id="announcer">
        {announcement}
      </div>

      <div class="layout">
        <details
          class="side"
          open={appsOpen}
          onToggle={(event) => setAppsOpen((event.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>
            <h2 id="apps-heading">Apps</h2>
            <span class="hint">
              {appList.length}
              {mutedApps.length > 0 ? ` · ${mutedApps.length} muted` : ''}
            </span>
          </summary>
          {appList.length === 0 ? (
            <p class="hint">Apps appear here once they notify you.</p>
          ) : (
            <ul class="apps">
              {appList.map((app) => {
                const isMuted = mutedApps.includes(app.id);
                return (
                  <li key={app.id} class={isMuted ? 'muted' : ''} data-app-id={app.id}>
                    <AppIcon appId={app.id} name={app.name} url={app.icon} size={24} />
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
        </details>

        <main class="feed" aria-labelledby="feed-heading" aria-busy={loading}>
          <h2 id="feed-heading" class="sr-only" tabIndex={-1}>
            Feed
          </h2>
          <div class="toolbar">
            <label>
              <span class="label-text">App </span>
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
              <span class="label-text">Status </span>
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
            <button type="button" onClick={() => void markAllRead()} disabled={shownUnread === 0}>
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
                    unread={unreadOf(item)}
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
                        {others
                          .filter((member) => !hidden.has(member.id))
                          .map((member) => (
                            <NotificationItem
                              key={member.id}
                              item={member}
                              now={now}
                              unread={member.status === 'unread' ? 1 : 0}
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
          {hasMore && (
            <div class="more">
              <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
                {loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </main>
      </div>
      {dismissals.pending.length > 0 && (
        <UndoToast item={dismissals.pending[dismissals.pending.length - 1]!} onUndo={undoDismiss} />
      )}
    </div>
  );
}
