/**
 * Declared event types: an app's JSON Schema for the `event_data` of one of its types, with examples,
 * versioned. A change of schema is a new version (the old ones are kept); a new schema that rejects an
 * example of the previous version is a breaking change, refused unless the caller accepts it.
 */
import type { z } from '@hono/zod-openapi';
import type { EventType, PutEventTypeRequest } from '@oriva/contract';
import type { ServiceDeps } from '../../core/deps.js';
import { ApiError, describeFields, errors } from '../../core/errors.js';
import type { EventTypeRecord } from '../../storage/types.js';
import { requireApp } from '../apps.js';
import { forgetDeclaredTypes } from './declared-cache.js';
import { isReservedEventType, platformEventTypes } from './platform-types.js';
import { compileSchema, validationErrors } from './schema-validator.js';

export type EventTypeInput = z.infer<typeof PutEventTypeRequest>;
export type EventTypeView = z.infer<typeof EventType>;

const splitName = (name: string): [string, string] => {
  const [category = '', type = ''] = name.split('.');
  return [category, type];
};

const notFound = (appId: string, name: string, version?: number) =>
  errors.notFound(
    version === undefined
      ? `App "${appId}" declares no event type "${name}"`
      : `Event type "${name}" of app "${appId}" has no version ${version}`,
    'event_type_not_found',
  );

function toView(record: EventTypeRecord, latestVersion: number): EventTypeView {
  return {
    name: `${record.event_category}.${record.event_type}`,
    event_category: record.event_category,
    event_type: record.event_type,
    app_id: record.app_id,
    description: record.description,
    schema: JSON.parse(record.schema),
    examples: JSON.parse(record.examples),
    deprecated: record.deprecated,
    version: record.version,
    // Versions only ever grow by one and are deleted all together, so they are 1…latest.
    versions: Array.from({ length: latestVersion }, (_, index) => index + 1),
    created_at: record.created_at,
    updated_at: record.updated_at,
  };
}

/** Declares the type or changes it; `created` when it was new. */
export async function putEventType(
  deps: ServiceDeps,
  appId: string,
  name: string,
  input: EventTypeInput,
  options: { breaking?: boolean | undefined } = {},
): Promise<{ eventType: EventTypeView; created: boolean }> {
  await requireApp(deps, appId);
  if (isReservedEventType(name)) {
    // The platform's own types are in the catalogue already, with the schemas the server builds them by;
    // its categories (`user.*`, `platform.*`) are refused to apps' events, so declaring there means nothing.
    throw new ApiError(400, 'event_type_reserved', `"${name}" is one of the platform's own event types`, {
      fields: [
        { path: 'event_type', code: 'event_type_reserved', message: "is one of the platform's own event types" },
      ],
    });
  }
  const validate = compileSchema(input.schema);
  const examples = input.examples ?? [];
  const exampleErrors = examples.flatMap((example, index) => validationErrors(validate, example, `examples.${index}`));
  if (exampleErrors.length > 0) {
    throw new ApiError(
      400,
      'example_invalid',
      `Examples must validate against the schema: ${describeFields(exampleErrors)}`,
      {
        fields: exampleErrors,
      },
    );
  }

  const [category, type] = splitName(name);
  const existing = await deps.storage.eventTypes.get(appId, category, type);
  const schema = JSON.stringify(input.schema);
  let version = existing?.version ?? 1;
  if (existing && existing.schema !== schema) {
    version = existing.version + 1;
    const broken = (JSON.parse(existing.examples) as unknown[]).flatMap((example, index) =>
      validationErrors(validate, example, `previous_examples.${index}`),
    );
    if (broken.length > 0 && !options.breaking) {
      throw new ApiError(
        409,
        'breaking_change',
        `The new schema rejects examples of version ${existing.version}: ${describeFields(broken)}. Send ?breaking=true to accept.`,
        { fields: broken },
      );
    }
  }
  const now = new Date().toISOString();
  const record: EventTypeRecord = {
    app_id: appId,
    event_category: category,
    event_type: type,
    description: input.description ?? null,
    deprecated: input.deprecated ?? false,
    version,
    schema,
    examples: JSON.stringify(examples),
    created_at: existing?.created_at ?? now,
    updated_at: now,
  };
  const saved = await deps.storage.eventTypes.save(record, existing?.version);
  forgetDeclaredTypes(deps.storage, appId);
  if (!saved) {
    throw errors.conflict(
      `Event type "${name}" was changed by another request at the same time; read it and send yours again`,
      'event_type_changed',
      true,
    );
  }
  return { eventType: toView(record, version), created: !existing };
}

