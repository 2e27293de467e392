/** Small pure helpers: time, links, and what the page remembers between visits. */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday". */
export function relativeAge(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), 'minute');
}

/**
 * Schemes a notification's link may never open, whatever the server accepted: script runners,
 * inline content, local files, and plain http (a page on https must not send users to cleartext).
 */
const REFUSED_SCHEMES = new Set([
  'javascript',
  'data',
  'vbscript',
  'file',
  'blob',
  'about',
  'filesystem',
  'http',
  'ws',
  'wss',
  'ftp',
  'view-source',
  'chrome',
  'intent',
]);

/**
 * The URL to open for a notification's action, or `null`: an https URL, or an app deep link
 * (`workbuddy://session/789`). Parsed with `URL`, so `  JavaScript:` and friends are caught in any spelling.
 */
export function safeActionUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme === 'https') return url.href;
  if (!/^[a-z][a-z0-9+.-]*$/.test(scheme) || REFUSED_SCHEMES.has(scheme)) return null;
  return url.href;
}

/** Icons load only from https (or the page's own origin); anything else falls back to the app's initial. */
export function safeIconUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.origin === location.origin) return url.href;
  } catch {
    // Not a URL: no icon.
  }
  return null;
}

/** True when the server said it runs in dev mode (it fills in `<meta name="oriva-dev">`). */
export function isDevMode(): boolean {
  return document.querySelector('meta[name="oriva-dev"]')?.getAttribute('content') === '1';
}

const RECENT_USERS_KEY = 'oriva.inbox.recent-users';
const SESSION_KEY = 'oriva.inbox.session';
const MAX_RECENT_USERS = 8;

/** Users signed in as before (dev mode), most recent first. */
export function recentUsers(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(RECENT_USERS_KEY) ?? '[]') as unknown;
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberUser(userId: string): void {
  const users = [userId, ...recentUsers().filter((user) => user !== userId)].slice(0, MAX_RECENT_USERS);
  try {
    localStorage.setItem(RECENT_USERS_KEY, JSON.stringify(users));
  } catch {
    // Storage full or disabled: the picker just forgets.
  }
}

export interface Session {
  userId: string;
  token: string;
  /** When the token expires (ISO), if known. */
  expiresAt: string | null;
  /** How the user signed in: the dev picker (a token can be minted again) or a pasted JWT. */
  via: 'dev' | 'jwt';
}

/** The session survives a reload of this tab (sessionStorage), not the tab itself. */
export function loadSession(): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    if (!session || typeof session.token !== 'string' || typeof session.userId !== 'string') return null;
    if (session.expiresAt && new Date(session.expiresAt).getTime() < Date.now() + 60_000) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  try {
    if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage disabled: the session lasts until the page closes.
  }
}

/** The `sub` and `exp` of a JWT, read (not verified: the server verifies) to name the user. */
export function readJwt(token: string): { sub: string; exp: number | null } | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const payload = JSON.parse(json) as { sub?: unknown; exp?: unknown };
    if (typeof payload.sub !== 'string' || payload.sub === '') return null;
    return { sub: payload.sub, exp: typeof payload.exp === 'number' ? payload.exp : null };
  } catch {
    return null;
  }
}

/**
 * The fallback colour of an app without an icon: a hue from its id (FNV-1a), so each app keeps its
 * own colour on every page and device. Saturation and lightness are fixed where white text on it
 * stays readable (contrast above 4.5:1 for every hue).
 */
export function appColour(appId: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < appId.length; index++) {
    hash ^= appId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `hsl(${hash % 360} 65% 28%)`;
}
