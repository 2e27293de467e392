import type { StreamHubDeps } from '../../core/deps.js';
import type { StreamScope } from './connection.js';

/** Every minute, each app's open connections are its minute's peak unless one opened (and raised it). */
const SAMPLE_MS = 60_000;

/**
 * Stream connections in the stats rollups: each opened connection, and the most open at once per app
 * and minute. A connection counts for its app (an app's key, or a user's connection narrowed to one
 * app); a user's connection across apps counts under the empty app id, in the operator's total only.
 * Peaks are this instance's: with several instances the rollup keeps the largest, not their sum.
 */
export class StreamStats {
  private readonly open = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly deps: Pick<StreamHubDeps, 'storage' | 'logger'>) {
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  static appOf(scope: StreamScope): string {
    return scope.principal.kind === 'app' ? scope.principal.appId : (scope.app_id ?? '');
  }

  opened(scope: StreamScope): () => void {
    const appId = StreamStats.appOf(scope);
    const now = (this.open.get(appId) ?? 0) + 1;
    this.open.set(appId, now);
    this.deps.storage.stats
      .recordStreamOpened(appId, new Date().toISOString(), now)
      .catch((error) => this.deps.logger.warn({ err: error }, 'recording a stream connection in the stats failed'));
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      const left = (this.open.get(appId) ?? 1) - 1;
      if (left > 0) this.open.set(appId, left);
      else this.open.delete(appId);
    };
  }

  private sample(): void {
    if (this.open.size === 0) return;
    this.deps.storage.stats
      .recordStreamPeaks(new Map(this.open), new Date().toISOString())
      .catch((error) => this.deps.logger.warn({ err: error }, 'recording stream peaks in the stats failed'));
  }

  close(): void {
    clearInterval(this.timer);
  }
}
