/**
 * Work Buddy's own event types, declared in Oriva's catalogue from the JSON files in `event-types/` (the same files
 * `oriva event-types push examples/work-buddy/event-types` reads), so Oriva validates what Work Buddy publishes and
 * other apps can read the shapes and generate types from them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Oriva, PutEventTypeRequest } from '@oriva/sdk';

const EVENT_TYPES_DIR = fileURLToPath(new URL('../event-types/', import.meta.url));

interface Declaration extends PutEventTypeRequest {
  name: string;
}

/** `event_data` of `task.reminded`, as `event-types/task.reminded.json` declares it. */
export interface TaskReminded {
  task_id: string;
  session_id: string;
  notification_external_id: string;
  starts_in_minutes?: number;
}

export function readDeclarations(dir = EVENT_TYPES_DIR): Declaration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as Declaration);
}

/**
 * Declares every type. Idempotent: an unchanged schema keeps its version. A change that breaks the previous version's
 * examples is refused by Oriva (409 `breaking_change`) and surfaces here: breaking a published contract is a decision
 * for a person with `oriva event-types push --breaking`, not for an app's start-up.
 */
export async function declareEventTypes(oriva: Oriva): Promise<string[]> {
  const declared: string[] = [];
  for (const { name, ...declaration } of readDeclarations()) {
    await oriva.eventTypes.put(name, declaration);
    declared.push(name);
  }
  return declared;
}
