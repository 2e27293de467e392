/**
 * The platform's own event types in the catalogue (`notification.*`, `webhook.*`, `webhook.test`): the
 * contract's one list (`platformEventTypes`), in JSON Schema 2020-12 like the types apps declare, made once.
 */
import { platformEventTypes as contractPlatformTypes, PLATFORM_CATEGORIES, SERVER_EVENT_DATA } from '@oriva/contract';

export interface PlatformEventType {
  name: string;
  event_category: string;
  event_type: string;
  schema: Record<string, unknown>;
}

let platformTypes: PlatformEventType[] | undefined;

export function platformEventTypes(): PlatformEventType[] {
  platformTypes ??= contractPlatformTypes('draft-2020-12').map(({ name, schema }) => {
    const [category = '', type = ''] = name.split('.');
    return { name, event_category: category, event_type: type, schema };
  });
  return platformTypes;
}

/** Whether `name` is one of the platform's own types, which apps may not declare. */
export const isPlatformEventType = (name: string): boolean => Object.hasOwn(SERVER_EVENT_DATA, name);

/** Whether `category` is one only the platform publishes into (`user`, `platform`). */
export const isPlatformCategory = (category: string): boolean =>
  (PLATFORM_CATEGORIES as readonly string[]).includes(category);

/** Whether apps may not declare `name`: a platform type, or any type in a platform category. */
export const isReservedEventType = (name: string): boolean =>
  isPlatformEventType(name) || isPlatformCategory(name.split('.')[0] ?? '');
