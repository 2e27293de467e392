import type { ServiceDeps } from '../../core/deps.js';
import type { StatsInterval } from '../../storage/types.js';
import { statsRange } from './range.js';
import { adminStatsReport, statsReport } from './report.js';

type StatsRequest = { from?: string | undefined; to?: string | undefined; interval: StatsInterval };

/** One app's stats over a range, from the rollups at the interval's grain. */
export async function appStats(deps: Pick<ServiceDeps, 'storage'>, appId: string, request: StatsRequest) {
  const range = statsRange(request);
  const rows = await deps.storage.stats.read({ app_id: appId, grain: range.grain, from: range.from, to: range.to });
  return statsReport(range, rows);
}

/** Every app's stats over a range: the whole and each app. */
export async function adminStats(deps: Pick<ServiceDeps, 'storage'>, request: StatsRequest) {
  const range = statsRange(request);
  const rows = await deps.storage.stats.read({ grain: range.grain, from: range.from, to: range.to });
  return adminStatsReport(range, rows);
}
