import type { z } from '@hono/zod-openapi';
import type { Pagination } from '@oriva/contract';
import type { NotificationQuery, NotificationView, Page } from '../../storage/types.js';

/**
 * The page of a notification list a request asks for. Cursors are the HTTP layer's own format, so it
 * says where the page starts in storage's terms (`before_id`, `offset`, how many rows to read) and
 * how the rows read become the page it answers with; which notifications the list holds, and what
 * serving them means, is the services' part.
 */
export interface NotificationPage extends Pick<NotificationQuery, 'before_id' | 'limit' | 'offset'> {
  cut(read: Page<NotificationView>): { items: NotificationView[]; pagination: z.infer<typeof Pagination> };
}
