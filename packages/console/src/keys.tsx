import type { Oriva } from '@oriva/sdk';
import { useState } from 'preact/hooks';
import { messageOf, when } from './format.js';
import { ActionButton, ListState, useLoaded } from './states.js';
import { SecretNote } from './webhooks.js';

/** The app's API keys (never their secrets): issue one, shown once; revoke one after a second press. */
export function Keys({ client, appId }: { client: Oriva; appId: string }) {
  const loaded = useLoaded(async () => (await client.apps.keys.list(appId)).api_keys, [client, appId]);
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    setError(null);
    try {
      const created = await client.apps.keys.create(appId, name ? { name } : {});
      form.reset();
      setShown(created.api_key.key);
      loaded.reload();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <form class="filters" onSubmit={create} aria-label="Issue a key">
        <label>
          Name
          <input name="name" maxLength={100} placeholder="production" />
        </label>
        <button type="submit" class="primary">
          Issue key
        </button>
        {error && (
          <p class="result error" role="alert">
            {error}
          </p>
        )}
      </form>
      {shown && <SecretNote label="The new API key" value={shown} onDone={() => setShown(null)} />}
      <ListState loaded={loaded} what="keys" empty="This app has no keys." />
      {loaded.data && loaded.data.length > 0 && (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Issued</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {loaded.data.map((key) => (
              <tr key={key.id} data-key-id={key.id}>
                <td>{key.name ?? '—'}</td>
                <td class="mono">{key.prefix}…</td>
                <td>{when(key.created_at)}</td>
                <td>
                  {key.revoked_at ? (
                    `revoked ${when(key.revoked_at)}`
                  ) : (
                    <ActionButton
                      label="Revoke"
                      confirm="Press again to revoke"
                      class="danger"
                      run={async () => {
                        await client.apps.keys.revoke(appId, key.id);
                        loaded.reload();
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
