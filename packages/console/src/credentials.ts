/**
 * The console's one credential, and what it says about the caller. A portal link carries a session
 * token in the URL fragment (`#token=ops_…`), which browsers never send to a server; the page moves it
 * into this tab's sessionStorage and wipes it from the address bar, so it is neither in the history nor
 * in a copied link. In dev mode the sign-in also takes an app API key or the admin token.
 */

/** Who the console acts as: an app (a portal session or an API key) or the operator (the admin token). */
export type Credential =
  | { kind: 'portal'; token: string; appId: string; expiresAt: Date }
  | { kind: 'apiKey'; token: string; appId: string }
  | { kind: 'admin'; token: string };

const STORAGE_KEY = 'oriva-console';
const PORTAL_PREFIX = 'ops_';
const API_KEY_PREFIX = 'ok_';

/** The `token` of a fragment such as `#token=ops_…&x=1`, or `null`. */
export function fragmentToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token ? token.trim() : null;
}

/**
 * A portal token's app and expiry, read without verifying (the server verifies every request): enough to
 * label the page and to say "expired" before the first call fails.
 */
export function portalClaims(token: string): { appId: string; expiresAt: Date } | null {
  if (!token.startsWith(PORTAL_PREFIX)) return null;
  const payload = token.slice(PORTAL_PREFIX.length).split('.')[0] ?? '';
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as Record<string, unknown>;
    if (typeof claims.app !== 'string' || typeof claims.exp !== 'number') return null;
    return { appId: claims.app, expiresAt: new Date(claims.exp * 1000) };
  } catch {
    return null;
  }
}

/**
 * What a token typed or linked in is. An API key names no app, so the sign-in asks for it; anything else
 * that is not a portal token is taken as the admin token (the server decides whether it is one).
 */
export function credentialFrom(token: string, appId?: string): Credential | null {
  const trimmed = token.trim();
  if (!trimmed) return null;
  if (trimmed.startsWith(PORTAL_PREFIX)) {
    const claims = portalClaims(trimmed);
    return claims ? { kind: 'portal', token: trimmed, ...claims } : null;
  }
  if (trimmed.startsWith(API_KEY_PREFIX)) {
    return appId?.trim() ? { kind: 'apiKey', token: trimmed, appId: appId.trim() } : null;
  }
  return { kind: 'admin', token: trimmed };
}

export function isExpired(credential: Credential, now = new Date()): boolean {
  return credential.kind === 'portal' && credential.expiresAt.getTime() <= now.getTime();
}

export function loadCredential(): Credential | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as { token: string; appId?: string } | null;
    return saved ? credentialFrom(saved.token, saved.appId) : null;
  } catch {
    return null;
  }
}

export function saveCredential(credential: Credential | null): void {
  if (!credential) {
    sessionStorage.removeItem(STORAGE_KEY);
    return;
  }
  const appId = credential.kind === 'admin' ? undefined : credential.appId;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token: credential.token, appId }));
}

/** Whether the server runs in dev mode (it fills in the page's `oriva-dev` meta tag). */
export function isDevMode(): boolean {
  return document.querySelector('meta[name="oriva-dev"]')?.getAttribute('content') === '1';
}
