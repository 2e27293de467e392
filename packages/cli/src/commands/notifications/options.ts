/** Arguments and options several notification commands declare alike. */
import { Option } from '@commander-js/extra-typings';
import type { Parent } from '../define.js';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const STATUSES = ['unread', 'read', 'clicked', 'dismissed', 'expired', 'all'] as const;

export const priorityOption = (description: string) =>
  new Option('--priority <priority>', description).choices(PRIORITIES);

/** `notifications <name> <id>`: a command on one notification. */
export const onOneNotification = (notifications: Parent, name: string, description: string) =>
  notifications
    .command(name)
    .description(description)
    .argument('<id>', "the notification's id (ntf_…) or the app's external id");
