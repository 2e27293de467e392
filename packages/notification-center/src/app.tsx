import { useCallback, useEffect, useState } from 'preact/hooks';
import { isDevMode, loadSession, type Session, saveSession } from './format.js';
import { Inbox } from './inbox.js';
import { mintDevToken, SignIn } from './sign-in.js';

/**
 * The notification center: sign in (a dev user picker, or a pasted JWT), then the user's feed.
 * In dev mode `?user=<id>` signs in as that user at once.
 */
export function App() {
  const dev = isDevMode();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [notice, setNotice] = useState<string | null>(null);

  const signIn = useCallback((next: Session | null) => {
    saveSession(next);
    setSession(next);
  }, []);

  useEffect(() => {
    const requested = new URLSearchParams(location.search).get('user');
    if (!dev || !requested || session?.userId === requested) return;
    mintDevToken(requested).then(signIn, (error: unknown) =>
      setNotice(`Could not sign in as ${requested}: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, [dev, session, signIn]);

  const expired = useCallback(() => {
    if (session?.via === 'dev' && dev) {
      // Dev tokens can simply be minted again.
      mintDevToken(session.userId).then(signIn, () => signIn(null));
      return;
    }
    setNotice('Your session expired: sign in again.');
    signIn(null);
  }, [dev, session, signIn]);

  if (!session) {
    return (
      <>
        {notice && (
          <p class="notice" role="alert">
            {notice}
          </p>
        )}
        <SignIn
          dev={dev}
          onSignIn={(next) => {
            setNotice(null);
            signIn(next);
          }}
        />
      </>
    );
  }
  return (
    <Inbox
      key={session.token}
      session={session}
      onSignOut={() => {
        // Forget `?user=`, or the page would sign straight back in.
        history.replaceState(null, '', location.pathname);
        signIn(null);
      }}
      onExpired={expired}
    />
  );
}
