/** Request bodies shared by the ingest benchmarks (the example event from the design document). */

export const sampleEvent = {
  event_category: 'notification',
  event_type: 'dismissed',
  entity_type: 'notification',
  entity_id: 'wb_notif_123',
  user_id: 'user_456',
  event_data: { dismissed_at: '2025-09-30T10:30:00Z', dismissed_from: 'work_buddy' },
} as const;

export const singleEventBody = JSON.stringify(sampleEvent);

/** `{ "events": [ …n copies of the sample event… ] }` */
export function batchBody(n: number): string {
  return JSON.stringify({ events: Array.from({ length: n }, () => sampleEvent) });
}

export const BENCH_APP_ID = 'bench-app';
export const BENCH_APP_NAME = 'Bench App';

/** Matches the event ids the API documents (`evt_` + 26 Crockford base-32 characters). */
export const EVENT_ID_PATTERN = /^evt_[0-9A-Z]{26}$/;
