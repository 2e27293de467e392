/**
 * Line charts drawn as SVG by hand: the console's few charts (a few dozen to 1,500 points each) need no
 * chart library, and SVG keeps them crisp, themable by CSS variables and free of inline styles (the page's
 * CSP allows none). Every chart has its figures as a table beside it, for screen readers and for anyone
 * who wants the numbers.
 */
import { useId } from 'preact/hooks';
import { bucketLabel } from './stats-format.js';

export interface ChartSeries {
  name: string;
  /** One value per point; `null` draws a gap (nothing to measure in that bucket). */
  values: ReadonlyArray<number | null>;
  /** Picks the series' colour from the stylesheet (`series-1` … `series-3`). */
  tone: 1 | 2 | 3;
}

export interface ChartProps {
  /** Names the chart for tests and styles: `data-chart`. */
  id: string;
  title: string;
  /** Each point's bucket start (ISO). */
  starts: readonly string[];
  interval: 'minute' | 'hour' | 'day';
  series: readonly ChartSeries[];
  format: (value: number) => string;
  /** A dashed line the figures should stay above (`at_least`) or below (`at_most`). */
  target?: { value: number; comparison: 'at_least' | 'at_most' };
  /** The axis top when the data may not reach it (a rate's 100%). */
  max?: number;
  /** One line under the title, read first by screen readers: the figure that matters. */
  summary: string;
}

export const WIDTH = 600;
export const HEIGHT = 160;

/**
 * The path of one series across the box; a null breaks the line. A point alone between gaps (often the
 * only bucket with webhook attempts) becomes a zero-length segment, which the round line cap draws as a dot.
 */
export function linePath(values: ReadonlyArray<number | null>, top: number): string {
  let path = '';
  values.forEach((value, index) => {
    if (value === null) return;
    const [x, y] = pointAt(values, index, top);
    const drawing = index > 0 && values[index - 1] !== null;
    path += isAlone(values, index) ? `M${x} ${y}L${x} ${y}` : `${drawing ? 'L' : 'M'}${x} ${y}`;
  });
  return path;
}

/** Only the points alone between gaps, drawn again with a wide stroke so a single bucket's figure shows. */
export function lonePointsPath(values: ReadonlyArray<number | null>, top: number): string {
  return values
    .map((_, index) => {
      if (!isAlone(values, index)) return '';
      const [x, y] = pointAt(values, index, top);
      return `M${x} ${y}L${x} ${y}`;
    })
    .join('');
}

const isAlone = (values: ReadonlyArray<number | null>, index: number) =>
  values[index] !== null && (values[index - 1] ?? null) === null && (values[index + 1] ?? null) === null;

function pointAt(values: ReadonlyArray<number | null>, index: number, top: number): [string, string] {
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const value = values[index] ?? 0;
  return [(index * step).toFixed(1), (HEIGHT - (Math.min(value, top) / top) * HEIGHT).toFixed(1)];
}

/** A round axis top a little above the largest figure, so the line never touches the frame. */
export function niceTop(largest: number): number {
  if (largest <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(largest));
  for (const step of [1, 2, 2.5, 5, 10]) if (largest <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}

export function LineChart(props: ChartProps) {
  const { id, title, starts, interval, series, format, target, summary } = props;
  const titleId = useId();
  const largest = Math.max(0, ...series.flatMap((entry) => entry.values.map((value) => value ?? 0)));
  const top = props.max ?? niceTop(largest);
  // A target far above the figures (5 s against 40 ms) would flatten them into the floor: the axis follows
  // the data, and the target line shows only when it falls inside it (the legend names it either way).
  const targetY = target && target.value <= top ? HEIGHT - (target.value / top) * HEIGHT : null;
  return (
    <figure class="chart" data-chart={id} aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <span class="chart-title">{title}</span> <span class="chart-summary">{summary}</span>
      </figcaption>
      <ul class="legend" aria-hidden="true">
        {series.map((entry) => (
          <li key={entry.name}>
            <span class={`swatch series-${entry.tone}`} />
            {entry.name}
          </li>
        ))}
        {target && (
          <li>
            <span class="swatch target" />
            target {target.comparison === 'at_least' ? '≥' : '≤'} {format(target.value)}
            {targetY === null && ' (above this scale)'}
          </li>
        )}
      </ul>
      <div class="plot">
        <span class="axis-top" aria-hidden="true">
          {format(top)}
        </span>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <line class="grid" x1="0" x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} />
          <line class="grid" x1="0" x2={WIDTH} y1={HEIGHT} y2={HEIGHT} />
          {targetY !== null && <line class="target" x1="0" x2={WIDTH} y1={targetY} y2={targetY} />}
          {series.map((entry) => (
            <path key={entry.name} class={`line series-${entry.tone}`} d={linePath(entry.values, top)} />
          ))}
          {series.map((entry) => (
            <path
              key={`${entry.name}-points`}
              class={`line points series-${entry.tone}`}
              d={lonePointsPath(entry.values, top)}
            />
          ))}
        </svg>
        <span class="axis-x" aria-hidden="true">
          <span>{starts.length ? bucketLabel(starts[0]!, interval) : ''}</span>
          <span>{starts.length ? bucketLabel(starts.at(-1)!, interval) : ''}</span>
        </span>
      </div>
      <details class="chart-data">
        <summary>{title} as a table</summary>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{interval === 'day' ? 'Day' : 'Time'}</th>
                {series.map((entry) => (
                  <th key={entry.name} scope="col">
                    {entry.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {starts.map((start, index) => (
                <tr key={start}>
                  <th scope="row">{bucketLabel(start, interval)}</th>
                  {series.map((entry) => {
                    const value = entry.values[index];
                    return <td key={entry.name}>{value === null || value === undefined ? '–' : format(value)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
