import { z } from '@hono/zod-openapi';
import { AppId, cleanString, SuccessFlag, storable, Timestamp } from './common.js';

const HttpsUrl = storable(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048)).openapi({
  example: 'https://workbuddy.example/icon.png',
});

/** What publishing does with an event whose type the app's catalogue does not declare. */
export const UndeclaredTypesPolicy = z.enum(['allow', 'warn', 'reject']).openapi('UndeclaredTypesPolicy', {
  description:
    'What publishing does with an event whose type the app has not declared: `allow` stores it (the default), `warn` stores it and names the type in the `Oriva-Undeclared-Types` response header, `reject` refuses it with 422 `event_type_undeclared`.',
});

export const App = z
  .object({
    app_id: AppId,
    name: z.string(),
    icon_url: z.string().nullable(),
    undeclared_types: UndeclaredTypesPolicy,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('App');

export const ApiKey = z
  .object({
    id: z.string().openapi({ example: 'key_01J8ZQ3J5V8C9X2M4N6P7R8S9T' }),
    app_id: AppId,
    name: z.string().nullable(),
    prefix: z
      .string()
      .openapi({ description: 'The first characters of the key, to recognise it in lists.', example: 'ok_live_4f9a' }),
    created_at: Timestamp,
    revoked_at: Timestamp.nullable(),
  })
  .openapi('ApiKey');

export const ApiKeyWithSecret = ApiKey.extend({
  key: z
    .string()
    .openapi({ description: 'The secret key. Shown once: only its hash is stored.', example: 'ok_live_4f9a…' }),
}).openapi('ApiKeyWithSecret');

export const CreateAppRequest = z
  .strictObject({
    app_id: AppId,
    name: cleanString(100).openapi({ example: 'Work Buddy' }),
    icon_url: HttpsUrl.optional(),
    undeclared_types: UndeclaredTypesPolicy.optional(),
  })
  .openapi('CreateAppRequest');

export const UpdateAppRequest = z
  .strictObject({
    name: cleanString(100).optional(),
    icon_url: HttpsUrl.nullable().optional(),
    undeclared_types: UndeclaredTypesPolicy.optional(),
  })
  .openapi('UpdateAppRequest');

export const AppResponse = z.object({ success: SuccessFlag, app: App }).openapi('AppResponse');

export const CreateAppResponse = z
  .object({ success: SuccessFlag, app: App, api_key: ApiKeyWithSecret })
  .openapi('CreateAppResponse');

export const ListAppsResponse = z.object({ success: SuccessFlag, apps: z.array(App) }).openapi('ListAppsResponse');

export const CreateKeyRequest = z
  .strictObject({ name: cleanString(100).optional().openapi({ example: 'production' }) })
  .openapi('CreateKeyRequest');

export const ApiKeyResponse = z.object({ success: SuccessFlag, api_key: ApiKeyWithSecret }).openapi('ApiKeyResponse');

export const ListKeysResponse = z
  .object({ success: SuccessFlag, api_keys: z.array(ApiKey) })
  .openapi('ListKeysResponse');
