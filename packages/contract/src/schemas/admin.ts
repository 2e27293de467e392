import { z } from '@hono/zod-openapi';
import { SuccessFlag, Timestamp } from './common.js';

export const PruneRequest = z
  .strictObject({
    older_than_days: z
      .number()
      .int()
      .min(1)
      .max(36_500)
      .optional()
      .openapi({ description: "Prune what is older than this many days. Default: the server's ORIVA_RETENTION_DAYS." }),
    before: Timestamp.optional().openapi({ description: 'Prune what is older than this instant instead.' }),
  })
  .refine((body) => body.older_than_days === undefined || body.before === undefined, {
    message: 'give older_than_days or before, not both',
    path: ['before'],
  })
  .openapi('PruneRequest');

export const PruneResponse = z
  .object({
    success: SuccessFlag,
    cutoff: Timestamp.openapi({ description: 'Events and delivery logs older than this were removed.' }),
    events_deleted: z.number().int(),
    deliveries_deleted: z.number().int(),
    partitions_dropped: z
      .number()
      .int()
      .openapi({ description: 'Monthly event partitions dropped whole (PostgreSQL); 0 on SQLite.' }),
  })
  .openapi('PruneResponse');
