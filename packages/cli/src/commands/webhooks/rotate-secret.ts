import { defineCommand, type Parent } from '../define.js';
import { onOneWebhook } from './options.js';

export const declaration = (webhooks: Parent) =>
  onOneWebhook(
    webhooks,
    'rotate-secret',
    'issue a new signing secret (shown once); the old one keeps signing for a grace period',
  ).option('--grace <duration>', 'how long the old secret keeps signing too: 24h, 30m, 0, or seconds (default 24h)');

export const webhooksRotateSecret = defineCommand(declaration, () => import('./rotate-secret.run.js'));
