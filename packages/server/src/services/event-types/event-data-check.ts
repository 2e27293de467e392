/**
 * Publishing honours the catalogue: an event whose type its app declared is validated against the
 * latest schema before anything is stored. The app's types come from the in-process cache
 * (declared-cache.ts), so an app that declares none pays one map lookup per request.
 */
import type { ServiceDeps } from '../../core/deps.js';
import { ApiError, describeFields, type FieldError } from '../../core/errors.js';
import type { EventRecord } from '../../storage/types.js';
import { type DeclaredType, declaredTypes } from './declared-cache.js';
import { validationErrors, validatorFor } from './schema-validator.js';

/** At most this many errors in one answer, however many events of a batch fail. */
const MAX_REPORTED_ERRORS = 100;

/**
 * Refuses (422 `event_data_invalid`) records whose `event_data` breaks their type's schema, naming
 * each error by the event's field and its JSON pointer (`events.3.event_data/duration`).
 */
export async function checkDeclaredEventData(
  deps: ServiceDeps,
  records: EventRecord[],
  fieldPrefix: (index: number) => string,
): Promise<void> {
  const first = records[0];
  if (!first) return;
  const declared = await declaredTypes(deps.storage, first.app_id);
  if (declared.size === 0) return;
  const fields: FieldError[] = [];
  records.forEach((record, index) => {
    const type = declared.get(`${record.event_category}.${record.event_type}`);
    const validate = type && compiled(deps, record.app_id, type);
    if (!validate || fields.length >= MAX_REPORTED_ERRORS) return;
    fields.push(...validationErrors(validate, JSON.parse(record.event_data), `${fieldPrefix(index)}event_data`));
  });
  if (fields.length === 0) return;
  const reported = fields.slice(0, MAX_REPORTED_ERRORS);
  throw new ApiError(
    422,
    'event_data_invalid',
    `event_data does not match its event type's schema: ${describeFields(reported)}`,
    { fields: reported },
  );
}

function compiled(deps: ServiceDeps, appId: string, type: DeclaredType) {
  if (type.validate) return type.validate;
  try {
    type.validate = validatorFor(appId, type.name, type.version, type.schema);
    return type.validate;
  } catch (error) {
    // Stored before a rule that now refuses it: publishing goes on unchecked rather than failing for it.
    deps.logger.warn({ err: error, app_id: appId, event_type: type.name }, 'stored event type schema does not compile');
    return undefined;
  }
}
