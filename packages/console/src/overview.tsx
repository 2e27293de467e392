import type { Oriva, Webhook } from '@oriva/sdk';
import { useState } from 'preact/hooks';
import { healthOf } from './format.js';
import { ErrorNote, Loading, useLoaded } from './states.js';
import { count, percent, type RangeId, rangeQuery, type StatsTotals } from './stats-format.js';
import { RangeBar, StatsCharts, TargetsTable } from './stats-parts.js';

/**
 * The app at a glance: failing endpoints first (where something needs doing), then the design document's
 * success metrics against their targets, then events, webhook success and latency over the range.
 */
export function Overview({ client }: { client: Oriva }) {
  const [range, setRange] = useState<RangeId>('hour');
  const loaded = useLoaded(async () => {
    const [stats, { webhooks }] = await Promise.all([client.stats.get(rangeQuery(range)), client.webhooks.list()]);
    return { stats, webhooks };
  }, [client, range]);
  const data = loaded.data;
  return (
    <section aria-labelledby="overview-title" aria-busy={loaded.loading}>
      <h2 id="overview-title">Overview</h2>
      <RangeBar range={range} onRange={setRange} onRefresh={loaded.reload} busy={loaded.loading} />
      {loaded.error && <ErrorNote message={loaded.error} onRetry={loaded.reload} />}
      {!data && !loaded.error && <Loading what="stats" />}
      {data && (
        <>
          <FailingEndpoints failing={data.stats.totals.webhooks.failing_endpoints} webhooks={data.webhooks} />
          <h3>Success metrics</h3>
          <TargetsTable targets={data.stats.targets} />
          <h3>Activity</h3>
          <StatsCharts stats={data.stats} />
        </>
      )}
    </section>
  );
}

type FailingEndpoint = StatsTotals['webhooks']['failing_endpoints'][number];

/**
 * Endpoints with failures in the range (the stats' order: highest failure rate first), and any endpoint
 * failing right now that the range does not show (its failures came before it).
 */
function FailingEndpoints({
  failing,
  webhooks,
}: {
  failing: readonly FailingEndpoint[];
  webhooks: readonly Webhook[];
}) {
  const byId = new Map(webhooks.map((webhook) => [webhook.id, webhook]));
  const inRange = new Set(failing.map((entry) => entry.webhook_id));
  const failingNow = webhooks.filter((webhook) => healthOf(webhook) === 'failing' && !inRange.has(webhook.id));
  const rows = [
    ...failing.map((entry) => ({ ...entry, webhook: byId.get(entry.webhook_id) })),
    ...failingNow.map((webhook) => ({
      webhook_id: webhook.id,
      attempts: 0,
      failed: 0,
      failure_rate: null,
      alerting: false,
      webhook,
    })),
  ];
  return (
    <>
      <h3>Failing endpoints</h3>
      {rows.length === 0 ? (
        <p class="state empty">No endpoint failed in this range.</p>
      ) : (
        <table class="list failing">
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Failed</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.webhook_id} data-webhook-id={row.webhook_id} data-alerting={String(row.alerting)}>
                <th scope="row">
                  <span class="mono">{row.webhook?.webhook_url ?? row.webhook_id}</span>
                  {row.webhook?.description && <span class="muted"> · {row.webhook.description}</span>}
                  {row.alerting && <span class="badge failed">Alert</span>}
                </th>
                <td>
                  {row.failure_rate === null
                    ? 'before this range'
                    : `${percent(row.failure_rate)} of ${count(row.attempts)}`}
                </td>
                <td>
                  {row.webhook ? (
                    <span class={`badge ${healthOf(row.webhook)}`}>{healthOf(row.webhook)}</span>
                  ) : (
                    'deleted'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
