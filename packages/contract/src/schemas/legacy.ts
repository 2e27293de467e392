import { z } from '@hono/zod-openapi';
import { cleanString, UserId } from './common.js';
import { SettableStatus } from './notifications.js';

/**
 * When the compatibility endpoint goes away (RFC 8594 `Sunset`): at least six months after it was
 * deprecated on 2026-11-25. docs/migration.md gives the same date.
 */
export const LEGACY_SUNSET = new Date('2027-06-30T23:59:59Z');

/** When it was deprecated, as RFC 9745's `Deprecation` header gives it: a structured-field date (`@` + Unix seconds). */
export const LEGACY_DEPRECATED_AT = new Date('2026-11-25T00:00:00Z');
export const LEGACY_DEPRECATION = `@${LEGACY_DEPRECATED_AT.getTime() / 1000}`;

/** The `Link` every legacy response carries: where the migration guide lives (RFC 9745 `rel="deprecation"`). */
export const LEGACY_DEPRECATION_LINK = '</docs/migration>; rel="deprecation"';

export const LegacyNotificationEventRequest = z
  .strictObject({
    notification_id: cleanString(255).openapi({
      description: "The app's `external_id` for the notification, or its platform id (`ntf_…`).",
      example: 'wb_123',
    }),
    status: SettableStatus,
    user_id: UserId.optional().openapi({
      description: "When given, the notification must be this user's (otherwise 404).",
    }),
    dismissed_from: cleanString(64)
      .optional()
      .openapi({ description: 'Where it was dismissed.', example: 'work_buddy' }),
    click_action: cleanString(128).optional().openapi({ description: 'What the click did.', example: 'open_session' }),
  })
  .openapi('LegacyNotificationEventRequest', { example: { notification_id: 'wb_123', status: 'dismissed' } });
