import type { EventListParams, Oriva, Event as OrivaEvent, Webhook } from '@oriva/sdk';
import { useState } from 'preact/hooks';
import { messageOf, prettyJson, when } from './format.js';
import { Replay } from './replay.js';
import { CodeBlock, ErrorNote, ListState, type Loaded, useLoaded } from './states.js';

const PAGE_SIZE = 25;

/**
 * The app's events, newest first, filtered by category, type, user or entity; each opens to its JSON and
 * can be replayed to one of the app's webhooks.
 */
export function Events({ client }: { client: Oriva }) {
  // Read once for every event's replay picker, not once per opened event.
  const webhooks: Loaded<Webhook[]> = useLoaded(async () => (await client.webhooks.list()).webhooks, [client]);
  const [filters, setFilters] = useState<EventListParams>({});
  const [more, setMore] = useState<OrivaEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const first = useLoaded(async () => {
    const page = await client.events.list({ ...filters, limit: PAGE_SIZE });
    setMore([]);
    setCursor(page.pagination.next_cursor ?? null);
    return page.data;
  }, [client, filters]);

  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const next: Record<string, string> = {};
    for (const name of ['event_category', 'event_type', 'user_id', 'entity_id']) {
      const value = String(data.get(name) ?? '').trim();
      if (value) next[name] = value;
    }
    setFilters(next as EventListParams);
  };
  const loadMore = async () => {
    if (!cursor) return;
    setMoreError(null);
    try {
      const page = await client.events.list({ ...filters, limit: PAGE_SIZE, after: cursor });
      setMore((previous) => [...previous, ...page.data]);
      setCursor(page.pagination.next_cursor ?? null);
    } catch (error) {
      setMoreError(messageOf(error));
    }
  };
  const events = [...(first.data ?? []), ...more];

  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title">Events</h2>
      <form class="filters" onSubmit={submit} aria-label="Filter events">
        <label>
          Category
          <input name="event_category" placeholder="notification" />
        </label>
        <label>
          Type
          <input name="event_type" placeholder="dismissed" />
        </label>
        <label>
          User
          <input name="user_id" />
        </label>
        <label>
          Entity
          <input name="entity_id" />
        </label>
        <button type="submit">Filter</button>
      </form>
      <ListState loaded={first} what="events" empty="No events match." />
      {events.length > 0 && (
        <ul class="events" aria-label="Events, newest first">
          {events.map((event) => (
            <li key={event.id}>
              <details data-event-id={event.id}>
                <summary>
                  <span class="mono">
                    {event.event_category}.{event.event_type}
                  </span>{' '}
                  <span class="muted">
                    {event.user_id ? `${event.user_id} · ` : ''}
                    {when(event.timestamp)}
                  </span>
                </summary>
                <CodeBlock label="Event JSON" kind="json" text={prettyJson(event)} />
                <Replay client={client} eventId={event.id} webhooks={webhooks} />
              </details>
            </li>
          ))}
        </ul>
      )}
      {first.data && first.error && <ErrorNote message={first.error} onRetry={first.reload} />}
      {moreError && <ErrorNote message={moreError} onRetry={loadMore} />}
      {cursor && events.length > 0 && (
        <button type="button" onClick={loadMore}>
          Load more events
        </button>
      )}
    </section>
  );
}
