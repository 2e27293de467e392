import { defineGroup } from '../define.js';
import { webhooksCreate } from './create.js';
import { webhooksDelete } from './delete.js';
import { webhooksDeliveries } from './deliveries.js';
import { webhooksList } from './list.js';
import { webhooksRecover } from './recover.js';
import { webhooksRetry } from './retry.js';
import { webhooksRotateSecret } from './rotate-secret.js';
import { webhooksRotateSigningKey } from './rotate-signing-key.js';
import { webhooksShow } from './show.js';
import { webhooksTest } from './test.js';
import { webhooksUpdate } from './update.js';

export const webhooks = defineGroup(
  'webhooks',
  "deliver the app's events to URLs, signed (app API key or admin token, with --app-id)",
  [
    webhooksCreate,
    webhooksList,
    webhooksShow,
    webhooksUpdate,
    webhooksDelete,
    webhooksRotateSecret,
    webhooksRotateSigningKey,
    webhooksTest,
    webhooksDeliveries,
    webhooksRetry,
    webhooksRecover,
  ],
);
