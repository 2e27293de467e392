/** Who is calling, as established from the bearer credential. */
export type Principal =
  | { kind: 'admin' }
  | {
      kind: 'app';
      appId: string;
      /** The API key's id, or the portal session's id when `portal` is set. */
      keyId: string;
      /** Set when the credential is a portal session token, which acts as the app on fewer routes. */
      portal?: { expiresAt: Date };
    }
  | { kind: 'user'; userId: string };

export type PrincipalKind = Principal['kind'];

/** A stable name for the caller, used to scope idempotency keys and rate limits. */
export function principalScope(principal: Principal): string {
  switch (principal.kind) {
    case 'admin':
      return 'admin';
    case 'app':
      return `app:${principal.appId}`;
    case 'user':
      return `user:${principal.userId}`;
  }
}
