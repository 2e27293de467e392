/**
 * Ed25519 (Standard Webhooks `v1a`) signing per webhook: the scheme, the key pair (private key sealed like the
 * HMAC secret) and the pair a rotation replaced, which signs too until its grace period ends. Existing webhooks
 * keep HMAC.
 */
export const sql = /* sql */ `
ALTER TABLE app_webhooks ADD COLUMN signature_scheme TEXT NOT NULL DEFAULT 'hmac'
  CHECK (signature_scheme IN ('hmac', 'ed25519'));
ALTER TABLE app_webhooks ADD COLUMN signing_key TEXT;
ALTER TABLE app_webhooks ADD COLUMN public_key TEXT;
ALTER TABLE app_webhooks ADD COLUMN previous_signing_key TEXT;
ALTER TABLE app_webhooks ADD COLUMN previous_public_key TEXT;
ALTER TABLE app_webhooks ADD COLUMN previous_signing_key_expires_at TEXT;
`;
