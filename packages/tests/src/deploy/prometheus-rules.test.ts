import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { deployDir } from './deploy-files.test-support.js';

/** promtool comes with Debian's `prometheus` package; .ci/run installs it when it is missing. */
function findPromtool(): string | undefined {
  const found = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  return found.status === 0 ? 'promtool' : undefined;
}

const promtool = findPromtool();
const SKIP_REASON = 'promtool is not installed; apt-get install prometheus, as .ci/run does';
const missing = promtool ? '' : ` (SKIPPED: ${SKIP_REASON})`;
if (!promtool) console.warn(`deploy/prometheus rule tests SKIPPED: ${SKIP_REASON}`);

/** Runs promtool in deploy/prometheus, failing with its own output when it fails. */
function run(args: string[]): string {
  const result = spawnSync(promtool!, args, { cwd: `${deployDir}prometheus`, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`promtool ${args.join(' ')} failed:\n${output}`);
  return output;
}

describe.skipIf(!promtool)(`deploy/prometheus${missing}`, () => {
  it('has valid alert rules', () => {
    expect(run(['check', 'rules', 'alerts.yml'])).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('passes the alerts’ unit tests (alerts.test.yml): each fires on its case and not on its look-alike', () => {
    expect(run(['test', 'rules', 'alerts.test.yml'])).toContain('SUCCESS');
  });

  it('has a valid example Prometheus configuration that loads the alerts', () => {
    expect(run(['check', 'config', 'prometheus.yml'])).toContain('SUCCESS');
  });

  it('fails a rule test that expects the wrong thing (the check is real)', () => {
    const broken = spawnSync(promtool!, ['test', 'rules', '/dev/stdin'], {
      cwd: `${deployDir}prometheus`,
      encoding: 'utf8',
      input: `rule_files: [${deployDir}prometheus/alerts.yml]
tests:
  - interval: 1m
    input_series:
      - series: 'up{job="oriva",instance="a:8787"}'
        values: '1x10'
    alert_rule_test:
      - eval_time: 5m
        alertname: OrivaDown
        exp_alerts:
          - exp_labels: { severity: critical, job: oriva, instance: 'a:8787' }
`,
    });
    expect(broken.status).not.toBe(0);
    expect(`${broken.stdout}${broken.stderr}`).toContain('FAILED');
  });
});
