import type { Delivery, Oriva, Webhook } from '@oriva/sdk';
import { useState } from 'preact/hooks';
import { messageOf, when } from './format.js';
import { ErrorNote, type Loaded } from './states.js';

/** How long the page follows a replayed delivery before it leaves the rest to the Webhooks tab. */
const FOLLOW_MS = 15_000;
const FOLLOW_EVERY_MS = 500;

/**
 * Sends one stored event again to one webhook (a new delivery, `replay: true`, its own `webhook-id`), then
 * follows that delivery until it succeeds or fails so the reader sees the receiver's answer here.
 */
export function Replay({ client, eventId, webhooks }: { client: Oriva; eventId: string; webhooks: Loaded<Webhook[]> }) {
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<Delivery | null>(null);
  const list = webhooks.data ?? [];
  const webhookId = chosen || list[0]?.id || '';

  const replay = async (event: Event) => {
    event.preventDefault();
    if (!webhookId) return;
    setBusy(true);
    setError(null);
    setDelivery(null);
    try {
      const { delivery: made } = await client.events.replay(eventId, { webhookId });
      setDelivery(made);
      setDelivery(await follow(client, webhookId, made));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  if (webhooks.error) return <ErrorNote message={webhooks.error} onRetry={webhooks.reload} />;
  if (webhooks.data && list.length === 0) return <p class="muted">Add a webhook to replay events to it.</p>;
  return (
    <form class="replay" onSubmit={replay} aria-label="Replay this event">
      <label>
        Replay to
        <select value={webhookId} onChange={(change) => setChosen((change.currentTarget as HTMLSelectElement).value)}>
          {list.map((webhook) => (
            <option key={webhook.id} value={webhook.id}>
              {webhook.description ? `${webhook.description} · ` : ''}
              {webhook.webhook_url}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy || !webhookId} aria-busy={busy}>
        Replay
      </button>
      {error && <ErrorNote message={error} />}
      {delivery && (
        <p class="replayed" role="status" data-delivery-id={delivery.id} data-status={delivery.status}>
          Replayed as delivery <span class="mono">{delivery.id}</span>:{' '}
          <span class={`badge ${delivery.status}`}>{delivery.status}</span>
          {delivery.attempt_log.at(-1)?.status_code != null && <> (HTTP {delivery.attempt_log.at(-1)?.status_code})</>}{' '}
          <span class="muted">{when(delivery.updated_at)}</span>
        </p>
      )}
    </form>
  );
}

/** The delivery once it has an outcome (or as it stands after {@link FOLLOW_MS}); the newest page holds it. */
async function follow(client: Oriva, webhookId: string, made: Delivery): Promise<Delivery> {
  const deadline = Date.now() + FOLLOW_MS;
  let latest = made;
  while (latest.status === 'pending' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_EVERY_MS));
    const page = await client.webhooks.deliveries.list(webhookId, { limit: 20 });
    latest = page.data.find((entry) => entry.id === made.id) ?? latest;
  }
  return latest;
}
