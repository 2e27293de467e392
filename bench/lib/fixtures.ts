/** Request bodies shared by the ingest benchmarks (the example event from the design document). */
import { DESIGN_DOC_EVENT } from '@oriva/contract';

export const sampleEvent = DESIGN_DOC_EVENT;

export const singleEventBody = JSON.stringify(sampleEvent);

/** `{ "events": [ …n copies of the sample event… ] }` */
export function batchBody(n: number): string {
  return JSON.stringify({ events: Array.from({ length: n }, () => sampleEvent) });
}

export const BENCH_APP_ID = 'bench-app';
export const BENCH_APP_NAME = 'Bench App';

/** Matches the event ids the API documents (`evt_` + 26 Crockford base-32 characters). */
export const EVENT_ID_PATTERN = /^evt_[0-9A-Z]{26}$/;
