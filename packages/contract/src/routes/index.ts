export * from './apps.js';
export * from './events.js';
export * from './health.js';
export * from './notifications.js';
export * from './stream.js';
export * from './webhooks.js';
