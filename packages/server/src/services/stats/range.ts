import { MAX_STATS_POINTS } from '@oriva/contract';
import { errors } from '../../core/errors.js';
import { STATS_GRAINS, type StatsInterval } from '../../storage/types.js';

const DEFAULT_SPAN_MS = 24 * 60 * 60 * 1000;

export interface StatsRange {
  interval: StatsInterval;
  grain: number;
  /** Bucket starts in [from, to), seconds since the epoch, multiples of `grain`. */
  from: number;
  to: number;
}

/**
 * The buckets a query covers: `from` rounded down and `to` rounded up to the interval (so every bucket
 * is whole), `to` defaulting to now and `from` to a day before `to`. A range that ends before it starts,
 * or holds more than MAX_STATS_POINTS buckets, is refused with the field to change.
 */
export function statsRange(
  query: { from?: string | undefined; to?: string | undefined; interval: StatsInterval },
  now = Date.now(),
): StatsRange {
  const grain = STATS_GRAINS[query.interval];
  const toMs = query.to === undefined ? now : Date.parse(query.to);
  const fromMs = query.from === undefined ? toMs - DEFAULT_SPAN_MS : Date.parse(query.from);
  if (toMs <= fromMs) {
    throw errors.validation([{ path: 'to', code: 'invalid_range', message: 'must be after from' }]);
  }
  const from = Math.floor(fromMs / 1000 / grain) * grain;
  const to = Math.ceil(toMs / 1000 / grain) * grain;
  const points = (to - from) / grain;
  if (points > MAX_STATS_POINTS) {
    throw errors.validation([
      {
        path: 'interval',
        code: 'too_many_points',
        message: `${points} ${query.interval} buckets; at most ${MAX_STATS_POINTS}: use a coarser interval or a shorter range`,
      },
    ]);
  }
  return { interval: query.interval, grain, from, to };
}
