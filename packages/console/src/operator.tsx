import type { Oriva } from '@oriva/sdk';
import { useState } from 'preact/hooks';
import { when } from './format.js';
import { ErrorNote, Loading, useLoaded } from './states.js';
import {
  count,
  duration,
  percent,
  perMinute,
  type RangeId,
  rangeQuery,
  rateFigure,
  type StatsTotals,
} from './stats-format.js';
import { RangeBar, StatsCharts, TargetsTable } from './stats-parts.js';

/**
 * The operator's view (the admin token): every app with its traffic and webhook health, the endpoints
 * failing now across apps, stream connections, and the success metrics over the whole server.
 */
export function Operator({ client, onOpen }: { client: Oriva; onOpen: (appId: string) => void }) {
  const [range, setRange] = useState<RangeId>('hour');
  const loaded = useLoaded(async () => {
    const [stats, { apps }] = await Promise.all([client.admin.stats(rangeQuery(range)), client.apps.list()]);
    return { stats, apps };
  }, [client, range]);
  const data = loaded.data;
  const statsOf = new Map(data?.stats.apps.map((entry) => [entry.app_id, entry.totals]));
  // Apps with traffic first (the stats' order: most events first), then the quiet ones by id.
  const apps = data
    ? [...data.apps].sort(
        (a, b) =>
          (statsOf.get(b.app_id)?.events.total ?? 0) - (statsOf.get(a.app_id)?.events.total ?? 0) ||
          a.app_id.localeCompare(b.app_id),
      )
    : [];
  const failing = data
    ? data.stats.apps.flatMap((entry) =>
        entry.totals.webhooks.failing_endpoints.map((endpoint) => ({ app_id: entry.app_id, ...endpoint })),
      )
    : [];
  failing.sort((a, b) => Number(b.alerting) - Number(a.alerting) || b.failure_rate - a.failure_rate);

  return (
    <section aria-labelledby="operator-title" aria-busy={loaded.loading}>
      <h2 id="operator-title">All apps</h2>
      <RangeBar range={range} onRange={setRange} onRefresh={loaded.reload} busy={loaded.loading} />
      {loaded.error && <ErrorNote message={loaded.error} onRetry={loaded.reload} />}
      {!data && !loaded.error && <Loading what="apps and stats" />}
      {data && (
        <>
          <dl class="facts overall" aria-label="Across every app">
            <dt>Events a minute</dt>
            <dd data-figure="events-per-minute">
              {rateFigure(perMinute(data.stats.totals.events.total, data.stats.from, data.stats.to))}
            </dd>
            <dt>Webhook success</dt>
            <dd>{percent(data.stats.totals.rates.webhook_success_rate)}</dd>
            <dt>Webhook p95</dt>
            <dd>{duration(data.stats.totals.webhooks.latency_ms.p95)}</dd>
            <dt>Stream connections</dt>
            <dd data-figure="stream">
              {count(data.stats.totals.stream.peak)} at most at once, {count(data.stats.totals.stream.opened)} opened
            </dd>
          </dl>
          <h3>Failing endpoints</h3>
          {failing.length === 0 ? (
            <p class="state empty">No endpoint failed in this range.</p>
          ) : (
            <table class="list failing">
              <thead>
                <tr>
                  <th scope="col">App</th>
                  <th scope="col">Endpoint</th>
                  <th scope="col">Failed</th>
                </tr>
              </thead>
              <tbody>
                {failing.map((endpoint) => (
                  <tr key={endpoint.webhook_id} data-webhook-id={endpoint.webhook_id}>
                    <td>{endpoint.app_id}</td>
                    <th scope="row" class="mono">
                      {endpoint.webhook_id} {endpoint.alerting && <span class="badge failed">Alert</span>}
                    </th>
                    <td>
                      {percent(endpoint.failure_rate)} of {count(endpoint.attempts)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>Apps</h3>
          {apps.length === 0 ? (
            <p class="state empty">No apps registered yet.</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
            <section class="table-scroll" aria-label="Apps" tabIndex={0}>
              <table class="list apps">
                <thead>
                  <tr>
                    <th scope="col">App</th>
                    <th scope="col">Events a minute</th>
                    <th scope="col">Webhook success</th>
                    <th scope="col">p95</th>
                    <th scope="col">Failing</th>
                    <th scope="col">Registered</th>
                  </tr>
                </thead>
                <tbody>
                  {apps.map((app) => (
                    <AppRow
                      key={app.app_id}
                      appId={app.app_id}
                      name={app.name}
                      created={app.created_at}
                      totals={statsOf.get(app.app_id)}
                      minutes={{ from: data.stats.from, to: data.stats.to }}
                      onOpen={onOpen}
                    />
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <h3>Success metrics</h3>
          <TargetsTable targets={data.stats.targets} />
          <h3>Activity, every app</h3>
          <StatsCharts stats={data.stats} />
        </>
      )}
    </section>
  );
}

function AppRow(props: {
  appId: string;
  name: string;
  created: string;
  totals: StatsTotals | undefined;
  minutes: { from: string; to: string };
  onOpen: (appId: string) => void;
}) {
  const { appId, name, totals } = props;
  return (
    <tr data-app-id={appId}>
      <th scope="row">
        <button type="button" class="link" onClick={() => props.onOpen(appId)}>
          {appId}
        </button>
        {name && name !== appId && <span class="muted"> · {name}</span>}
      </th>
      <td data-figure="events-per-minute">
        {rateFigure(perMinute(totals?.events.total ?? 0, props.minutes.from, props.minutes.to))}
      </td>
      <td>{percent(totals?.rates.webhook_success_rate)}</td>
      <td>{duration(totals?.webhooks.latency_ms.p95)}</td>
      <td>{totals?.webhooks.failing_endpoints.length ?? 0}</td>
      <td>{when(props.created)}</td>
    </tr>
  );
}
