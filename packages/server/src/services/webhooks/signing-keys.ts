/**
 * Ed25519 key pairs of `ed25519` webhooks (Standard Webhooks `v1a`): making one, rotating it with a grace period
 * (as `rotateWebhookSecret` does for HMAC secrets), the keys signing at a given moment, and the app's JWKS.
 * Keys are per webhook, as the spec advises ("unique per endpoint"); the JWKS is per app, so a receiver can
 * trust every key of the app it deals with, or narrow to its webhook's `kid`.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_ROTATION_GRACE_SECONDS } from '@oriva/contract';
import { generateEd25519KeyPair } from '@oriva/webhook-verify';
import type { ServiceDeps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { WebhookRecord } from '../../storage/types.js';
import { requireApp } from '../apps.js';
import { requireWebhook } from './endpoints.js';

export interface SigningKey {
  kid: string;
  public_key: string;
  /** Null for the current key; when it stops signing for the one a rotation replaced. */
  expires_at: string | null;
  /** Sealed `whsk_` (see the secret box). */
  sealed_private_key: string;
}

/** A new key pair, the private half sealed for storage. */
export function newSigningKeyPair(secretBox: SecretBox): { signing_key: string; public_key: string } {
  const { privateKey, publicKey } = generateEd25519KeyPair();
  return { signing_key: secretBox.seal(privateKey), public_key: publicKey };
}

/** The RFC 7638 JWK thumbprint: stable, derived from the key alone, so nothing else needs storing. */
export function kidOf(publicKey: string): string {
  const x = Buffer.from(publicKey.slice('whpk_'.length), 'base64').toString('base64url');
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

/** The keys that sign the webhook's deliveries at `at`: the current one, then the previous one in its grace period. */
export function signingKeys(webhook: WebhookRecord, at = new Date()): SigningKey[] {
  if (webhook.signature_scheme !== 'ed25519' || !webhook.signing_key || !webhook.public_key) return [];
  const keys: SigningKey[] = [
    {
      kid: kidOf(webhook.public_key),
      public_key: webhook.public_key,
      expires_at: null,
      sealed_private_key: webhook.signing_key,
    },
  ];
  const expiresAt = webhook.previous_signing_key_expires_at;
  if (webhook.previous_signing_key && webhook.previous_public_key && expiresAt && expiresAt > at.toISOString()) {
    keys.push({
      kid: kidOf(webhook.previous_public_key),
      public_key: webhook.previous_public_key,
      expires_at: expiresAt,
      sealed_private_key: webhook.previous_signing_key,
    });
  }
  return keys;
}

/** What the webhook resource shows of its keys. */
export function publicSigningKeys(webhook: WebhookRecord) {
  const keys = signingKeys(webhook).map(({ kid, public_key, expires_at }) => ({ kid, public_key, expires_at }));
  return { public_key: keys[0]?.public_key ?? null, public_keys: keys };
}

/** Every key signing the app's deliveries now, as a JWK Set (RFC 7517, OKP keys per RFC 8037). */
export async function appJwks(deps: ServiceDeps, appId: string) {
  await requireApp(deps, appId);
  const webhooks = await deps.storage.webhooks.list(appId);
  const seen = new Set<string>();
  const keys = [];
  for (const webhook of webhooks) {
    for (const key of signingKeys(webhook)) {
      if (seen.has(key.kid)) continue;
      seen.add(key.kid);
      const x = Buffer.from(key.public_key.slice('whpk_'.length), 'base64').toString('base64url');
      keys.push({
        kty: 'OKP' as const,
        crv: 'Ed25519' as const,
        x,
        kid: key.kid,
        use: 'sig' as const,
        alg: 'EdDSA' as const,
      });
    }
  }
  return { keys };
}

/**
 * Replaces the key pair. For `graceSeconds` (24 h by default) the old key signs too and stays in the JWKS, so
 * receivers holding a pinned `whpk_` can switch without dropping deliveries; 0 retires it at once.
 */
export async function rotateSigningKey(
  deps: ServiceDeps,
  appId: string,
  webhookId: string,
  graceSeconds = DEFAULT_ROTATION_GRACE_SECONDS,
): Promise<{ publicKey: string; kid: string; previousKeyExpiresAt: string | null }> {
  const current = await requireWebhook(deps, appId, webhookId);
  if (current.signature_scheme !== 'ed25519' || !current.signing_key) {
    throw errors.conflict(
      `Webhook "${webhookId}" signs with HMAC: rotate its secret (rotate-secret), or set signature_scheme "ed25519" first`,
      'signature_scheme_mismatch',
    );
  }
  const next = newSigningKeyPair(deps.secretBox);
  const expiresAt = graceSeconds > 0 ? new Date(Date.now() + graceSeconds * 1000).toISOString() : null;
  await deps.storage.webhooks.update(appId, webhookId, {
    signing_key: next.signing_key,
    public_key: next.public_key,
    previous_signing_key: graceSeconds > 0 ? current.signing_key : null,
    previous_public_key: graceSeconds > 0 ? current.public_key : null,
    previous_signing_key_expires_at: expiresAt,
    updated_at: new Date().toISOString(),
  });
  return { publicKey: next.public_key, kid: kidOf(next.public_key), previousKeyExpiresAt: expiresAt };
}
