import { defineCommand, type Parent } from '../define.js';
import { onOneWebhook } from './options.js';

export const declaration = (webhooks: Parent) =>
  onOneWebhook(
    webhooks,
    'rotate-signing-key',
    'issue a new Ed25519 key pair for an ed25519 webhook; the old key keeps signing for a grace period',
  ).option('--grace <duration>', 'how long the old key keeps signing too: 24h, 30m, 0, or seconds (default 24h)');

export const webhooksRotateSigningKey = defineCommand(declaration, () => import('./rotate-signing-key.run.js'));
