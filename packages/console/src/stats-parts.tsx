/** The pieces the app's overview and the operator's view share: range, targets and the three charts. */
import type { AppStatsResponse } from '@oriva/sdk';
import { LineChart } from './charts.js';
import {
  count,
  duration,
  METRIC_LABELS,
  percent,
  perMinute,
  RANGES,
  type RangeId,
  rateFigure,
  type StatsTarget,
  targetFigure,
} from './stats-format.js';

type StatsAnswer = Pick<AppStatsResponse, 'from' | 'to' | 'interval' | 'series' | 'totals' | 'targets'>;

/** The range select and a refresh button: stats are read when asked, never polled behind the reader's back. */
export function RangeBar({
  range,
  onRange,
  onRefresh,
  busy,
}: {
  range: RangeId;
  onRange: (range: RangeId) => void;
  onRefresh: () => void;
  busy: boolean;
}) {
  return (
    <div class="actions">
      <label class="inline">
        Range{' '}
        <select
          value={range}
          onChange={(event) => onRange((event.currentTarget as HTMLSelectElement).value as RangeId)}
        >
          {Object.entries(RANGES).map(([id, entry]) => (
            <option key={id} value={id}>
              {entry.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={onRefresh} disabled={busy} aria-busy={busy}>
        Refresh stats
      </button>
    </div>
  );
}

/** The design document's success metrics, each against its target; "no data" rather than a false pass. */
export function TargetsTable({ targets }: { targets: readonly StatsTarget[] }) {
  return (
    <table class="list targets">
      <caption>The design document's success metrics over this range.</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">Now</th>
          <th scope="col">Target</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((target) => {
          const status = target.met === null ? 'idle' : target.met ? 'succeeded' : 'failed';
          return (
            <tr key={target.metric} data-metric={target.metric} data-met={String(target.met)}>
              <th scope="row">{METRIC_LABELS[target.metric]}</th>
              <td>{targetFigure(target.metric, target.value)}</td>
              <td>
                {target.comparison === 'at_least' ? '≥ ' : '≤ '}
                {targetFigure(target.metric, target.target)}
              </td>
              <td>
                <span class={`badge ${status}`}>{target.met === null ? 'No data' : target.met ? 'Met' : 'Missed'}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Events, webhook success and webhook latency over the range, with the targets drawn as dashed lines. */
export function StatsCharts({ stats }: { stats: StatsAnswer }) {
  const { series, totals, interval } = stats;
  const starts = series.map((point) => point.start);
  const targetOf = (metric: StatsTarget['metric']) => stats.targets.find((target) => target.metric === metric);
  const success = targetOf('webhook_success_rate');
  const latency = targetOf('webhook_latency_p95_ms');
  const average = perMinute(totals.events.total, stats.from, stats.to);
  return (
    <div class="charts">
      <LineChart
        id="events"
        title={`Events per ${interval}`}
        summary={`${count(totals.events.total)} in this range, ${rateFigure(average)} a minute on average.`}
        starts={starts}
        interval={interval}
        series={[{ name: 'Events', tone: 1, values: series.map((point) => point.events) }]}
        format={count}
      />
      <LineChart
        id="success"
        title="Webhook delivery success"
        summary={`${percent(totals.rates.webhook_success_rate)} of ${count(totals.webhooks.attempts)} attempts.`}
        starts={starts}
        interval={interval}
        series={[{ name: 'Success rate', tone: 2, values: series.map((point) => point.rates.webhook_success_rate) }]}
        format={percent}
        max={1}
        target={success && { value: success.target, comparison: success.comparison }}
      />
      <LineChart
        id="latency"
        title="Webhook delivery latency"
        summary={`p50 ${duration(totals.webhooks.latency_ms.p50)}, p95 ${duration(totals.webhooks.latency_ms.p95)}, p99 ${duration(totals.webhooks.latency_ms.p99)}.`}
        starts={starts}
        interval={interval}
        series={[
          { name: 'p50', tone: 1, values: series.map((point) => point.webhooks.latency_ms.p50) },
          { name: 'p95', tone: 2, values: series.map((point) => point.webhooks.latency_ms.p95) },
          { name: 'p99', tone: 3, values: series.map((point) => point.webhooks.latency_ms.p99) },
        ]}
        format={duration}
        target={latency && { value: latency.target, comparison: latency.comparison }}
      />
    </div>
  );
}
