/**
 * Runs Work Buddy on its own: `ORIVA_API_KEY=ok_… pnpm --filter @oriva/example-work-buddy start`.
 * Then `curl -X POST localhost:8788/tasks/789/remind -d '{"user_id":"user_456"}'` and open http://127.0.0.1:8788/.
 */
import { startWorkBuddy } from './app.js';

const apiKey = process.env.ORIVA_API_KEY;
if (!apiKey) {
  console.error("Set ORIVA_API_KEY to Work Buddy's key (`pnpm -s oriva apps create work-buddy` prints one).");
  process.exit(1);
}
const buddy = await startWorkBuddy({
  orivaBaseUrl: process.env.ORIVA_API_BASE ?? 'http://127.0.0.1:8787',
  apiKey,
  appId: process.env.ORIVA_APP_ID ?? 'work-buddy',
  port: Number(process.env.WORK_BUDDY_PORT ?? 8788),
  publicUrl: process.env.WORK_BUDDY_PUBLIC_URL,
  webhookSecret: process.env.ORIVA_WEBHOOK_SECRET,
});
console.log(`Work Buddy on ${buddy.url}; Oriva delivers notification.* to ${buddy.webhookUrl} (${buddy.webhookId})`);
process.once('SIGINT', () => void buddy.close().then(() => process.exit(0)));