/** The latest version, or `version`. */
export async function getEventType(
  deps: ServiceDeps,
  appId: string,
  name: string,
  version?: number,
): Promise<EventTypeView> {
  const [category, type] = splitName(name);
  const latest = await deps.storage.eventTypes.get(appId, category, type);
  if (!latest) throw notFound(appId, name);
  if (version === undefined || version === latest.version) return toView(latest, latest.version);
  const asked = await deps.storage.eventTypes.get(appId, category, type, version);
  if (!asked) throw notFound(appId, name, version);
  return toView(asked, latest.version);
}

export async function listAppEventTypes(deps: ServiceDeps, appId: string): Promise<EventTypeView[]> {
  await requireApp(deps, appId);
  const records = await deps.storage.eventTypes.list({ app_id: appId });
  return records.map((record) => toView(record, record.version));
}

export async function deleteEventType(deps: ServiceDeps, appId: string, name: string): Promise<void> {
  const [category, type] = splitName(name);
  const deleted = await deps.storage.eventTypes.delete(appId, category, type);
  forgetDeclaredTypes(deps.storage, appId);
  if (!deleted) throw notFound(appId, name);
}

export interface CataloguePage {
  event_types: EventTypeView[];
  has_more: boolean;
  next_cursor: string | null;
}

type CatalogueFilter = { app_id?: string | undefined; category?: string | undefined; after?: string | undefined };

const byNameThenApp = (a: EventTypeView, b: EventTypeView): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : (a.app_id ?? '') < (b.app_id ?? '') ? -1 : 1;

function platformViews(filter: CatalogueFilter): EventTypeView[] {
  if (filter.app_id !== undefined) return [];
  return platformEventTypes()
    .filter((type) => filter.category === undefined || type.event_category === filter.category)
    .filter((type) => filter.after === undefined || type.name > filter.after)
    .map(
      (type): EventTypeView => ({
        ...type,
        app_id: null,
        description: null,
        examples: [],
        deprecated: false,
        version: 1,
        versions: [1],
        created_at: PLATFORM_TYPES_SINCE,
        updated_at: PLATFORM_TYPES_SINCE,
      }),
    );
}

/** Platform and declared types after `filter.after`, by name then app, at least `count` of them when there are. */
async function catalogueFrom(deps: ServiceDeps, filter: CatalogueFilter, count: number): Promise<EventTypeView[]> {
  const declared = await deps.storage.eventTypes.listByName(
    { app_id: filter.app_id, event_category: filter.category, after: filter.after },
    count,
  );
  return [...platformViews(filter), ...declared.map((record) => toView(record, record.version))]
    .sort(byNameThenApp)
    .slice(0, count);
}

/**
 * A page of the catalogue: the platform's own types (left out when asking for one app's) and every
 * app's declared types, latest versions, by name then app. Two apps may declare the same name and the
 * cursor is a name, so a page never splits a name: it ends before a name whose types do not all fit,
 * unless that name starts the page, which then holds all of them (more than `limit`, which takes as
 * many apps declaring one name).
 */
export async function eventTypeCatalogue(
  deps: ServiceDeps,
  filter: CatalogueFilter,
  limit: number,
): Promise<CataloguePage> {
  const rows = await catalogueFrom(deps, filter, limit + 1);
  if (rows.length <= limit) return { event_types: rows, has_more: false, next_cursor: null };
  const boundary = rows[limit]!.name;
  let page = rows.slice(0, limit).filter((row) => row.name !== boundary);
  if (page.length === 0) {
    // One name fills the page: read on until its last app.
    let count = 2 * (limit + 1);
    let more = await catalogueFrom(deps, filter, count);
    while (more.length === count && more.at(-1)!.name === boundary) {
      count *= 2;
      more = await catalogueFrom(deps, filter, count);
    }
    page = more.filter((row) => row.name === boundary);
    return { event_types: page, has_more: more.length > page.length, next_cursor: boundary };
  }
  return { event_types: page, has_more: true, next_cursor: page.at(-1)!.name };
}

/** The platform's types are part of the server's code: they date from the catalogue's introduction. */
const PLATFORM_TYPES_SINCE = '2026-12-01T00:00:00.000Z';
