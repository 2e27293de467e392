import type { Oriva } from '@oriva/sdk';
import { useState } from 'preact/hooks';
import { ErrorNote, Loading, useLoaded } from './states.js';
import { count, percent, type RangeId, rangeQuery, type StatsTotals } from './stats-format.js';
import { RangeBar } from './stats-parts.js';

type Engagement = StatsTotals['notifications']['by_type'][string];

const STAGES = ['created', 'delivered', 'seen', 'read', 'clicked', 'dismissed'] as const;

/** The design document's engagement funnel for one row: a rate only where created gives it a divisor. */
const rateOf = (part: number, whole: number) => (whole > 0 ? Math.min(part / whole, 1) : null);

/** Notification engagement by notification type: created, delivered, seen, read, clicked, dismissed. */
export function Notifications({ client }: { client: Oriva }) {
  const [range, setRange] = useState<RangeId>('day');
  const loaded = useLoaded(
    async () => (await client.stats.get(rangeQuery(range))).totals.notifications,
    [client, range],
  );
  const totals = loaded.data;
  const rows = totals ? Object.entries(totals.by_type).sort(([, a], [, b]) => b.created - a.created) : [];
  return (
    <section aria-labelledby="notifications-title" aria-busy={loaded.loading}>
      <h2 id="notifications-title">Notification engagement</h2>
      <RangeBar range={range} onRange={setRange} onRefresh={loaded.reload} busy={loaded.loading} />
      {loaded.error && <ErrorNote message={loaded.error} onRetry={loaded.reload} />}
      {!totals && !loaded.error && <Loading what="engagement" />}
      {totals && rows.length === 0 && <p class="state empty">No notifications in this range.</p>}
      {totals && rows.length > 0 && (
        <>
          <dl class="facts funnel">
            <dt>Viewed (read, clicked or dismissed)</dt>
            <dd>
              <meter min={0} max={1} low={0.8} optimum={1} value={rateOf(totals.seen, totals.created) ?? 0} />{' '}
              {percent(rateOf(totals.seen, totals.created))}
            </dd>
            <dt>Acted on (clicked or dismissed)</dt>
            <dd>
              <meter min={0} max={1} low={0.3} optimum={1} value={rateOf(totals.acted, totals.created) ?? 0} />{' '}
              {percent(rateOf(totals.acted, totals.created))}
            </dd>
          </dl>
          {/* Nine columns do not fit a phone: the table scrolls sideways, and takes focus so keys scroll it. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
          <section class="table-scroll" aria-label="Engagement by type" tabIndex={0}>
            <table class="list engagement">
              <caption>
                Counts in this range by notification type; the rates are over the notifications created in it.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  {STAGES.map((stage) => (
                    <th key={stage} scope="col">
                      {stage[0]!.toUpperCase() + stage.slice(1)}
                    </th>
                  ))}
                  <th scope="col">Viewed</th>
                  <th scope="col">Acted</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([type, row]) => (
                  <EngagementRow key={type} label={type} row={row} />
                ))}
              </tbody>
              <tfoot>
                <EngagementRow label="All types" row={totals} />
              </tfoot>
            </table>
          </section>
        </>
      )}
    </section>
  );
}

function EngagementRow({ label, row }: { label: string; row: Engagement }) {
  return (
    <tr data-notification-type={label}>
      <th scope="row" class="mono">
        {label}
      </th>
      {STAGES.map((stage) => (
        <td key={stage} data-stage={stage}>
          {count(row[stage])}
        </td>
      ))}
      <td data-rate="viewed">{percent(rateOf(row.seen, row.created))}</td>
      <td data-rate="acted">{percent(rateOf(row.acted, row.created))}</td>
    </tr>
  );
}
