/**
 * How a delivery is signed: the one place that chooses between the webhook's HMAC secrets (`v1`) and its Ed25519
 * keys (`v1a`), each with the key a rotation replaced while its grace period lasts. `X-Oriva-Signature` carries the
 * same signatures under the same version names (`t=…,id=…,v1=…` or `t=…,id=…,v1a=…`).
 */
import { ed25519SignatureHeaders, type SignatureHeaders, signatureHeaders } from '@oriva/webhook-verify';
import type { SecretBox } from '../../core/secret-box.js';
import type { WebhookRecord } from '../../storage/types.js';
import { signingKeys } from './signing-keys.js';

export function deliverySignatureHeaders(
  webhook: WebhookRecord,
  secretBox: SecretBox,
  delivery: { id: string; payload: string },
  at: Date,
): SignatureHeaders {
  const timestamp = Math.floor(at.getTime() / 1000);
  const keys = signingKeys(webhook, at);
  if (keys.length > 0) {
    const privateKeys = keys.map((key) => secretBox.open(key.sealed_private_key));
    return ed25519SignatureHeaders({ id: delivery.id, timestamp, body: delivery.payload, privateKeys });
  }
  const secrets = [secretBox.open(webhook.webhook_secret)];
  if (
    webhook.previous_secret &&
    webhook.previous_secret_expires_at &&
    webhook.previous_secret_expires_at > at.toISOString()
  ) {
    secrets.push(secretBox.open(webhook.previous_secret));
  }
  return signatureHeaders({ id: delivery.id, timestamp, body: delivery.payload, secrets });
}
