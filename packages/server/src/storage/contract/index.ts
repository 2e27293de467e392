/**
 * The behaviour every storage adapter must have, one contract per port. Each adapter's test file
 * calls `describeStorageContract` once with a factory for a fresh, empty store, so SQLite and
 * PostgreSQL are held to the same contract.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import { issueApiKey } from '../../auth/api-keys.js';
import type { Storage } from '../types.js';
import { appStoreContract } from './apps.contract.js';
import { archiveStoreContract } from './archive.contract.js';
import { consumerStoreContract } from './consumers.contract.js';
import { deliveryStoreContract } from './deliveries.contract.js';
import { eventTypeStoreContract } from './event-types.contract.js';
import { eventStoreContract } from './events.contract.js';
import { idempotencyStoreContract } from './idempotency.contract.js';
import { jobStoreContract } from './jobs.contract.js';
import { notificationStoreContract } from './notifications.contract.js';
import { preferenceStoreContract } from './preferences.contract.js';
import { app, at } from './records.test-support.js';
import { statsStoreContract } from './stats.contract.js';
import { storage, useStorage } from './subject.test-support.js';
import { userStoreContract } from './users.contract.js';
import { webhookStoreContract } from './webhooks.contract.js';

export function describeStorageContract(name: string, open: () => Promise<Storage>): void {
  describe(`storage contract: ${name}`, () => {
    beforeEach(async () => {
      useStorage(await open());
      await storage.apps.create(app('a1'), issueApiKey('a1', null, at).record);
    });
    afterEach(() => storage.close());

    appStoreContract();
    eventStoreContract();
    eventTypeStoreContract();
    notificationStoreContract();
    preferenceStoreContract();
    webhookStoreContract();
    deliveryStoreContract();
    idempotencyStoreContract();
    jobStoreContract();
    statsStoreContract();
    userStoreContract();
    consumerStoreContract();
    archiveStoreContract();
  });
}
