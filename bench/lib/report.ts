/**
 * The parts of a suite's report that every suite writes the same way: the lines and metrics gathered so far with the
 * `fail` that ends the suite with them, the quick-mode warning, and the machine's load at the start and the end (a
 * busy machine skews every figure, so the report says how busy it was).
 */
import { cpus, loadavg } from 'node:os';
import { row } from './format.js';
import { SuiteFailure } from './suite.js';

export interface SuiteReport {
  /** Human-readable report, printed as-is. */
  lines: string[];
  /** Machine-readable figures. */
  metrics: Record<string, number>;
  /** Ends the suite as failed, keeping the lines and metrics gathered so far. */
  fail: (message: string) => never;
}

export function suiteReport(): SuiteReport {
  const lines: string[] = [];
  const metrics: Record<string, number> = {};
  const fail = (message: string): never => {
    throw new SuiteFailure(message, lines, metrics);
  };
  return { lines, metrics, fail };
}

/** The method line a `--quick` run adds: its figures are a smoke test, not a measurement. */
export function quickModeNote(quick: boolean): string[] {
  return quick ? ['  QUICK MODE: short runs, a smoke test of the harness — do not quote these figures.'] : [];
}

/** The 1, 5 and 15 minute load averages, e.g. `0.52 0.61 0.70`. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** The report's `machine` row: the core count and the load average at the start, the load average at the end. */
export function machineRow(when: 'start' | 'end'): string {
  const cores = when === 'start' ? `${cpus().length} cores, ` : '';
  return row('machine', `${cores}load average ${loadAverage()} at ${when}`);
}

/** An error's message for a report line (a thrown non-Error as its string). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
