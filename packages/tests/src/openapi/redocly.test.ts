import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const redocly = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
}

/** `redocly lint` with the recommended rules (redocly.yaml): no errors. Warnings are allowed; redocly.yaml lists today's. */
it('docs/openapi.yml passes redocly lint with no errors', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [redocly, 'lint', 'docs/openapi.yml', '--config', 'redocly.yaml', '--format', 'json'],
    // No usage data leaves the machine, and no update check is tried.
    { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  );
  const report = JSON.parse(stdout) as LintReport;
  const describe = (problem: LintReport['problems'][number]) =>
    `${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`;
  expect(report.problems.filter((problem) => problem.severity === 'error').map(describe)).toEqual([]);
  expect(report.totals.errors).toBe(0);
}, 60_000);
