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
    archives_written: z.number().int().openapi({
      description:
        'Archives written before deleting (one per app and month, with ORIVA_ARCHIVE_DIR set); 0 with archival off.',
    }),
  })
  .openapi('PruneResponse');

export const ArchiveFileName = z.string().min(1).max(255).openapi({
  description:
    'An archive file as `GET /api/v1/admin/archives` lists it: a plain name inside ORIVA_ARCHIVE_DIR, never a path.',
  example: 'events.work-buddy.2025-03.1-48210.ndjson.gz',
});

export const ArchiveSummary = z
  .object({
    file: ArchiveFileName,
    complete: z.boolean().openapi({
      description:
        'Whether its manifest was written. An incomplete file (archiving was interrupted) is never restored, and retention deleted nothing it holds.',
    }),
    app_id: z.string().nullable(),
    month: z
      .string()
      .nullable()
      .openapi({ description: 'The calendar month (UTC) of its events, `YYYY-MM`.', example: '2025-03' }),
    rows: z.number().int().nullable(),
    first_position: z.number().int().nullable(),
    last_position: z.number().int().nullable(),
    sha256: z.string().nullable().openapi({ description: 'Hex SHA-256 of the gzipped file, from the manifest.' }),
    bytes: z.number().int().nullable(),
    created_at: Timestamp.nullable(),
  })
  .openapi('ArchiveSummary');

export const ArchiveListResponse = z.object({ data: z.array(ArchiveSummary) }).openapi('ArchiveListResponse');

export const RestoreArchiveRequest = z.strictObject({ file: ArchiveFileName }).openapi('RestoreArchiveRequest');

export const RestoreArchiveResponse = z
  .object({
    success: SuccessFlag,
    file: ArchiveFileName,
    rows: z.number().int().openapi({ description: 'Events in the archive.' }),
    restored: z
      .number()
      .int()
      .openapi({ description: 'Events put back; those already present are skipped, so a second restore adds 0.' }),
  })
  .openapi('RestoreArchiveResponse');
