/**
 * Event types an app declares: a JSON Schema for `event_data` with examples, versioned. Each change of
 * schema is a new version; every version is kept. Schemas and examples are stored as the JSON text
 * the service wrote, so both adapters give back exactly what was declared.
 */

/** One version of a declared event type, with what describes the type as a whole. */
export interface EventTypeRecord {
  app_id: string;
  event_category: string;
  event_type: string;
  description: string | null;
  deprecated: boolean;
  /** The latest version when read without a version; otherwise the one asked for. */
  version: number;
  /** JSON text of the schema of this version. */
  schema: string;
  /** JSON text of this version's examples (an array). */
  examples: string;
  created_at: string;
  updated_at: string;
}

export interface EventTypeFilter {
  app_id?: string | undefined;
  event_category?: string | undefined;
}

export interface EventTypeStore {
  /**
   * Saves the type as `record` says and its version `record.version`: a new version row when that
   * number is new, otherwise that version's schema and examples replaced. Only when the type's latest
   * version is still `expectedVersion` (`undefined`: the type does not exist yet); otherwise nothing
   * is written and the answer is false, so two changes made at once cannot both become version N.
   */
  save(record: EventTypeRecord, expectedVersion: number | undefined): Promise<boolean>;
  /** The latest version, or `version` when given. */
  get(appId: string, category: string, type: string, version?: number): Promise<EventTypeRecord | undefined>;
  /** Every version number kept for the type, oldest first. */
  versions(appId: string, category: string, type: string): Promise<number[]>;
  /** The latest version of every matching type, by app then name. */
  list(filter: EventTypeFilter): Promise<EventTypeRecord[]>;
  /**
   * The catalogue's order: the latest version of every matching type by qualified name
   * (`<event_category>.<event_type>`, byte order), then app; only names after `after`; at most `limit`.
   */
  listByName(filter: EventTypeFilter & { after?: string | undefined }, limit: number): Promise<EventTypeRecord[]>;
  /** Removes the type and every version of it. */
  delete(appId: string, category: string, type: string): Promise<boolean>;
}
