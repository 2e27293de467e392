import type { Oriva } from '@oriva/sdk';
import { useMemo, useState } from 'preact/hooks';
import { clientFor } from './api.js';
import { Catalogue } from './catalogue.js';
import {
  type Credential,
  credentialFrom,
  fragmentToken,
  isDevMode,
  isExpired,
  loadCredential,
  saveCredential,
} from './credentials.js';
import { Events } from './events.js';
import { when } from './format.js';
import { Keys } from './keys.js';
import { Notifications } from './notifications.js';
import { Operator } from './operator.js';
import { Overview } from './overview.js';
import { SignIn } from './sign-in.js';
import { Webhooks } from './webhooks.js';

/** A portal link's token wins over a stored credential; it leaves the address bar at once. */
function initialCredential(): Credential | null {
  const linked = fragmentToken(location.hash);
  if (linked) {
    history.replaceState(null, '', location.pathname + location.search);
    const credential = credentialFrom(linked);
    if (credential) {
      saveCredential(credential);
      return credential;
    }
  }
  return loadCredential();
}

/**
 * The console: an app's view when the credential is an app's (a portal link or, in dev mode, a key),
 * the operator's list of apps first when it is the admin token.
 */
export function App() {
  const dev = isDevMode();
  const [credential, setCredential] = useState<Credential | null>(initialCredential);
  const [operatorApp, setOperatorApp] = useState<string | null>(null);
  const signOut = () => {
    saveCredential(null);
    setCredential(null);
    setOperatorApp(null);
  };

  if (!credential || isExpired(credential)) {
    return (
      <SignIn
        dev={dev}
        notice={credential ? 'This console link has expired: open a new one from your app.' : null}
        onSignIn={(next) => {
          saveCredential(next);
          setCredential(next);
        }}
      />
    );
  }
  const appId = credential.kind === 'admin' ? operatorApp : credential.appId;
  return (
    <>
      <header class="top">
        <h1>
          <span class="brand">Oriva console</span>
          {appId && <span class="app-name"> · {appId}</span>}
        </h1>
        <p class="muted who">
          {credential.kind === 'portal'
            ? `Link valid until ${when(credential.expiresAt.toISOString())}`
            : credential.kind === 'apiKey'
              ? 'Signed in with an API key'
              : 'Operator (admin token)'}
        </p>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        {credential.kind === 'admin' && !appId ? (
          <OperatorView credential={credential} onOpen={setOperatorApp} />
        ) : (
          <>
            {credential.kind === 'admin' && (
              <button type="button" class="link" onClick={() => setOperatorApp(null)}>
                ← All apps
              </button>
            )}
            <AppView credential={credential} appId={appId as string} />
          </>
        )}
      </main>
    </>
  );
}

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'webhooks', label: 'Webhooks' },
  { id: 'events', label: 'Events' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'keys', label: 'API keys' },
  { id: 'catalogue', label: 'Catalogue' },
] as const;
type Tab = (typeof TABS)[number]['id'];

function AppView({ credential, appId }: { credential: Credential; appId: string }) {
  const client = useMemo(() => clientFor(credential, appId), [credential, appId]);
  const [tab, setTab] = useState<Tab>('overview');
  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern has it.
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const index = TABS.findIndex((entry) => entry.id === tab);
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label="Console sections" onKeyDown={onKeyDown}>
        {TABS.map((entry) => (
          <button
            key={entry.id}
            id={`tab-${entry.id}`}
            type="button"
            role="tab"
            aria-selected={tab === entry.id}
            aria-controls="panel"
            tabIndex={tab === entry.id ? 0 : -1}
            onClick={() => setTab(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <Panel tab={tab} client={client} appId={appId} />
      </div>
    </>
  );
}

function Panel({ tab, client, appId }: { tab: Tab; client: Oriva; appId: string }) {
  switch (tab) {
    case 'overview':
      return <Overview client={client} />;
    case 'notifications':
      return <Notifications client={client} />;
    case 'webhooks':
      return <Webhooks client={client} />;
    case 'events':
      return <Events client={client} />;
    case 'keys':
      return <Keys client={client} appId={appId} />;
    case 'catalogue':
      return <Catalogue client={client} appId={appId} />;
  }
}

function OperatorView({ credential, onOpen }: { credential: Credential; onOpen: (appId: string) => void }) {
  const client = useMemo(() => clientFor(credential), [credential]);
  return <Operator client={client} onOpen={onOpen} />;
}
