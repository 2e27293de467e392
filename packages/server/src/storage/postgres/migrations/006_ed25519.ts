/**
 * Ed25519 (Standard Webhooks `v1a`) signing per webhook, as in the SQLite adapter: the scheme, the key pair
 * (private key sealed like the HMAC secret) and the pair a rotation replaced, signing until its grace period ends.
 */
export const sql = /* sql */ `
ALTER TABLE app_webhooks ADD COLUMN signature_scheme TEXT NOT NULL DEFAULT 'hmac'
  CHECK (signature_scheme IN ('hmac', 'ed25519'));
ALTER TABLE app_webhooks ADD COLUMN signing_key TEXT;
ALTER TABLE app_webhooks ADD COLUMN public_key TEXT;
ALTER TABLE app_webhooks ADD COLUMN previous_signing_key TEXT;
ALTER TABLE app_webhooks ADD COLUMN previous_public_key TEXT;
ALTER TABLE app_webhooks ADD COLUMN previous_signing_key_expires_at TIMESTAMPTZ;
`;
