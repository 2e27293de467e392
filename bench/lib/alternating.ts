/**
 * The comparison both throughput suites make: ceiling and server runs alternate (c1, s1, c2, s2, c3),
 * and each server run is divided by the mean of the two ceiling runs beside it, so a change in machine
 * load during the suite touches both sides of every ratio.
 */
import { int, mean, ratio, row, spread } from './format.js';
import type { LoadResult } from './load.js';

/** Requests per CPU-second of the server process, if its CPU use was read. */
export function perCpuSecond(r: LoadResult): number | undefined {
  return r.serverCpu === undefined || r.serverCpu <= 0 ? undefined : r.rps / r.serverCpu;
}

/** Each server run's figure over the mean of its two neighbouring ceiling runs; undefined if any is missing. */
export function ratiosToNeighbours(
  serverRuns: readonly LoadResult[],
  ceilingRuns: readonly LoadResult[],
  figure: (r: LoadResult) => number | undefined,
): number[] | undefined {
  const ratios: number[] = [];
  for (const [i, server] of serverRuns.entries()) {
    const own = figure(server);
    const beside = [ceilingRuns[i]!, ceilingRuns[i + 1]!].map(figure);
    if (own === undefined || beside.some((value) => value === undefined)) return undefined;
    ratios.push(own / mean(beside as number[]));
  }
  return ratios;
}

/**
 * The server's side of the comparison: its mean throughput, its ratios to the ceiling runs beside it and their mean,
 * and its worst p50 and p99.
 */
export function serverSummary(serverRuns: readonly LoadResult[], ceilingRuns: readonly LoadResult[]) {
  const ratios = ratiosToNeighbours(serverRuns, ceilingRuns, (r) => r.rps)!;
  return {
    rps: mean(serverRuns.map((r) => r.rps)),
    ratios,
    ratio: mean(ratios),
    p50: Math.max(...serverRuns.map((r) => r.p50)),
    p99: Math.max(...serverRuns.map((r) => r.p99)),
  };
}

/** The mean ratio for a report row, followed by each run's when there are several. */
export function ratioWithRuns(meanRatio: number, ratios: readonly number[]): string {
  return `${ratio(meanRatio)}${ratios.length > 1 ? ` (runs: ${ratios.map(ratio).join(', ')})` : ''}`;
}

/** The ceiling's metrics and its summary row. */
export function ceilingSummary(ceilingRuns: readonly LoadResult[], label: string) {
  const rps = ceilingRuns.map((r) => r.rps);
  return {
    metrics: {
      ceiling_rps: mean(rps),
      ceiling_p50_ms: mean(ceilingRuns.map((r) => r.p50)),
      ceiling_p99_ms: mean(ceilingRuns.map((r) => r.p99)),
      ceiling_spread: spread(rps),
    },
    line: row(
      label,
      `${int(mean(rps))} req/s (spread ${(spread(rps) * 100).toFixed(0)}% over ${ceilingRuns.length} runs)`,
    ),
  };
}

/**
 * Informational: requests per CPU-second of each server process, compared the same way (less
 * sensitive to noise than throughput). Undefined when CPU use could not be read.
 */
export function cpuComparison(serverRuns: readonly LoadResult[], ceilingRuns: readonly LoadResult[], prefix: string) {
  const ratios = ratiosToNeighbours(serverRuns, ceilingRuns, perCpuSecond);
  if (ratios === undefined) return undefined;
  const cpuRatio = mean(ratios);
  const own = mean(serverRuns.map((r) => perCpuSecond(r) ?? 0));
  const ceiling = mean(ceilingRuns.map((r) => perCpuSecond(r) ?? 0));
  return {
    metrics: {
      [`${prefix}_cpu_ratio`]: cpuRatio,
      [`${prefix}_req_per_cpu_s`]: own,
      ceiling_req_per_cpu_s: ceiling,
    },
    line: row(
      'per server CPU-second',
      `${int(own)} vs ceiling ${int(ceiling)} req/CPU-s → ${ratio(cpuRatio)} (informational)`,
    ),
  };
}
