import { createHmac, timingSafeEqual } from 'node:crypto';
import { PORTAL_TOKEN_PREFIX } from '@oriva/contract';
import { newId } from '../ids.js';
import { InvalidTokenError } from './jwt.js';

/**
 * Portal session tokens: `ops_<payload>.<mac>`, the payload base64url JSON `{ app, sid, exp }` and the MAC
 * HMAC-SHA256 over `ops_<payload>`. Stateless, so every instance accepts them without a table.
 *
 * The key is derived from the admin token, which every instance already shares (docs/deploy.md requires
 * it with a shared database): rotating the admin token ends every open portal session, and nothing new
 * has to be configured. The derivation label keeps this MAC from ever equalling anything else keyed by
 * the admin token.
 */
export interface PortalSession {
  appId: string;
  sessionId: string;
  expiresAt: Date;
}

const KEY_LABEL = 'oriva portal session v1';

export function createPortalSessions(adminToken: string) {
  const key = createHmac('sha256', adminToken).update(KEY_LABEL).digest();
  const mac = (signed: string) => createHmac('sha256', key).update(signed).digest();

  return {
    /** A new token for `appId`, valid until `expiresAt`. */
    issue(appId: string, expiresAt: Date): { token: string; session: PortalSession } {
      const session = { appId, sessionId: newId('ops'), expiresAt };
      const payload = Buffer.from(
        JSON.stringify({ app: appId, sid: session.sessionId, exp: Math.floor(expiresAt.getTime() / 1000) }),
      ).toString('base64url');
      const signed = `${PORTAL_TOKEN_PREFIX}${payload}`;
      return { token: `${signed}.${mac(signed).toString('base64url')}`, session };
    },

    /** The session a token carries; throws `InvalidTokenError` when it is forged, malformed or expired. */
    verify(token: string, now = new Date()): PortalSession {
      const dot = token.lastIndexOf('.');
      const signed = dot > 0 ? token.slice(0, dot) : '';
      const given = Buffer.from(dot > 0 ? token.slice(dot + 1) : '', 'base64url');
      const expected = mac(signed);
      if (
        !signed.startsWith(PORTAL_TOKEN_PREFIX) ||
        given.length !== expected.length ||
        !timingSafeEqual(given, expected)
      ) {
        throw new InvalidTokenError('The portal session token is not valid', 'invalid_token');
      }
      const claims = parseClaims(signed.slice(PORTAL_TOKEN_PREFIX.length));
      if (!claims) throw new InvalidTokenError('The portal session token is not valid', 'invalid_token');
      if (claims.exp * 1000 <= now.getTime()) {
        throw new InvalidTokenError('The portal session has expired; open a new link', 'token_expired');
      }
      return { appId: claims.app, sessionId: claims.sid, expiresAt: new Date(claims.exp * 1000) };
    },
  };
}

export type PortalSessions = ReturnType<typeof createPortalSessions>;

function parseClaims(payload: string): { app: string; sid: string; exp: number } | null {
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const valid = typeof claims?.app === 'string' && typeof claims.sid === 'string' && Number.isSafeInteger(claims.exp);
    return valid ? claims : null;
  } catch {
    return null;
  }
}
