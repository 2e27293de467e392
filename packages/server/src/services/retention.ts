import type { ServiceDeps } from '../core/deps.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 5_000;
/** Retention runs hourly: often enough that a day's worth is never much to delete at once. */
const INTERVAL_MS = 60 * 60 * 1000;

export interface PruneResult {
  cutoff: string;
  events: number;
  deliveries: number;
  partitionsDropped: number;
}

export function retentionCutoff(days: number, now = Date.now()): string {
  return new Date(now - days * DAY_MS).toISOString();
}

/**
 * Deletes events and webhook delivery logs older than `cutoff`. With several instances only one
 * prunes at a time (the storage's exclusive lock): `undefined` means another one is at it.
 */
export async function pruneOldData(deps: ServiceDeps, cutoff: string): Promise<PruneResult | undefined> {
  const outcome = await deps.storage.jobs.runExclusive('retention', () => deps.storage.jobs.pruneBefore(cutoff, BATCH));
  if (!outcome.ran) return undefined;
  const { events, deliveries, partitionsDropped } = outcome.value;
  if (events + deliveries + partitionsDropped > 0) {
    deps.logger.info({ cutoff, events, deliveries, partitions_dropped: partitionsDropped }, 'pruned old data');
  }
  return { cutoff, events, deliveries, partitionsDropped };
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
  const run = () => {
    running = running
      .then(async () => {
        if (days > 0) await pruneOldData(deps, retentionCutoff(days));
        else if (upkeep) await storage.jobs.runExclusive('partitions', upkeep);
      })
      .catch((error) => deps.logger.warn({ err: error }, 'pruning old data failed'));
  };
  run();
  const timer = setInterval(run, INTERVAL_MS).unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
