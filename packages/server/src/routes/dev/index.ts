import { getConnInfo } from '@hono/node-server/conninfo';
import { OpenAPIHono } from '@hono/zod-openapi';
import { routes } from '@oriva/contract';
import type { Context } from 'hono';
import { mintUserToken } from '../../auth/jwt.js';
import { errors } from '../../core/errors.js';
import type { AppEnv, Deps } from '../../http/context.js';
import { validationHook } from '../../http/validation.js';

/** A dev token lasts a working day, so the notification center does not sign out mid-session. */
export const DEV_TOKEN_TTL_SECONDS = 12 * 60 * 60;

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Dev mode only (mounted when `config.dev`): `POST /api/v1/dev/users/{user_id}/token` mints a user
 * token with the server's HS256 secret, so the notification center can sign in as anyone locally.
 *
 * Dev mode allows every CORS origin, so the guard is more than "dev mode": the TCP peer must be
 * loopback with no proxy in between, the Host must be a loopback name (a DNS-rebinding page has its
 * own host name), and a browser's Origin must be the server itself.
 */
export function devRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(routes.createDevUserToken, async (c) => {
    checkLocalCaller(c);
    const secret = deps.jwtSecret;
    if (!secret) {
      throw errors.notFound(
        'This server verifies user tokens with an identity provider (ORIVA_JWT_JWKS_URL) and has no HS256 secret to mint dev tokens with',
        'dev_tokens_unavailable',
      );
    }
    const { user_id } = c.req.valid('param');
    const expiresAt = Math.floor(Date.now() / 1000) + DEV_TOKEN_TTL_SECONDS;
    const token = await mintUserToken({
      secret,
      userId: user_id,
      expiresIn: DEV_TOKEN_TTL_SECONDS,
      ...(deps.config.jwt.issuer ? { issuer: deps.config.jwt.issuer } : {}),
      ...(deps.config.jwt.audience ? { audience: deps.config.jwt.audience } : {}),
    });
    c.header('Cache-Control', 'no-store');
    return c.json(
      { success: true as const, user_id, token, expires_at: new Date(expiresAt * 1000).toISOString() },
      200,
    );
  });

  return app;
}

function checkLocalCaller(c: Context<AppEnv>): void {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    address = undefined;
  }
  const proxied = c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined;
  if (!address || !isLoopbackAddress(address) || proxied) {
    throw errors.forbidden('Dev tokens are minted for loopback clients only', 'loopback_only');
  }
  const host = c.req.header('host') ?? '';
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  if (!LOOPBACK_HOSTNAMES.has(hostname)) {
    throw errors.forbidden(
      'Dev tokens are minted for loopback host names only (localhost, 127.0.0.1, [::1])',
      'loopback_only',
    );
  }
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`) {
    throw errors.forbidden(
      `Origin ${origin} may not mint dev tokens: only pages served by this server may`,
      'forbidden_origin',
    );
  }
}

export function isLoopbackAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}
