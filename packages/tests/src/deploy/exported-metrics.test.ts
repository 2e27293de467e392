import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { alertExpressions, dashboardExpressions, exportedSeries, metricNames } from './deploy-files.test-support.js';

// Made by Prometheus itself for every target, not by /metrics.
const PROMETHEUS_SERIES = new Set(['up']);

let server: TestServer;
let exported: Set<string>;

beforeAll(async () => {
  server = await startTestServer();
  const response = await server.request('/metrics');
  expect(response.status).toBe(200);
  exported = exportedSeries(await response.text());
});
afterAll(() => server.close());

/** Each expression's metrics that /metrics does not export, as "<name>: <metric>". */
function unknownMetrics(expressions: Array<{ name: string; expr: string }>): string[] {
  return expressions.flatMap(({ name, expr }) =>
    metricNames(expr)
      .filter((metric) => !exported.has(metric) && !PROMETHEUS_SERIES.has(metric))
      .map((metric) => `${name}: ${metric}`),
  );
}

describe('the alerts and the dashboard query what the server exports', () => {
  it('reads the metric names out of PromQL, and only them', () => {
    expect(
      metricNames(
        'sum by (le) (rate(oriva_x_bucket{job="oriva",operation!~"jobs\\\\..*"}[5m])) / on(instance) group_left(app) max(b:rec) > 0.1 and absent(up) unless foo offset 5m * $__rate_interval',
      ).sort(),
    ).toEqual(['b:rec', 'foo', 'oriva_x_bucket', 'up']);
  });

  it('every metric an alert queries is one /metrics exports', () => {
    const expressions = alertExpressions();
    expect(expressions.length).toBeGreaterThanOrEqual(10);
    expect(unknownMetrics(expressions)).toEqual([]);
  });

  it('every metric a dashboard panel queries is one /metrics exports', () => {
    const expressions = dashboardExpressions();
    expect(expressions.length).toBeGreaterThanOrEqual(20);
    expect(unknownMetrics(expressions)).toEqual([]);
  });

  it('the dashboard charts every metric the alerts watch', () => {
    const charted = new Set(dashboardExpressions().flatMap(({ expr }) => metricNames(expr)));
    const watched = new Set(alertExpressions().flatMap(({ expr }) => metricNames(expr)));
    expect([...watched].filter((metric) => !charted.has(metric))).toEqual([]);
  });

  it('catches a metric the server does not export', () => {
    expect(unknownMetrics([{ name: 'typo', expr: 'rate(oriva_webhook_delivery_total[5m])' }])).toEqual([
      'typo: oriva_webhook_delivery_total',
    ]);
  });
});

const promtool = spawnSync('promtool', ['--version']).status === 0;

describe.skipIf(!promtool)(
  `the dashboard's queries are valid PromQL${promtool ? '' : ' (SKIPPED: promtool is not installed; apt-get install prometheus)'}`,
  () => {
    it('parses every panel query as promtool parses a rule', () => {
      const dir = mkdtempSync(join(tmpdir(), 'oriva-dashboard-'));
      try {
        // Grafana's interval variables become a plain range, as Grafana itself substitutes them.
        const rules = dashboardExpressions().map(({ expr }, index) => ({
          record: `oriva_dashboard:panel_${index}`,
          expr: expr.replace(/\$__rate_interval|\$__interval|\$__range/g, '5m'),
        }));
        const file = join(dir, 'dashboard-queries.yml');
        writeFileSync(file, stringify({ groups: [{ name: 'dashboard', rules }] }));
        const check = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
        expect(`${check.stdout}${check.stderr}`).toContain(`SUCCESS: ${rules.length} rules found`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
