/**
 * The event as every channel shows it, and which patterns select it: plain functions without
 * dependencies, so the server and `oriva listen` share them without loading zod
 * (`@oriva/contract/events`).
 */
export * from './patterns.js';
export * from './shapes.js';
