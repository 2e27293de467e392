import type { z } from '@hono/zod-openapi';
import type { CreateAppRequest, UpdateAppRequest } from '@oriva/contract';
import { issueApiKey } from '../auth/api-keys.js';
import type { ServiceDeps } from '../core/deps.js';
import { errors } from '../core/errors.js';
import type { ApiKeyRecord, AppRecord } from '../storage/types.js';
import { forgetDeclaredTypes } from './event-types/declared-cache.js';

export type CreateAppInput = z.infer<typeof CreateAppRequest>;
export type UpdateAppInput = z.infer<typeof UpdateAppRequest>;

/** A key as it is issued: the record kept (its hash) and the key itself, shown this once. */
export interface IssuedKey {
  key: string;
  record: ApiKeyRecord;
}

const appNotFound = (appId: string) => errors.notFound(`No app "${appId}"`, 'app_not_found');

/** The app, or `app_not_found`: every app-scoped operation starts here. */
export async function requireApp(deps: ServiceDeps, appId: string): Promise<AppRecord> {
  const found = await deps.storage.apps.get(appId);
  if (!found) throw appNotFound(appId);
  return found;
}

/** Registers an app with its first key, named `default`, so it can publish at once. */
export async function createApp(
  deps: ServiceDeps,
  input: CreateAppInput,
): Promise<{ app: AppRecord; firstKey: IssuedKey }> {
  if (await deps.storage.apps.get(input.app_id)) {
    throw errors.conflict(`An app "${input.app_id}" already exists`, 'app_exists');
  }
  const now = new Date().toISOString();
  const app: AppRecord = {
    app_id: input.app_id,
    name: input.name,
    icon_url: input.icon_url ?? null,
    undeclared_types: input.undeclared_types ?? 'allow',
    created_at: now,
    updated_at: now,
  };
  const firstKey = issueApiKey(input.app_id, 'default', now);
  await deps.storage.apps.create(app, firstKey.record);
  return { app, firstKey };
}

export async function updateApp(deps: ServiceDeps, appId: string, changes: UpdateAppInput): Promise<AppRecord> {
  const updated = await deps.storage.apps.update(appId, changes, new Date().toISOString());
  if (!updated) throw appNotFound(appId);
  // Publishing reads the policy from the catalogue cache: this process honours a change at once.
  if (changes.undeclared_types !== undefined) forgetDeclaredTypes(deps.storage, appId);
  return updated;
}

/** Another key for an existing app (rotation without downtime: issue, deploy, revoke the old one). */
export async function issueKey(deps: ServiceDeps, appId: string, name: string | null): Promise<IssuedKey> {
  await requireApp(deps, appId);
  const issued = issueApiKey(appId, name, new Date().toISOString());
  await deps.storage.apps.createKey(issued.record);
  return issued;
}

export async function revokeKey(deps: ServiceDeps, appId: string, keyId: string): Promise<void> {
  if (!(await deps.storage.apps.revokeKey(appId, keyId, new Date().toISOString()))) {
    throw errors.notFound(`No active key "${keyId}" for app "${appId}"`, 'key_not_found');
  }
}
