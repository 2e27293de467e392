import { createPortalSession } from './portal-sessions.js';

/**
 * Whether a portal session token may call a route: only routes that name `{app_id}` in their path (the
 * authorization step then holds it to its own app), and never the route that mints sessions, so a link
 * cannot extend itself.
 */
export const portalSessionMayCall = (route: { path: string; operationId?: string }) =>
  route.path.includes('{app_id}') && route.operationId !== createPortalSession.operationId;
