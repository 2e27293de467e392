/**
 * What publishing checks against the catalogue before anything is stored, and what validating answers:
 * the app's `undeclared_types` policy, then each declared type's schema. The app's types and policy
 * come from the in-process cache (declared-cache.ts), so an app that declares none pays one map lookup
 * per request.
 */
import type { z } from '@hono/zod-openapi';
import type { EventCheck } from '@oriva/contract';
import type { ServiceDeps } from '../../core/deps.js';
import { ApiError, describeFields, type FieldError } from '../../core/errors.js';
import type { EventRecord } from '../../storage/types.js';
import { type DeclaredType, declaredTypes } from './declared-cache.js';
import { isPlatformEventType } from './platform-types.js';
import { validationErrors, validatorFor } from './schema-validator.js';

/** At most this many errors in one answer, however many events of a batch fail. */
const MAX_REPORTED_ERRORS = 100;

export type EventCheckView = z.infer<typeof EventCheck>;

export interface EventChecks {
  /** One per record, in order. */
  checks: EventCheckView[];
  /** Undeclared types to name in the `Oriva-Undeclared-Types` header: only under `warn`, each once. */
  warnUndeclared: string[];
}

/**
 * Checks records as publishing does, all or nothing. Under `reject`, an undeclared type is a 422
 * `event_type_undeclared` naming every such event (`events.3.event_type`); then `event_data` that
 * breaks its type's schema is a 422 `event_data_invalid` naming each error by the event's field and
 * its JSON pointer (`events.3.event_data/duration`).
 *
 * The platform's own types (`notification.dismissed`, …) count as declared: apps publish them (a
 * dismissal syncs the notification) but may not declare them. Their catalogue schemas describe what
 * the server emits, not what apps send, so their `event_data` is not checked (`schema_version` null).
 */
export async function checkEvents(
  deps: ServiceDeps,
  records: EventRecord[],
  fieldPrefix: (index: number) => string,
): Promise<EventChecks> {
  const first = records[0];
  if (!first) return { checks: [], warnUndeclared: [] };
  const { types, undeclaredTypes } = await declaredTypes(deps.storage, first.app_id);
  const checks = records.map((record): EventCheckView => {
    const name = `${record.event_category}.${record.event_type}`;
    const type = types.get(name);
    return {
      event_type: name,
      declared: type !== undefined || isPlatformEventType(name),
      schema_version: type?.version ?? null,
    };
  });
  const undeclared = checks.flatMap((check, index) => (check.declared ? [] : [index]));
  if (undeclared.length > 0 && undeclaredTypes === 'reject') throw undeclaredError(checks, undeclared, fieldPrefix);
  if (types.size > 0) checkEventData(deps, records, types, fieldPrefix);
  const warnUndeclared =
    undeclaredTypes === 'warn' ? [...new Set(undeclared.map((index) => checks[index]!.event_type))] : [];
  return { checks, warnUndeclared };
}

function undeclaredError(
  checks: EventCheckView[],
  undeclared: number[],
  fieldPrefix: (index: number) => string,
): ApiError {
  const fields: FieldError[] = undeclared.slice(0, MAX_REPORTED_ERRORS).map((index) => ({
    path: `${fieldPrefix(index)}event_type`,
    code: 'event_type_undeclared',
    message: `"${checks[index]!.event_type}" is not declared by the app, which rejects undeclared types`,
  }));
  return new ApiError(
    422,
    'event_type_undeclared',
    `The app rejects event types it has not declared (undeclared_types: reject): ${describeFields(fields)}. Declare them with PUT /api/v1/apps/{app_id}/event-types/{event_type}.`,
    { fields },
  );
}

function checkEventData(
  deps: ServiceDeps,
  records: EventRecord[],
  types: Map<string, DeclaredType>,
  fieldPrefix: (index: number) => string,
): void {
  const fields: FieldError[] = [];
  records.forEach((record, index) => {
    const type = types.get(`${record.event_category}.${record.event_type}`);
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
