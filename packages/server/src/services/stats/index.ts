import type { ServiceDeps } from '../../core/deps.js';
import type { StatsInterval } from '../../storage/types.js';
import { type StatsRange, statsRange } from './range.js';
import { adminStatsReport, statsReport } from './report.js';
import { StatsReportCache } from './report-cache.js';

type StatsRequest = { from?: string | undefined; to?: string | undefined; interval: StatsInterval };
type Deps = Pick<ServiceDeps, 'storage'>;

const appReports = new WeakMap<object, StatsReportCache<ReturnType<typeof statsReport>>>();
const adminReports = new WeakMap<object, StatsReportCache<ReturnType<typeof adminStatsReport>>>();
/** One cache per storage (a process may run several servers, as the tests do). */
const cacheOf = <T>(caches: WeakMap<object, StatsReportCache<T>>, storage: object) => {
  let cache = caches.get(storage);
  if (!cache) {
    cache = new StatsReportCache<T>();
    caches.set(storage, cache);
  }
  return cache;
};
const keyOf = (scope: string, range: StatsRange) => `${scope}\u0000${range.grain}\u0000${range.from}\u0000${range.to}`;

/** One app's stats over a range, from the rollups at the interval's grain. */
export async function appStats(deps: Deps, appId: string, request: StatsRequest) {
  const range = statsRange(request);
  const { stats } = deps.storage;
  return cacheOf(appReports, stats).get(keyOf(appId, range), stats.version(), async () =>
    statsReport(range, await stats.read({ app_id: appId, grain: range.grain, from: range.from, to: range.to })),
  );
}

/** Every app's stats over a range: the whole and each app. */
export async function adminStats(deps: Deps, request: StatsRequest) {
  const range = statsRange(request);
  const { stats } = deps.storage;
  return cacheOf(adminReports, stats).get(keyOf('', range), stats.version(), async () =>
    adminStatsReport(range, await stats.read({ grain: range.grain, from: range.from, to: range.to })),
  );
}
