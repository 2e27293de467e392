/**
 * The platform's own event types in the catalogue (`notification.*`, `webhook.*`, `webhook.test`):
 * their schemas are the contract's `SERVER_EVENT_DATA`, the same zod schemas the server builds these
 * events with, turned into JSON Schema once.
 */
import { SERVER_EVENT_DATA } from '@oriva/contract';
import { z } from 'zod';

export interface PlatformEventType {
  name: string;
  event_category: string;
  event_type: string;
  schema: Record<string, unknown>;
}

let platformTypes: PlatformEventType[] | undefined;

export function platformEventTypes(): PlatformEventType[] {
  platformTypes ??= Object.entries(SERVER_EVENT_DATA)
    .map(([name, schema]) => {
      const [category = '', type = ''] = name.split('.');
      return {
        name,
        event_category: category,
        event_type: type,
        schema: z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return platformTypes;
}

/** Whether `name` is one of the platform's own types, which apps may not declare. */
export const isPlatformEventType = (name: string): boolean => Object.hasOwn(SERVER_EVENT_DATA, name);
