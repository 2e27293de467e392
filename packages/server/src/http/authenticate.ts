import { createHash, timingSafeEqual } from 'node:crypto';
import type { RouteConfig } from '@hono/zod-openapi';
import { PORTAL_TOKEN_PREFIX, portalSessionMayCall, SECURITY_SCHEMES, type SecuritySchemeName } from '@oriva/contract';
import type { MiddlewareHandler } from 'hono';
import { API_KEY_PREFIX, hashApiKey } from '../auth/api-keys.js';
import { InvalidTokenError } from '../auth/jwt.js';
import type { Principal, PrincipalKind } from '../auth/principal.js';
import { errors } from '../core/errors.js';
import type { AppEnv, Deps } from './context.js';

const KIND_NAMES: Record<PrincipalKind, string> = {
  app: 'an app API key',
  admin: 'the admin token',
  user: 'a user token',
};

/**
 * Establishes who is calling from `Authorization: Bearer …`: an app key, a portal session token (acting as
 * its app), the admin token or a user JWT.
 */
export async function authenticate(deps: Deps, credential: string | undefined): Promise<Principal> {
  if (!credential) throw errors.unauthorized();
  if (credential.startsWith(API_KEY_PREFIX)) {
    const key = await deps.storage.apps.findKeyByHash(hashApiKey(credential));
    if (!key) throw errors.invalidCredentials('The API key is not valid');
    if (key.revoked_at) throw errors.invalidCredentials('The API key has been revoked', 'revoked_key');
    return { kind: 'app', appId: key.app_id, keyId: key.id };
  }
  if (sameSecret(credential, deps.adminToken)) return { kind: 'admin' };
  try {
    if (credential.startsWith(PORTAL_TOKEN_PREFIX)) {
      const session = deps.portalSessions.verify(credential);
      return { kind: 'app', appId: session.appId, keyId: session.sessionId, portal: { expiresAt: session.expiresAt } };
    }
    const { userId } = await deps.verifyUserToken(credential);
    return { kind: 'user', userId };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw errors.invalidCredentials(error.message, error.code);
    throw error;
  }
}

export function bearerCredential(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw errors.unauthorized('The Authorization header must be "Bearer <API key or token>"');
  return match[1];
}

/**
 * Authorization derived from the contract: the route's `security` names who may call it, and a path's
 * `app_id` / `user_id` must be the caller's own (the admin may act on any).
 */
export function authorize(route: RouteConfig, deps: Deps): MiddlewareHandler<AppEnv> {
  const allowed = new Set<PrincipalKind>(
    (route.security ?? []).flatMap((requirement) => Object.keys(requirement).map(callerOf)),
  );
  const allowedNames = [...allowed].map((kind) => KIND_NAMES[kind]).join(' or ');
  return async (c, next) => {
    const principal = await authenticate(deps, bearerCredential(c.req.header('authorization')));
    if (!allowed.has(principal.kind)) {
      throw errors.forbidden(
        `This route needs ${allowedNames}; ${KIND_NAMES[principal.kind]} was sent`,
        'insufficient_scope',
      );
    }
    if (principal.kind === 'app' && principal.portal && !portalSessionMayCall(route)) {
      throw errors.forbidden(
        "A portal session acts only on its app's own /api/v1/apps/{app_id}/… routes, and cannot open further sessions",
        'portal_scope',
      );
    }
    const appId = c.req.param('app_id');
    if (principal.kind === 'app' && appId !== undefined && appId !== principal.appId) {
      throw errors.forbidden(`This API key belongs to app "${principal.appId}", not "${appId}"`, 'forbidden_app');
    }
    const userId = c.req.param('user_id');
    if (principal.kind === 'user' && userId !== undefined && userId !== principal.userId) {
      throw errors.forbidden("A user token may only act on that user's own resources", 'forbidden_user');
    }
    c.set('principal', principal);
    await next();
  };
}

/** The caller a contract security scheme names; a name the contract does not define fails at start, never open. */
function callerOf(scheme: string): PrincipalKind {
  const definition = SECURITY_SCHEMES[scheme as SecuritySchemeName];
  if (!definition)
    throw new Error(
      `Unknown security scheme "${scheme}": the contract defines ${Object.keys(SECURITY_SCHEMES).join(', ')}`,
    );
  return definition.caller;
}

/** Constant-time comparison of two secrets of any length. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
