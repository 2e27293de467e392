import { useState } from 'preact/hooks';
import { readJwt, recentUsers, rememberUser, type Session } from './format.js';

export const DEFAULT_USER = 'user_456';

interface DevTokenResponse {
  token: string;
  expires_at: string;
}

/** Asks this server's dev-only endpoint for a token (dev mode, loopback callers only). */
export async function mintDevToken(userId: string): Promise<Session> {
  const response = await fetch(`/api/v1/dev/users/${encodeURIComponent(userId)}/token`, {
    method: 'POST',
    headers: { accept: 'application/json' },
  });
  const body = (await response.json().catch(() => null)) as
    | (DevTokenResponse & { error?: { message?: string } })
    | null;
  if (!response.ok || !body?.token) {
    throw new Error(body?.error?.message ?? `The server answered ${response.status}`);
  }
  rememberUser(userId);
  return { userId, token: body.token, expiresAt: body.expires_at, via: 'dev' };
}

/**
 * Signing in: in dev mode, a user picker (the users signed in as before, `user_456` by default)
 * that mints a token; otherwise, or on request, a pasted JWT.
 */
export function SignIn({ dev, onSignIn }: { dev: boolean; onSignIn: (session: Session) => void }) {
  const [mode, setMode] = useState<'dev' | 'jwt'>(dev ? 'dev' : 'jwt');
  const [userId, setUserId] = useState(() => recentUsers()[0] ?? DEFAULT_USER);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const users = recentUsers();

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (mode === 'jwt') {
      const claims = readJwt(token.trim());
      if (!claims) {
        setError('That is not a JWT with a "sub" claim: paste the whole token (three parts separated by dots).');
        return;
      }
      onSignIn({
        userId: claims.sub,
        token: token.trim(),
        expiresAt: claims.exp ? new Date(claims.exp * 1000).toISOString() : null,
        via: 'jwt',
      });
      return;
    }
    const id = userId.trim();
    if (!id) {
      setError('Enter a user id, such as user_456.');
      return;
    }
    setBusy(true);
    try {
      onSignIn(await mintDevToken(id));
    } catch (cause) {
      setError(`Could not get a token for ${id}: ${cause instanceof Error ? cause.message : String(cause)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in">
      <h1>Notifications</h1>
      <form onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
        {mode === 'dev' ? (
          <>
            <p class="hint">Dev mode: pick any user; the server mints a token for them.</p>
            <label for="user-id">User id</label>
            <input
              id="user-id"
              name="user-id"
              list="recent-users"
              autocomplete="off"
              spellcheck={false}
              value={userId}
              onInput={(event) => setUserId(event.currentTarget.value)}
              required
            />
            <datalist id="recent-users">
              {users.map((user) => (
                <option key={user} value={user} />
              ))}
            </datalist>
          </>
        ) : (
          <>
            <label for="user-token">User token (JWT)</label>
            <textarea
              id="user-token"
              name="user-token"
              rows={4}
              spellcheck={false}
              autocomplete="off"
              value={token}
              onInput={(event) => setToken(event.currentTarget.value)}
              required
            />
          </>
        )}
        {error && (
          <p id="sign-in-error" class="error" role="alert">
            {error}
          </p>
        )}
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          {dev && (
            <button type="button" class="link" onClick={() => setMode(mode === 'dev' ? 'jwt' : 'dev')}>
              {mode === 'dev' ? 'Paste a token instead' : 'Pick a user instead'}
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
