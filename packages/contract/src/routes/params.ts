import { z } from '@hono/zod-openapi';
import { AppId, storableString } from '../schemas/common.js';

/** `{app_id}`: the app a route acts on. */
export const AppParams = z.object({ app_id: AppId.openapi({ param: { name: 'app_id', in: 'path' } }) });

/** A path parameter that holds a platform id (`key_…`, `wh_…`, `del_…`), documented with an example of one. */
export const idParam = (name: string, example: string) =>
  storableString().openapi({ param: { name, in: 'path' }, example });
