import type { Principal } from '../../auth/principal.js';
import { errors } from '../../core/errors.js';
import type { StreamScope } from './connection.js';

/**
 * Whose events a connection sees. An app key sees its own app's (narrowed to one user with `user_id`),
 * a user token that user's (narrowed to one app with `app_id`); naming another app or user is refused,
 * not silently widened or emptied. The admin sees everything, so must name one app or one user.
 */
export function streamScope(
  principal: Principal,
  narrowing: { app_id?: string | undefined; user_id?: string | undefined },
): StreamScope {
  const { app_id: appId, user_id: userId } = narrowing;
  if (principal.kind === 'app') {
    if (appId !== undefined && appId !== principal.appId) {
      throw errors.forbidden(`This API key belongs to app "${principal.appId}", not "${appId}"`, 'forbidden_app');
    }
    return { principal, app_id: principal.appId, user_id: userId };
  }
  if (principal.kind === 'user') {
    if (userId !== undefined && userId !== principal.userId) {
      throw errors.forbidden("A user token streams only that user's events", 'forbidden_user');
    }
    return { principal, user_id: principal.userId, app_id: appId };
  }
  if (appId === undefined && userId === undefined) {
    throw errors.validation([
      { path: 'app_id', code: 'required', message: 'the admin streams one app (app_id) or one user (user_id)' },
    ]);
  }
  return { principal, app_id: appId, user_id: userId };
}
