import { createSecretKey } from 'node:crypto';
import { isStorableText } from '@oriva/contract';
import { createRemoteJWKSet, decodeProtectedHeader, errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';

export interface UserTokenVerifierOptions {
  /** HS256 secret; when undefined, HS256 tokens are refused. */
  secret: string | undefined;
  jwksUrl: string | undefined;
  issuer: string | undefined;
  audience: string | undefined;
}

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
  constructor(
    message: string,
    readonly code: 'token_expired' | 'invalid_token',
  ) {
    super(message);
  }
}

const ASYMMETRIC_ALGORITHMS = ['RS256', 'ES256'];
/** Clocks drift: honour `nbf`, `iat` and `exp` with this much leeway. */
const CLOCK_TOLERANCE_SECONDS = 30;
/**
 * A token that verified is remembered for at most this long (never past its `exp` and leeway): clients
 * send the same token on every request, and verifying it again costs more than a cached feed page.
 * It bounds how long a key removed from the JWKS keeps its tokens working.
 */
const VERIFIED_TOKEN_TTL_MS = 60_000;
/** Tokens remembered at once; the oldest goes first. */
const VERIFIED_TOKENS_MAX = 10_000;

/**
 * Verifies user JWTs. The algorithm decides the key, and each key accepts only its own algorithms,
 * so an HS256 token signed with a public key (algorithm confusion) or `alg: none` never passes.
 */
export function createUserTokenVerifier(options: UserTokenVerifierOptions) {
  // A KeyObject made once: given raw bytes, jose would import the HMAC key again on every verification.
  const secret = options.secret ? createSecretKey(Buffer.from(options.secret, 'utf8')) : undefined;
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;
  const claims = {
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'sub'],
  };

  const verified = new VerifiedTokens();

  return async function verifyUserToken(token: string): Promise<{ userId: string }> {
    const known = verified.get(token);
    if (known !== undefined) return { userId: known };
    let algorithm: string | undefined;
    try {
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidTokenError('The bearer token is neither an API key nor a readable JWT', 'invalid_token');
    }
    try {
      let payload: JWTPayload;
      if (algorithm === 'HS256' && secret) {
        ({ payload } = await jwtVerify(token, secret, { ...claims, algorithms: ['HS256'] }));
      } else if (algorithm && ASYMMETRIC_ALGORITHMS.includes(algorithm) && jwks) {
        ({ payload } = await jwtVerify(token, jwks, { ...claims, algorithms: ASYMMETRIC_ALGORITHMS }));
      } else {
        throw new InvalidTokenError(`JWT algorithm "${algorithm}" is not accepted by this server`, 'invalid_token');
      }
      if (!payload.sub) throw new InvalidTokenError('The JWT has no "sub" (user id) claim', 'invalid_token');
      refuseFutureIssue(payload.iat);
      if (!isStorableText(payload.sub)) {
        throw new InvalidTokenError('The JWT "sub" contains NUL or an unpaired UTF-16 surrogate', 'invalid_token');
      }
      // `exp` is a required claim, so jose has checked it is a number.
      verified.set(token, payload.sub, (payload.exp as number) + CLOCK_TOLERANCE_SECONDS);
      return { userId: payload.sub };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The JWT has expired', 'token_expired');
      if (error instanceof errors.JOSEError) {
        throw new InvalidTokenError(`The JWT is not valid: ${error.message}`, 'invalid_token');
      }
      throw error;
    }
  };
}

/**
 * Tokens that verified, by their exact text (signature included, so a forged twin never matches), with
 * their user and until when they may be trusted without verifying again.
 */
class VerifiedTokens {
  private readonly entries = new Map<string, { userId: string; trustedUntilMs: number }>();

  get(token: string): string | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (Date.now() < entry.trustedUntilMs) return entry.userId;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, userId: string, expiresAtSeconds: number): void {
    if (this.entries.size >= VERIFIED_TOKENS_MAX) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const trustedUntilMs = Math.min(expiresAtSeconds * 1000, Date.now() + VERIFIED_TOKEN_TTL_MS);
    this.entries.set(token, { userId, trustedUntilMs });
  }
}

/**
 * jose checks `iat` only against a maximum token age, which we do not set (the issuer's `exp`
 * decides the lifetime), so a token "issued" an hour from now would pass. The leeway the docs
 * promise for `nbf` and `exp` holds for `iat` too.
 */
function refuseFutureIssue(issuedAt: number | undefined, now = Date.now() / 1000): void {
  if (issuedAt === undefined || issuedAt <= now + CLOCK_TOLERANCE_SECONDS) return;
  throw new InvalidTokenError(
    `The JWT "iat" (issued at) is ${Math.round(issuedAt - now)} s in the future, beyond the ${CLOCK_TOLERANCE_SECONDS} s allowed for clock drift; check the issuer's clock`,
    'invalid_token',
  );
}

export interface MintUserTokenOptions {
  secret: string;
  userId: string;
  /** A duration such as `1h` or `7d`, or seconds. Default one hour. */
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
}

/** Mints an HS256 user token, for local development and tests (`oriva users token`). */
export async function mintUserToken(options: MintUserTokenOptions): Promise<string> {
  const expiresIn = options.expiresIn ?? '1h';
  let jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.userId)
    .setIssuedAt()
    .setExpirationTime(typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn);
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret));
}
