/**
 * HS256 user JWTs minted with node:crypto, the way an identity provider sharing `ORIVA_JWT_SECRET` with the server
 * would: header `{"alg":"HS256","typ":"JWT"}`, payload `{"sub":<user id>,"exp":<now + ttl>}`.
 */
import { createHmac, randomBytes } from 'node:crypto';

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function mintUserJwt(secret: string, userId: string, ttlSeconds = 3600): string {
  const payload = base64url(JSON.stringify({ sub: userId, exp: Math.floor(Date.now() / 1000) + ttlSeconds }));
  const signature = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/** A random secret long enough for the server's `ORIVA_JWT_SECRET` (at least 32 characters). */
export function randomJwtSecret(): string {
  return `bench-jwt-${randomBytes(32).toString('hex')}`;
}
