/**
 * Rollups of what happens, per app, metric, dimension and time bucket, kept as the work happens: every
 * write that publishes an event, creates or changes a notification, delivers it to its user or logs a
 * webhook attempt adds to them in its own transaction (the adapters call `StatsTally`). Stats are read
 * from these rows alone, never by scanning events, so a month costs about what a minute does.
 */
import type { EventRecord } from './events.js';
import type { NotificationChange, NotificationView } from './notifications.js';

/** Bucket sizes kept, in seconds: each increment is added to its minute, its hour and its day. */
export const STATS_GRAINS = { minute: 60, hour: 3_600, day: 86_400 } as const;
export type StatsInterval = keyof typeof STATS_GRAINS;
const GRAIN_SECONDS = Object.values(STATS_GRAINS);

/** The counters kept. `dim` is the event type, the notification type, or the webhook id (`webhook.*`). */
export type StatsMetric =
  | 'events.published'
  | 'notifications.created'
  | 'notifications.delivered'
  | 'notifications.seen'
  | 'notifications.read'
  | 'notifications.clicked'
  | 'notifications.dismissed'
  | 'notifications.acted'
  | 'notifications.expired'
  | 'notifications.expired_undelivered'
  | 'webhooks.attempts'
  | 'webhooks.succeeded'
  | 'webhooks.failed'
  | 'webhooks.exhausted'
  | 'stream.opened'
  /** The most connections open at once in the bucket: merged by MAX, never summed. */
  | 'stream.peak';

/** The one metric merged by MAX rather than by sum (across buckets, increments and instances). */
export const PEAK_METRIC: StatsMetric = 'stream.peak';

/**
 * Webhook latency as a fixed log-scale histogram: slot `s` holds latencies in (2^((s-1)/4), 2^(s/4)] ms,
 * four slots per doubling (each about 19% wide), slot 0 everything up to 1 ms, the last everything from
 * about 17 minutes on. Fixed bounds make histograms of different minutes, apps and instances mergeable by
 * adding slot counts, and a percentile read from them is at most one slot (19%) above the true value.
 */
export const LATENCY_SLOTS = 81;
export function latencySlot(ms: number): number {
  if (!(ms > 1)) return 0;
  return Math.min(LATENCY_SLOTS - 1, Math.ceil(4 * Math.log2(ms)));
}
/** The upper bound of a slot, in milliseconds (a percentile is reported as its slot's upper bound). */
export function latencySlotUpperMs(slot: number): number {
  return Math.round(2 ** (slot / 4));
}

export interface StatsIncrement {
  app_id: string;
  grain: number;
  /** Start of the bucket, in seconds since the epoch (UTC), a multiple of `grain`. */
  bucket: number;
  metric: StatsMetric;
  dim: string;
  value: number;
}

export interface LatencyIncrement {
  app_id: string;
  grain: number;
  bucket: number;
  slot: number;
  count: number;
}

export interface StatsQuery {
  /** One app's rows, or every app's (the operator's view). */
  app_id?: string | undefined;
  grain: number;
  /** Bucket starts in [from, to), seconds since the epoch. */
  from: number;
  to: number;
}

export interface StatsRows {
  counts: StatsIncrement[];
  latency: LatencyIncrement[];
}

export interface StatsStore {
  /** Streams: a connection opened for `app_id` at `at`, with `concurrent` of the app's now open. */
  recordStreamOpened(appId: string, at: string, concurrent: number): Promise<void>;
  /** Streams: how many of each app's connections are open at `at` (a minute's peak when none opened in it). */
  recordStreamPeaks(peaks: ReadonlyMap<string, number>, at: string): Promise<void>;
  /** The rollup rows of a grain in a range, for one app or all. */
  read(query: StatsQuery): Promise<StatsRows>;
  /**
   * A token that changes whenever any rollup row may have changed, so an answer built from them can be
   * reused in O(1) while it holds. Undefined when the adapter cannot tell (other instances write too).
   */
  version(): number | undefined;
}

const STATE_METRICS: Partial<Record<string, StatsMetric>> = {
  read: 'notifications.read',
  clicked: 'notifications.clicked',
  dismissed: 'notifications.dismissed',
  expired: 'notifications.expired',
};

const secondsOf = (at: string | number) => Math.floor((typeof at === 'number' ? at : Date.parse(at)) / 1000);

/**
 * The increments of one transaction, merged by key. An adapter makes one per transaction (SQLite: per
 * write), lets the write paths add to it, and writes `counts()` and `latencies()` before COMMIT in key
 * order (two transactions adding to the same rows then take their locks in the same order).
 *
 * What counts as what is decided here, once for both adapters (docs/stats.md):
 * - `seen`: the first time a notification is read, clicked or dismissed (it was none of these before);
 * - `acted`: the first time it is clicked or dismissed;
 * - `read`, `clicked`, `dismissed`, `expired`: each move into that state;
 * - `delivered`: the first time it reaches its user (`delivered_at` set);
 * - `expired_undelivered`: it expired before it ever reached its user (a failed delivery).
 */
