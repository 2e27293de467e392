import { createRoute } from '@hono/zod-openapi';
import {
  ArchiveListResponse,
  PruneRequest,
  PruneResponse,
  RestoreArchiveRequest,
  RestoreArchiveResponse,
} from '../schemas/admin.js';
import { errorWhen, jsonBody, jsonContent, security } from './responses.js';

export const pruneData = createRoute({
  method: 'post',
  path: '/api/v1/admin/prune',
  operationId: 'pruneData',
  tags: ['Operations'],
  summary: 'Apply the retention period now: delete old events and webhook delivery logs',
  description:
    'Notifications and pending deliveries are never pruned. The server also runs this hourly when ORIVA_RETENTION_DAYS is above 0; with several instances, one runs it at a time.',
  security: security.admin,
  request: { body: { ...jsonBody(PruneRequest), required: false } },
  responses: {
    200: jsonContent(PruneResponse, 'What was removed.'),
    ...errorWhen(409, 'Another instance is pruning right now (`prune_in_progress`, retryable).'),
  },
});

export const listArchives = createRoute({
  method: 'get',
  path: '/api/v1/admin/archives',
  operationId: 'listArchives',
  tags: ['Operations'],
  summary: 'List the event archives retention wrote (ORIVA_ARCHIVE_DIR)',
  description:
    'One gzipped NDJSON file per app and month, each with a manifest (rows, positions, SHA-256). With several instances, this lists the archive directory of the instance that answers: mount the same directory on all of them.',
  security: security.admin,
  responses: {
    200: jsonContent(ArchiveListResponse, 'The archives, by name (app, then month).'),
    ...errorWhen(404, 'Archival is off: ORIVA_ARCHIVE_DIR is not set (`archive_not_configured`).'),
  },
});

export const restoreArchive = createRoute({
  method: 'post',
  path: '/api/v1/admin/archives/restore',
  operationId: 'restoreArchive',
  tags: ['Operations'],
  summary: "Put an archive's events back, with their original ids and positions",
  description:
    'The checksum and row count are verified before anything is inserted. Events already present are skipped, so restoring twice adds nothing. Restored events are older than the retention period: the next retention run deletes them again (without a new archive), so restore to look at them, not to keep them.',
  security: security.admin,
  request: { body: jsonBody(RestoreArchiveRequest) },
  responses: {
    200: jsonContent(RestoreArchiveResponse, 'What was restored.'),
    ...errorWhen(404, 'No archive of that name (`archive_not_found`), or archival is off (`archive_not_configured`).'),
    ...errorWhen(409, "The archive's app no longer exists (`app_missing`)."),
    ...errorWhen(
      422,
      'The archive never completed (`archive_incomplete`) or does not match its manifest (`archive_corrupt`); nothing was inserted.',
    ),
  },
});
