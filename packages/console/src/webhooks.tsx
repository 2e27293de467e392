import type { Oriva, Webhook } from '@oriva/sdk';
import { useState } from 'preact/hooks';
import { Deliveries } from './deliveries.js';
import { failingFirst, healthOf, messageOf, successRate, when } from './format.js';
import { ActionButton, ErrorNote, ListState, useLoaded } from './states.js';

/** The app's endpoints, failing first, with their actions; choosing one opens its deliveries. */
export function Webhooks({ client }: { client: Oriva }) {
  const loaded = useLoaded(async () => failingFirst((await client.webhooks.list()).webhooks), [client]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const open = loaded.data?.find((webhook) => webhook.id === openId);

  if (open) {
    return (
      <section aria-labelledby="deliveries-title">
        <button type="button" class="link" onClick={() => setOpenId(null)}>
          ← All webhooks
        </button>
        <WebhookCard client={client} webhook={open} onChanged={loaded.reload} onSecret={setSecret} detailed />
        {secret && <SecretNote {...secret} onDone={() => setSecret(null)} />}
        <EditWebhook key={open.updated_at} client={client} webhook={open} onSaved={loaded.reload} />
        <Deliveries client={client} webhook={open} onChanged={loaded.reload} />
      </section>
    );
  }
  return (
    <section aria-labelledby="webhooks-title">
      <div class="heading">
        <h2 id="webhooks-title">Webhooks</h2>
        <button type="button" onClick={loaded.reload} disabled={loaded.loading}>
          Refresh
        </button>
      </div>
      {secret && <SecretNote {...secret} onDone={() => setSecret(null)} />}
      <CreateWebhook
        client={client}
        onCreated={(value) => {
          setSecret({ label: 'The new webhook’s signing secret', value });
          loaded.reload();
        }}
      />
      {loaded.data && loaded.error && <ErrorNote message={loaded.error} onRetry={loaded.reload} />}
      <ListState loaded={loaded} what="webhooks" empty="No webhooks yet: add an endpoint above." />
      {loaded.data && loaded.data.length > 0 && (
        <ul class="cards" aria-label="Webhooks, failing first">
          {loaded.data.map((webhook) => (
            <li key={webhook.id}>
              <WebhookCard
                client={client}
                webhook={webhook}
                onChanged={loaded.reload}
                onSecret={setSecret}
                onOpen={() => setOpenId(webhook.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WebhookCard({
  client,
  webhook,
  onChanged,
  onSecret,
  onOpen,
  detailed = false,
}: {
  client: Oriva;
  webhook: Webhook;
  onChanged: () => void;
  onSecret: (secret: { label: string; value: string }) => void;
  onOpen?: () => void;
  detailed?: boolean;
}) {
  const health = healthOf(webhook);
  const Title = detailed ? 'h2' : 'h3';
  return (
    <article class={`card webhook ${health}`} data-webhook-id={webhook.id} data-health={health}>
      <div class="card-head">
        <Title id={detailed ? 'deliveries-title' : undefined} class="url">
          {webhook.webhook_url}
        </Title>
        <span class={`badge ${health}`}>{health}</span>
      </div>
      {webhook.description && <p class="muted">{webhook.description}</p>}
      <dl class="facts">
        <dt>Events</dt>
        <dd>{webhook.subscribed_events.join(', ')}</dd>
        <dt>Success</dt>
        <dd>
          {successRate(webhook)} of {webhook.total_deliveries} attempts
        </dd>
        <dt>Failures in a row</dt>
        <dd>{webhook.consecutive_failures}</dd>
        <dt>Last failure</dt>
        <dd>{when(webhook.last_failure_at)}</dd>
        {webhook.disabled_reason && (
          <>
            <dt>Disabled because</dt>
            <dd>{webhook.disabled_reason}</dd>
          </>
        )}
      </dl>
      <div class="actions">
        {onOpen && (
          <button type="button" class="primary" onClick={onOpen}>
            Deliveries
          </button>
        )}
        <ActionButton
          label={webhook.is_active ? 'Disable' : 'Enable'}
          run={async () => {
            await client.webhooks.update(webhook.id, { is_active: !webhook.is_active });
            onChanged();
          }}
        />
        <ActionButton
          label="Send test"
          run={async () => {
            const sent = await client.webhooks.test(webhook.id);
            onChanged();
            return `Test event sent (${sent.delivery_id})`;
          }}
        />
        <ActionButton
          label="Rotate secret"
          confirm="Rotate: old secret works 24 h more"
          run={async () => {
            const rotated = await client.webhooks.rotateSecret(webhook.id);
            onSecret({
              label: 'The new signing secret (the old one signs too for 24 h)',
              value: rotated.webhook_secret,
            });
            onChanged();
          }}
        />
      </div>
    </article>
  );
}

/** The endpoint's URL, subscriptions, description and retry budget, saved with one PATCH. */
function EditWebhook({ client, webhook, onSaved }: { client: Oriva; webhook: Webhook; onSaved: () => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const description = String(data.get('description') ?? '').trim();
    setMessage(null);
    try {
      await client.webhooks.update(webhook.id, {
        webhook_url: String(data.get('url') ?? '').trim(),
        subscribed_events: splitPatterns(String(data.get('events') ?? '')),
        description: description || null,
        max_retries: Number(data.get('max_retries')),
      });
      setMessage({ ok: true, text: 'Saved' });
      onSaved();
    } catch (caught) {
      setMessage({ ok: false, text: messageOf(caught) });
    }
  };
  return (
    <details class="create">
      <summary>Edit this endpoint</summary>
      <form onSubmit={submit}>
        <label>
          URL
          <input name="url" type="url" required defaultValue={webhook.webhook_url} />
        </label>
        <label>
          Events (comma separated)
          <input name="events" required defaultValue={webhook.subscribed_events.join(', ')} />
        </label>
        <label>
          Description
          <input name="description" maxLength={200} defaultValue={webhook.description ?? ''} />
        </label>
        <label>
          Retries after the first attempt (0-10)
          <input
            name="max_retries"
            type="number"
            min={0}
            max={10}
            required
            defaultValue={String(webhook.max_retries)}
          />
        </label>
        <button type="submit" class="primary">
          Save
        </button>
        {message && (
          <p class={message.ok ? 'result ok' : 'result error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </form>
    </details>
  );
}

/** `notification.*, task.created` → the patterns, however they are spaced. */
const splitPatterns = (text: string) => text.split(/[\s,]+/).filter(Boolean);

function CreateWebhook({ client, onCreated }: { client: Oriva; onCreated: (secret: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const events = splitPatterns(String(data.get('events') ?? ''));
    const description = String(data.get('description') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      const created = await client.webhooks.create({
        webhook_url: String(data.get('url') ?? '').trim(),
        subscribed_events: events,
        ...(description ? { description } : {}),
      });
      form.reset();
      onCreated(created.webhook_secret);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="create">
      <summary>Add an endpoint</summary>
      <form onSubmit={submit}>
        <label>
          URL
          <input name="url" type="url" required placeholder="https://example.com/oriva-events" />
        </label>
        <label>
          Events (comma separated: exact types, <code>category.*</code> or <code>*</code>)
          <input name="events" required defaultValue="*" />
        </label>
        <label>
          Description
          <input name="description" maxLength={200} />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          Add endpoint
        </button>
        {error && (
          <p class="result error" role="alert">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}

/** A secret shown this once, as text to copy. */
export function SecretNote({ label, value, onDone }: { label: string; value: string; onDone: () => void }) {
  return (
    <div class="secret" role="status">
      <p>{label}, shown this once:</p>
      <code class="copyable">{value}</code>
      <button type="button" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}