export class StatsTally {
  private readonly countsByKey = new Map<string, StatsIncrement>();
  private readonly latencyByKey = new Map<string, LatencyIncrement>();

  get isEmpty(): boolean {
    return this.countsByKey.size === 0 && this.latencyByKey.size === 0;
  }

  add(appId: string, metric: StatsMetric, dim: string, at: string | number, value = 1): void {
    // Parsed once per increment: on the ingest path this runs for every event.
    const seconds = secondsOf(at);
    for (const grain of GRAIN_SECONDS) {
      const bucket = seconds - (seconds % grain);
      const key = `${appId}\u0000${grain}\u0000${bucket}\u0000${metric}\u0000${dim}`;
      const existing = this.countsByKey.get(key);
      if (!existing) this.countsByKey.set(key, { app_id: appId, grain, bucket, metric, dim, value });
      else existing.value = metric === PEAK_METRIC ? Math.max(existing.value, value) : existing.value + value;
    }
  }

  events(events: readonly EventRecord[]): void {
    // A batch is mostly one app and a few types within a minute: count by (app, type, minute) first, so
    // each distinct one is parsed and keyed once, not each event (this runs at ingest speed).
    const batched = new Map<string, { event: EventRecord; count: number }>();
    for (const event of events) {
      const { timestamp } = event;
      // `…T10:30` of a canonical UTC timestamp names its minute; anything else is keyed whole.
      const minute = timestamp.length === 24 && timestamp.endsWith('Z') ? timestamp.slice(0, 16) : timestamp;
      const key = `${event.app_id}\u0000${event.event_category}\u0000${event.event_type}\u0000${minute}`;
      const seen = batched.get(key);
      if (seen) seen.count++;
      else batched.set(key, { event, count: 1 });
    }
    for (const { event, count } of batched.values()) {
      this.add(event.app_id, 'events.published', `${event.event_category}.${event.event_type}`, event.timestamp, count);
    }
  }

  created(notification: Pick<NotificationView, 'app_id' | 'notification_type' | 'created_at'>): void {
    this.add(notification.app_id, 'notifications.created', notification.notification_type, notification.created_at);
  }

  delivered(notification: Pick<NotificationView, 'app_id' | 'notification_type'>, at: string, count = 1): void {
    this.add(notification.app_id, 'notifications.delivered', notification.notification_type, at, count);
  }

  /** A state change applied to `before` (the row as read inside the transaction). */
  stateChanged(before: NotificationView, change: NotificationChange['state'], at: string): void {
    const next = change?.status;
    if (next === undefined || next === before.status) return;
    this.moved(before, next, at);
  }

  /** `before` moved to `next` at `at`. */
  moved(
    before: Pick<
      NotificationView,
      'app_id' | 'notification_type' | 'read_at' | 'clicked_at' | 'dismissed_at' | 'delivered_at'
    >,
    next: string,
    at: string,
  ): void {
    const { app_id: app, notification_type: type } = before;
    const metric = STATE_METRICS[next];
    if (metric) this.add(app, metric, type, at);
    const acting = next === 'clicked' || next === 'dismissed';
    const neverActed = before.clicked_at === null && before.dismissed_at === null;
    if ((acting || next === 'read') && neverActed && before.read_at === null)
      this.add(app, 'notifications.seen', type, at);
    if (acting && neverActed) this.add(app, 'notifications.acted', type, at);
    if (next === 'expired' && before.delivered_at === null) {
      this.add(app, 'notifications.expired_undelivered', type, at);
    }
  }

  /** One webhook attempt; `exhausted` when it was the delivery's last (failed for good). */
  attempt(appId: string, webhookId: string, at: string, success: boolean, ms: number | null, exhausted: boolean): void {
    this.add(appId, 'webhooks.attempts', webhookId, at);
    this.add(appId, success ? 'webhooks.succeeded' : 'webhooks.failed', webhookId, at);
    if (exhausted) this.add(appId, 'webhooks.exhausted', webhookId, at);
    if (ms === null) return;
    const slot = latencySlot(ms);
    const seconds = secondsOf(at);
    for (const grain of GRAIN_SECONDS) {
      const bucket = seconds - (seconds % grain);
      const key = `${appId}\u0000${grain}\u0000${bucket}\u0000${slot}`;
      const existing = this.latencyByKey.get(key);
      if (existing) existing.count += 1;
      else this.latencyByKey.set(key, { app_id: appId, grain, bucket, slot, count: 1 });
    }
  }

  /** The merged counters, in key order. */
  counts(): StatsIncrement[] {
    return [...this.countsByKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  }

  latencies(): LatencyIncrement[] {
    return [...this.latencyByKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  }
}
