import { type StreamEventFrame, toStreamEvent } from '@oriva/contract/events';
import type { ServiceDeps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import type { ConsumerRecord, EventStore, StoredEvent } from '../../storage/types.js';
import { requireApp } from '../apps.js';
import { type EventVisibility, isVisible } from '../stream/visibility.js';
import type { CommitWaits } from './commit-waits.js';

export { CommitWaits } from './commit-waits.js';

export interface PollRequest {
  patterns: string[];
  user_id?: string | undefined;
  limit: number;
  /** Seconds to wait when nothing is there yet (0: answer at once). */
  wait: number;
  /** Aborts the wait when the client goes away. */
  signal?: AbortSignal | undefined;
}

export interface PollResult {
  events: StreamEventFrame[];
  position: number;
  has_more: boolean;
  consumer: ConsumerRecord;
}

/**
 * Rows read per storage call while the filter skips them all: a consumer of a rare type behind many
 * others still moves forward (its `position` passes what it skipped) without one request scanning
 * the whole log.
 */
const MAX_SCAN_ROUNDS = 10;

const consumerNotFound = (appId: string, consumerId: string) =>
  errors.notFound(`App "${appId}" has no consumer "${consumerId}"`, 'consumer_not_found');

/**
 * The app's events after the consumer's committed position, as the stream shows them, and the
 * position to commit once they are handled. Reading commits nothing: a consumer that fails before
 * committing gets the same events again (at-least-once).
 */
export async function pollConsumer(
  deps: ServiceDeps,
  waits: CommitWaits,
  appId: string,
  consumerId: string,
  request: PollRequest,
): Promise<PollResult> {
  await requireApp(deps, appId);
  const consumer = await deps.storage.consumers.ensure(appId, consumerId, new Date().toISOString());
  const scope: EventVisibility = { app_id: appId, user_id: request.user_id };
  const read = (from: number) => readBatch(deps.storage.events, scope, request.patterns, from, request.limit);
  const shown = (batch: Batch): PollResult => ({
    events: batch.events.map((event) => toStreamEvent({ ...event, event_data: JSON.parse(event.event_data) })),
    position: batch.position,
    has_more: batch.hasMore,
    consumer,
  });

  if (request.wait === 0) return shown(await read(consumer.position));
  // Watching starts before the first read, so a commit landing between a read and the wait wakes it.
  const watch = waits.watch((event) => isVisible(scope, request.patterns, event));
  try {
    const deadline = Date.now() + request.wait * 1000;
    let batch = await read(consumer.position);
    while (batch.events.length === 0 && !batch.hasMore) {
      const left = deadline - Date.now();
      if (left <= 0 || !(await watch.next(left, request.signal))) break;
      batch = await read(batch.position);
    }
    return shown(batch);
  } finally {
    watch.stop();
  }
}

interface Batch {
  events: StoredEvent[];
  /** Where the next read starts: the last event read, shown or skipped by the filter. */
  position: number;
  hasMore: boolean;
}

async function readBatch(
  events: EventStore,
  scope: EventVisibility,
  patterns: readonly string[],
  from: number,
  limit: number,
): Promise<Batch> {
  const found: StoredEvent[] = [];
  let position = from;
  const storageScope = { app_id: scope.app_id!, user_id: scope.user_id };
  for (let round = 0; round < MAX_SCAN_ROUNDS; round++) {
    const rows = await events.after(storageScope, position, limit);
    for (const [index, row] of rows.entries()) {
      position = row.position;
      if (!isVisible(scope, patterns, row)) continue;
      found.push(row);
      if (found.length === limit)
        return { events: found, position, hasMore: index < rows.length - 1 || rows.length === limit };
    }
    if (rows.length < limit) return { events: found, position, hasMore: false };
  }
  return { events: found, position, hasMore: true };
}

/**
 * Moves the consumer's position forward (creating it if needed). A position at or below the committed
 * one changes nothing (`moved: false`): commits from concurrent or retried workers arrive out of order,
 * and the highest must win. A position past the newest event is refused: it would skip events not yet
 * published.
 */
export async function commitConsumer(
  deps: ServiceDeps,
  appId: string,
  consumerId: string,
  position: number,
): Promise<{ consumer: ConsumerRecord; moved: boolean }> {
  await requireApp(deps, appId);
  const head = await deps.storage.events.head();
  if (position > head) {
    throw errors.conflict(
      `Position ${position} is past the newest event (${head}); commit a position a poll or the stream gave`,
      'position_ahead',
    );
  }
  const before = await deps.storage.consumers.get(appId, consumerId);
  const consumer = await deps.storage.consumers.commit(appId, consumerId, position, new Date().toISOString());
  return { consumer, moved: position > (before?.position ?? 0) && consumer.position === position };
}

export async function getConsumer(deps: ServiceDeps, appId: string, consumerId: string): Promise<ConsumerRecord> {
  await requireApp(deps, appId);
  const consumer = await deps.storage.consumers.get(appId, consumerId);
  if (!consumer) throw consumerNotFound(appId, consumerId);
  return consumer;
}

export async function listConsumers(deps: ServiceDeps, appId: string): Promise<ConsumerRecord[]> {
  await requireApp(deps, appId);
  return deps.storage.consumers.list(appId);
}

export async function deleteConsumer(deps: ServiceDeps, appId: string, consumerId: string): Promise<void> {
  await requireApp(deps, appId);
  if (!(await deps.storage.consumers.delete(appId, consumerId))) throw consumerNotFound(appId, consumerId);
}
