import type { Delivery, Oriva, Webhook } from '@oriva/sdk';
import { useState } from 'preact/hooks';
import { fromLocalInput, messageOf, prettyJson, toLocalInput, when } from './format.js';
import { ActionButton, CodeBlock, ErrorNote, ListState, useLoaded } from './states.js';

const PAGE_SIZE = 20;
type Filter = 'all' | 'failed' | 'succeeded';

/** One endpoint's deliveries, newest first, a page at a time; each opens to its attempts. */
export function Deliveries({ client, webhook, onChanged }: { client: Oriva; webhook: Webhook; onChanged: () => void }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [pages, setPages] = useState<Delivery[][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const query = filter === 'all' ? {} : { success: filter === 'succeeded' };
  const first = useLoaded(async () => {
    const page = await client.webhooks.deliveries.list(webhook.id, { ...query, limit: PAGE_SIZE });
    setPages([]);
    setCursor(page.pagination.next_cursor ?? null);
    return page.data;
  }, [client, webhook.id, filter, webhook.updated_at, webhook.total_deliveries]);

  const loadMore = async () => {
    if (!cursor) return;
    setMoreError(null);
    try {
      const page = await client.webhooks.deliveries.list(webhook.id, { ...query, limit: PAGE_SIZE, after: cursor });
      setPages((previous) => [...previous, page.data]);
      setCursor(page.pagination.next_cursor ?? null);
    } catch (error) {
      setMoreError(messageOf(error));
    }
  };
  const deliveries = [...(first.data ?? []), ...pages.flat()];
  const refresh = () => {
    first.reload();
    onChanged();
  };

  return (
    <>
      <Recover client={client} webhook={webhook} onRecovered={refresh} />
      <div class="heading">
        <h3>Deliveries</h3>
        <label class="inline">
          Show{' '}
          <select
            value={filter}
            onChange={(event) => setFilter((event.currentTarget as HTMLSelectElement).value as Filter)}
          >
            <option value="all">all</option>
            <option value="failed">failed or retrying</option>
            <option value="succeeded">delivered</option>
          </select>
        </label>
        <button type="button" onClick={first.reload} disabled={first.loading}>
          Refresh
        </button>
      </div>
      <ListState loaded={first} what="deliveries" empty="No deliveries to this endpoint yet." />
      {deliveries.length > 0 && (
        <ul class="deliveries" aria-label="Deliveries, newest first">
          {deliveries.map((delivery) => (
            <li key={delivery.id}>
              <DeliveryItem client={client} delivery={delivery} onRetried={refresh} />
            </li>
          ))}
        </ul>
      )}
      {first.data && first.error && <ErrorNote message={first.error} onRetry={first.reload} />}
      {moreError && <ErrorNote message={moreError} onRetry={loadMore} />}
      {cursor && deliveries.length > 0 && (
        <button type="button" onClick={loadMore}>
          Load more deliveries
        </button>
      )}
    </>
  );
}

function DeliveryItem({ client, delivery, onRetried }: { client: Oriva; delivery: Delivery; onRetried: () => void }) {
  const last = delivery.attempt_log.at(-1);
  return (
    <details class={`delivery ${delivery.status}`} data-delivery-id={delivery.id} data-status={delivery.status}>
      <summary>
        <span class={`badge ${delivery.status}`}>{delivery.status}</span>{' '}
        <span class="mono">{delivery.event_type}</span>{' '}
        <span class="muted">
          {delivery.attempts} attempt{delivery.attempts === 1 ? '' : 's'}
          {last ? ` · last ${last.status_code ?? 'no response'}` : ''} · {when(delivery.created_at)}
        </span>
      </summary>
      <div class="actions">
        <ActionButton
          label="Retry now"
          run={async () => {
            await client.webhooks.deliveries.retry(delivery.webhook_id, delivery.id);
            onRetried();
            return 'Queued: it is sent again in a moment';
          }}
        />
        {delivery.next_attempt_at && <span class="muted">Next attempt {when(delivery.next_attempt_at)}</span>}
      </div>
      <section class="exchange" aria-label="Request">
        <h4>Request</h4>
        <HeaderTable
          headers={delivery.request.headers}
          note="plus webhook-timestamp and webhook-signature, made anew for each attempt"
        />
        <CodeBlock label="Payload" kind="json" text={prettyJson(delivery.request.payload)} />
      </section>
      {delivery.attempt_log.length === 0 && <p class="muted">Not attempted yet.</p>}
      <ol class="attempts">
        {delivery.attempt_log.map((attempt) => (
          <li key={attempt.attempt} class={attempt.success ? 'ok' : 'failed'} data-attempt={attempt.attempt}>
            <h4>
              Attempt {attempt.attempt}: {attempt.status_code ?? 'no response'}{' '}
              <span class="muted">
                {when(attempt.delivered_at)}
                {attempt.response_time_ms !== null ? ` · ${attempt.response_time_ms} ms` : ''}
              </span>
            </h4>
            {attempt.error_message && <p class="result error">{attempt.error_message}</p>}
            <section class="exchange" aria-label={`Response to attempt ${attempt.attempt}`}>
              <h5>Response</h5>
              {attempt.response_headers ? (
                <HeaderTable headers={attempt.response_headers} />
              ) : (
                <p class="muted">No headers.</p>
              )}
              <CodeBlock label="Body (first 20 KB)" kind="body" text={attempt.response_body ?? '(no body)'} />
            </section>
          </li>
        ))}
      </ol>
    </details>
  );
}

function HeaderTable({ headers, note }: { headers: Record<string, string>; note?: string }) {
  return (
    <table class="headers">
      {note && <caption>{note}</caption>}
      <tbody>
        {Object.entries(headers).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Recover a window of failed deliveries: count them first (a dry run), then requeue that many. */
function Recover({ client, webhook, onRecovered }: { client: Oriva; webhook: Webhook; onRecovered: () => void }) {
  const [since, setSince] = useState(() => toLocalInput(new Date(Date.now() - 24 * 3600_000)));
  const [until, setUntil] = useState('');
  const [counted, setCounted] = useState<{ count: number; since: string; until: string | null } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const chosenWindow = () => {
    const from = fromLocalInput(since);
    if (!from) throw new Error('Choose when the window starts');
    return { since: from, until: fromLocalInput(until) };
  };
  const count = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    try {
      const range = chosenWindow();
      const result = await client.webhooks.recover(webhook.id, {
        since: range.since,
        ...(range.until ? { until: range.until } : {}),
        dry_run: true,
      });
      setCounted({ count: result.count, ...range });
    } catch (error) {
      setCounted(null);
      setMessage({ ok: false, text: messageOf(error) });
    }
  };
  const recover = async () => {
    if (!counted) return;
    try {
      const result = await client.webhooks.recover(webhook.id, {
        since: counted.since,
        ...(counted.until ? { until: counted.until } : {}),
      });
      setCounted(null);
      setMessage({ ok: true, text: `Requeued ${result.count} failed deliveries` });
      onRecovered();
    } catch (error) {
      setMessage({ ok: false, text: messageOf(error) });
    }
  };
  return (
    <details class="recover">
      <summary>Recover failed deliveries in a time window</summary>
      <form onSubmit={count}>
        <label>
          From
          <input
            type="datetime-local"
            required
            value={since}
            onInput={(e) => {
              setSince(e.currentTarget.value);
              setCounted(null);
            }}
          />
        </label>
        <label>
          Until (empty: now)
          <input
            type="datetime-local"
            value={until}
            onInput={(e) => {
              setUntil(e.currentTarget.value);
              setCounted(null);
            }}
          />
        </label>
        <button type="submit">Count failed deliveries</button>
      </form>
      {counted && (
        <p role="status" class="dry-run">
          {counted.count} failed deliver{counted.count === 1 ? 'y' : 'ies'} in this window.{' '}
          {counted.count > 0 && (
            <button type="button" class="primary" onClick={recover}>
              Recover {counted.count}
            </button>
          )}
        </p>
      )}
      {message && (
        <p class={message.ok ? 'result ok' : 'result error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </details>
  );
}
