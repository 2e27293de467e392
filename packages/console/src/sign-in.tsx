import { useState } from 'preact/hooks';
import { type Credential, credentialFrom } from './credentials.js';

/**
 * Without a link: production explains where links come from; dev mode also takes an app API key (with its
 * app id) or the admin token, typed in and kept in this tab only.
 */
export function SignIn({
  dev,
  notice,
  onSignIn,
}: {
  dev: boolean;
  notice: string | null;
  onSignIn: (credential: Credential) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const credential = credentialFrom(String(data.get('token') ?? ''), String(data.get('app') ?? ''));
    if (!credential) {
      setError('An API key needs its app id; a portal token must be a whole ops_… token.');
      return;
    }
    onSignIn(credential);
  };
  return (
    <main class="sign-in">
      <h1>Oriva console</h1>
      {notice && (
        <p class="result error" role="alert">
          {notice}
        </p>
      )}
      <p>
        Open the console from a link your app creates with{' '}
        <code>POST /api/v1/apps/&#123;app_id&#125;/portal-sessions</code> (<code>oriva console</code> prints one).
      </p>
      {dev && (
        <form onSubmit={submit} aria-label="Sign in">
          <p class="muted">Dev mode: sign in with an app API key, or with the admin token for every app.</p>
          <label>
            API key or admin token
            <input name="token" type="password" required autoComplete="off" />
          </label>
          <label>
            App id (for an API key)
            <input name="app" autoComplete="off" />
          </label>
          <button type="submit" class="primary">
            Sign in
          </button>
          {error && (
            <p class="result error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </main>
  );
}
