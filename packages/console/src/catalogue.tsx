import type { Oriva } from '@oriva/sdk';
import { prettyJson } from './format.js';
import { CodeBlock, ListState, useLoaded } from './states.js';

interface EventTypeEntry {
  name: string;
  description: string | null;
  deprecated: boolean;
  version: number;
  schema: Record<string, unknown>;
}

/** The event types the app has declared, each with its JSON Schema. */
export function Catalogue({ client, appId }: { client: Oriva; appId: string }) {
  const loaded = useLoaded(
    async () =>
      (await client.get<{ event_types: EventTypeEntry[] }>(`/apps/${encodeURIComponent(appId)}/event-types`))
        .event_types,
    [client, appId],
  );
  return (
    <section aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">Event catalogue</h2>
      <ListState loaded={loaded} what="event types" empty="This app has declared no event types." />
      {loaded.data && loaded.data.length > 0 && (
        <ul class="events">
          {loaded.data.map((type) => (
            <li key={type.name}>
              <details>
                <summary>
                  <span class="mono">{type.name}</span> <span class="muted">v{type.version}</span>
                  {type.deprecated && <span class="badge disabled">deprecated</span>}
                  {type.description && <span class="muted"> · {type.description}</span>}
                </summary>
                <CodeBlock label="JSON Schema" kind="json" text={prettyJson(type.schema)} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
