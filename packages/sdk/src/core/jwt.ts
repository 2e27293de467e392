/**
 * Reads the user id (`sub`) out of a user's JWT, so user-side calls know whose `/users/{userId}/…`
 * to address. The token is decoded, **not verified**: the server verifies it on every request.
 */

/** The `sub` claim of a JWT, or `undefined` when the token is not a JWT or has no string `sub`. */
export function jwtSubject(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined || payload === '') return undefined;
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(payload));
    if (typeof claims !== 'object' || claims === null) return undefined;
    const sub = (claims as { sub?: unknown }).sub;
    return typeof sub === 'string' && sub !== '' ? sub : undefined;
  } catch {
    return undefined;
  }
}

/** base64url → UTF-8 text, with `atob` and `TextDecoder` (both in Node ≥ 16 and every browser). */
function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
