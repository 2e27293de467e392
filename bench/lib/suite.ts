/**
 * The contract every module in `bench/suites/*.ts` follows. `bench/run.ts` imports each suite and calls its default
 * export; the suite's name (used by `--only`) is its file name without `.ts`.
 */

export interface SuiteContext {
  /** Short durations: a smoke test of the harness, not a measurement worth quoting. */
  quick: boolean;
}

export interface SuiteResult {
  name: string;
  /** Human-readable report, printed as-is. */
  lines: string[];
  /** Machine-readable figures, written to `bench/results/latest.json`. */
  metrics: Record<string, number>;
}

export type Suite = (ctx: SuiteContext) => Promise<SuiteResult>;

/**
 * Thrown by a suite that measured something but must fail (e.g. the server answered with errors under load): the lines
 * gathered so far are still printed and recorded next to the reason.
 */
export class SuiteFailure extends Error {
  readonly lines: string[];
  readonly metrics: Record<string, number>;

  constructor(message: string, lines: string[] = [], metrics: Record<string, number> = {}) {
    super(message);
    this.name = 'SuiteFailure';
    this.lines = lines;
    this.metrics = metrics;
  }
}
