import type { ServiceDeps } from '../core/deps.js';
import { errors } from '../core/errors.js';
import { monthStartOf } from '../storage/event-months.js';
import { isStorageUnavailable } from '../storage/failures.js';
import { archiveBeforePruning } from './archive/archive-events.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 5_000;
/** Retention runs hourly: often enough that a day's worth is never much to delete at once. */
const INTERVAL_MS = 60 * 60 * 1000;

export interface PruneResult {
  cutoff: string;
  events: number;
  deliveries: number;
  partitionsDropped: number;
  /** Archives written first (ORIVA_ARCHIVE_DIR); 0 with archival off. */
  archivesWritten: number;
}

export function retentionCutoff(days: number, now = Date.now()): string {
  return new Date(now - days * DAY_MS).toISOString();
}

/**
 * Deletes events and webhook delivery logs older than `cutoff`. With several instances only one
 * prunes at a time (the storage's exclusive lock): `undefined` means another one is at it.
 *
 * With ORIVA_ARCHIVE_DIR, retention goes by whole months (the unit of an archive, and of PostgreSQL's
 * partitions): the cutoff moves back to its month's start, every app-month before it is archived,
 * and only then are the archived rows deleted. If archiving fails, nothing is deleted.
 */
export async function pruneOldData(deps: ServiceDeps, requestedCutoff: string): Promise<PruneResult | undefined> {
  const { jobs } = deps.storage;
  const dir = deps.config.archiveDir;
  const cutoff = dir ? monthStartOf(requestedCutoff) : requestedCutoff;
  const outcome = await jobs.runExclusive('retention', async () => {
    if (!dir) return { ...(await jobs.pruneBefore(cutoff, BATCH)), archivesWritten: 0 };
    const archived = await archiveBeforePruning(deps, dir, cutoff);
    return { ...(await jobs.pruneBefore(cutoff, BATCH, archived.ranges)), archivesWritten: archived.written };
  });
  if (!outcome.ran) return undefined;
  const { events, deliveries, partitionsDropped, archivesWritten } = outcome.value;
  if (events + deliveries + partitionsDropped > 0) {
    deps.logger.info(
      { cutoff, events, deliveries, partitions_dropped: partitionsDropped, archives_written: archivesWritten },
      'pruned old data',
    );
  }
  return { cutoff, events, deliveries, partitionsDropped, archivesWritten };
}

/**
 * The admin's prune on demand (`oriva admin prune`): older than `olderThanDays` (the server's
 * retention by default) or than `before`. With retention off there is no default to fall back on, so
 * the request must say how much to keep.
 */
export async function pruneOnDemand(
  deps: ServiceDeps,
  request: { olderThanDays?: number | undefined; before?: string | undefined },
): Promise<PruneResult> {
  const days = request.olderThanDays ?? deps.config.retentionDays;
  if (request.before === undefined && days <= 0) {
    throw errors.validation([
      {
        path: 'older_than_days',
        code: 'required',
        message: 'required while retention is off (ORIVA_RETENTION_DAYS=0): say how much to keep, or give before',
      },
    ]);
  }
  const cutoff = request.before ? new Date(request.before).toISOString() : retentionCutoff(days);
  const result = await pruneOldData(deps, cutoff);
  if (!result) {
    throw errors.conflict('Another instance is pruning right now; try again shortly', 'prune_in_progress', true);
  }
  return result;
}

/**
 * Prunes on start and then hourly, unless retention is off (`ORIVA_RETENTION_DAYS=0`). Pruning also
 * keeps PostgreSQL's monthly event partitions made ahead; with retention off, this job still does that.
 */
export function startRetentionJob(deps: ServiceDeps): { stop(): Promise<void> } {
  const days = deps.config.retentionDays;
  const { storage } = deps;
  const { upkeep } = storage.jobs;
  if (days <= 0 && !upkeep) return { stop: async () => {} };
  let running: Promise<unknown> = Promise.resolve();
  // A round the database's outage stopped (or that found it out of reach) runs again once it is back,
  // not an hour later: partitions ahead must not run out during an outage.
  let missed = false;
  const run = () => {
    if (deps.breaker.state === 'open') {
      missed = true;
      return;
    }
    missed = false;
    running = running
      .then(async () => {
        if (days > 0) await pruneOldData(deps, retentionCutoff(days));
        else if (upkeep) await storage.jobs.runExclusive('partitions', upkeep);
      })
      .catch((error) => {
        if (isStorageUnavailable(error)) missed = true;
        deps.logger.warn({ err: error }, 'pruning old data failed');
      });
  };
  run();
  const timer = setInterval(run, INTERVAL_MS).unref();
  const unwatch = deps.breaker.onChange((state) => {
    if (state === 'closed' && missed) run();
  });
  return {
    stop: async () => {
      clearInterval(timer);
      unwatch();
      await running;
    },
  };
}
