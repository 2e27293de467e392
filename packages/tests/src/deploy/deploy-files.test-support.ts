import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The repository's deploy/ folder: what operators install. */
export const deployDir = fileURLToPath(new URL('../../../../deploy/', import.meta.url));

interface AlertRule {
  alert?: string;
  record?: string;
  expr: string;
}

/** Every rule's PromQL in deploy/prometheus/alerts.yml, named by its alert (or recorded series). */
export function alertExpressions(): Array<{ name: string; expr: string }> {
  const file = parse(readFileSync(`${deployDir}prometheus/alerts.yml`, 'utf8')) as {
    groups: Array<{ rules: AlertRule[] }>;
  };
  return file.groups.flatMap((group) =>
    group.rules.map((rule) => ({ name: rule.alert ?? rule.record ?? '?', expr: rule.expr })),
  );
}

interface GrafanaPanel {
  title?: string;
  targets?: Array<{ expr?: string }>;
  panels?: GrafanaPanel[];
}

/** Every query of every panel (rows' panels included) in deploy/grafana/oriva.json, named by its panel. */
export function dashboardExpressions(): Array<{ name: string; expr: string }> {
  const dashboard = JSON.parse(readFileSync(`${deployDir}grafana/oriva.json`, 'utf8')) as { panels: GrafanaPanel[] };
  const walk = (panels: GrafanaPanel[]): Array<{ name: string; expr: string }> =>
    panels.flatMap((panel) => [
      ...(panel.targets ?? []).flatMap((target) =>
        target.expr ? [{ name: panel.title ?? '?', expr: target.expr }] : [],
      ),
      ...walk(panel.panels ?? []),
    ]);
  return walk(dashboard.panels);
}

// PromQL words that are not metric names.
const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'bool',
]);

/**
 * The metric names a PromQL expression selects. Removed first: strings, label matchers `{...}`,
 * ranges `[5m]` and durations (`offset 5m`), label lists after by/without/on/ignoring/group_*, Grafana variables and numbers;
 * then every remaining identifier not followed by `(` (a function) and not a keyword is a metric.
 */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\{?\w+\}?/g, ' ')
    .replace(/\b\d+(ms|s|m|h|d|w|y)\b/g, ' ')
    .replace(/\b\d+(\.\d+)?([eE][+-]?\d+)?\b/g, ' ');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*(\s*\()?/g)) {
    const [token, call] = [match[0].replace(/\s*\($/, ''), match[1]];
    if (call || KEYWORDS.has(token)) continue;
    names.add(token);
  }
  return [...names];
}

/**
 * The series names a Prometheus text exposition declares, from its `# TYPE` lines (a labelled counter
 * that has not counted yet has no sample, but it is exported): histograms and summaries as their
 * `_bucket`, `_sum` and `_count` series too.
 */
export function exportedSeries(exposition: string): Set<string> {
  const series = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (!name) continue;
    series.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) series.add(`${name}${suffix}`);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) series.add(`${name}${suffix}`);
  }
  return series;
}
