import { z } from '@hono/zod-openapi';
import { SuccessFlag, Timestamp } from './common.js';

/** A portal link lives an hour unless asked otherwise: long enough for a debugging session, short enough to leak little. */
export const DEFAULT_PORTAL_SESSION_SECONDS = 60 * 60;
export const MAX_PORTAL_SESSION_SECONDS = 24 * 60 * 60;

/** Portal session tokens start with this, so the server tells them from API keys and JWTs at a glance. */
export const PORTAL_TOKEN_PREFIX = 'ops_';

export const CreatePortalSessionRequest = z
  .strictObject({
    expires_in_seconds: z
      .number()
      .int()
      .min(60)
      .max(MAX_PORTAL_SESSION_SECONDS)
      .optional()
      .openapi({
        description: `How long the link works. Default ${DEFAULT_PORTAL_SESSION_SECONDS} (1 h), at most 24 h.`,
      }),
  })
  .openapi('CreatePortalSessionRequest');

export const PortalSessionResponse = z
  .object({
    success: SuccessFlag,
    url: z.string().openapi({
      description:
        "The console, opened on this app: `<origin>/console#token=ops_…`. The token rides in the fragment, which browsers never send, so it stays out of servers' and proxies' logs.",
      example: 'https://oriva.example/console#token=ops_eyJhcHAiOiJ3b3JrLWJ1ZGR5In0.3q2-7w',
    }),
    token: z.string().openapi({
      description:
        "The session token itself (`ops_…`), a bearer credential for this app's `/api/v1/apps/{app_id}/…` routes until `expires_at`.",
    }),
    app_id: z.string(),
    expires_at: Timestamp,
  })
  .openapi('PortalSessionResponse');
