import { createRoute, z } from '@hono/zod-openapi';
import { SuccessFlag, Timestamp, UserId } from '../schemas/common.js';
import { errorResponses, jsonContent, security } from './responses.js';

const DevUserParams = z.object({ user_id: UserId.openapi({ param: { name: 'user_id', in: 'path' } }) });

const DevUserTokenResponse = z
  .object({
    success: SuccessFlag,
    user_id: z.string().openapi({ example: 'user_456' }),
    token: z
      .string()
      .openapi({ description: "An HS256 JWT whose `sub` is the user, signed with the server's secret." }),
    expires_at: Timestamp,
  })
  .openapi('DevUserTokenResponse');

export const createDevUserToken = createRoute({
  method: 'post',
  path: '/api/v1/dev/users/{user_id}/token',
  operationId: 'createDevUserToken',
  tags: ['Development'],
  summary: 'Dev mode only: mint a user token for the notification center',
  description: [
    'Exists only when the server runs in dev mode (`ORIVA_DEV=1`); otherwise 404.',
    'Answers loopback clients only, and refuses browsers on another origin, so no web page can mint tokens on a developer machine.',
    'Takes no credentials: the notification center at /inbox uses it to sign in as any user while developing.',
  ].join(' '),
  // No credentials: the guard is dev mode plus a loopback, same-origin caller.
  security: security.none,
  request: { params: DevUserParams },
  responses: { 200: jsonContent(DevUserTokenResponse, 'A token for the user.'), ...errorResponses(403, 404) },
});
