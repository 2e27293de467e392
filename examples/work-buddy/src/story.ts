/**
 * The design document's story, end to end, against a running Oriva server:
 * Work Buddy creates a notification (Example 1), the user sees it in their feed from every app,
 * dismisses it in Oriva Core (Example 2), and Work Buddy's local state follows through a verified webhook.
 *
 * Run: `pnpm start` in one terminal, then `pnpm --filter @oriva/example-work-buddy story`.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APIConnectionError, AuthenticationError, NotFoundError, Oriva } from '@oriva/sdk';
import { type LocalNotification, startWorkBuddy } from './app.js';

export interface StoryOptions {
  /** The Oriva server's origin, e.g. `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** The admin token: registers `work-buddy` when missing, or issues it a key. */
  adminToken: string;
  log?: (line: string) => void;
  /** Work Buddy's key, if you have one (`ORIVA_API_KEY`); otherwise the saved one, or one issued with the admin token. */
  apiKey?: string;
  /**
   * Where Work Buddy's key is kept between runs (the command line uses `.oriva/work-buddy-api-key`): a run reuses the
   * key saved there while it works, and saves the one it issues, so runs do not pile up keys.
   */
  apiKeyFile?: string;
  /**
   * The user's token (`ORIVA_USER_TOKEN`); otherwise a dev-mode server's dev token, else one signed with
   * `jwtSecret`, like `oriva users token`.
   */
  userToken?: string;
  /** The server's HS256 secret (`ORIVA_JWT_SECRET`, or `<data dir>/jwt-secret`). */
  jwtSecret?: string;
  /** Work Buddy's port. A fixed port lets later runs reuse the same webhook. Default 8788. */
  port?: number;
  userId?: string;
}

export interface StoryResult {
  externalId: string;
  notificationId: string;
  local: LocalNotification;
}

/** Runs the story; resolves with what happened, or rejects saying which step failed. */
export async function runStory(options: StoryOptions): Promise<StoryResult> {
  const log = options.log ?? console.log;
  const userId = options.userId ?? 'user_456';
  const step = (n: number, text: string) => log(`\n${n}. ${text}`);

  step(1, 'Work Buddy connects to Oriva');
  const apiKey = options.apiKey ?? (await workBuddyKey(options, log));
  const buddy = await startWorkBuddy({ orivaBaseUrl: options.baseUrl, apiKey, port: options.port ?? 8788 });
  try {
    log(`   listening on ${buddy.url}; webhook ${buddy.webhookId} → ${buddy.webhookUrl} (notification.*)`);

    step(2, 'Example 1: Work Buddy creates a notification (POST /apps/work-buddy/notifications)');
    // A new external id per run, so the story can run again against the same server.
    const externalId = `wb_notif_${Date.now().toString(36)}`;
    const reminded = await fetch(`${buddy.url}/tasks/789/remind`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: userId, external_id: externalId }),
    });
    if (reminded.status !== 201) throw new Error(`POST /tasks/789/remind: ${reminded.status} ${await reminded.text()}`);
    const created = (await reminded.json()) as LocalNotification;
    log(`   ${externalId} → ${created.notification_id}; Work Buddy's local status: ${created.status}`);

    step(3, `The user (${userId}) opens Oriva Core: their feed from every app`);
    const user = new Oriva({ userToken: await userTokenFor(options, userId, log), baseUrl: options.baseUrl });
    const feed = await user.notifications.list({ limit: 10 });
    for (const n of feed.data)
      log(`   ${n.app_name}: ${n.title} [${n.status}]${n.external_id === externalId ? '  ← new' : ''}`);
    log(`   unread: ${feed.unreadCount}`);
    if (!feed.data.some((n) => n.external_id === externalId))
      throw new Error(`${externalId} is not in the user's feed`);

    step(4, `Example 2: the user dismisses it in Oriva Core (PATCH /notifications/${externalId})`);
    const dismissed = await user.notifications.dismiss(externalId, { dismissed_from: 'oriva_core' });
    log(`   status: ${dismissed.status}`);

    step(5, 'Oriva sends Work Buddy a signed notification.dismissed webhook; Work Buddy verifies it');
    const event = await buddy.waitForEvent(
      (e) => e.type === 'notification.dismissed' && e.entity_id === externalId,
      15_000,
    );
    log(`   verified ${event.type} for ${event.entity_id} (changed by ${String(event.event_data.changed_by)})`);

    step(6, "Work Buddy's local state");
    const local = buddy.notifications.get(externalId);
    if (local?.status !== 'dismissed') throw new Error(`Work Buddy's local status is ${local?.status}, not dismissed`);
    log(`   ${externalId}: ${local.status} — dismissed once, dismissed everywhere.`);
    return { externalId, notificationId: created.notification_id ?? '', local };
  } finally {
    // Leave nothing behind, whatever happened: a webhook whose URL nobody serves only fails until it is disabled.
    const app = new Oriva({ apiKey, appId: 'work-buddy', baseUrl: options.baseUrl });
    await app.webhooks.delete(buddy.webhookId).then(
      () => log(`\n   deleted the webhook ${buddy.webhookId}`),
      (error: unknown) => log(`\n   could not delete the webhook ${buddy.webhookId}: ${String(error)}`),
    );
    await buddy.close();
  }
}

/**
 * Work Buddy's key: the one an earlier run saved in `apiKeyFile`, while it still works; else a new one, saved there
 * for the next run. Keys are shown only once, so without somewhere to keep one every run would issue another.
 */
async function workBuddyKey(options: StoryOptions, log: (line: string) => void): Promise<string> {
  const file = options.apiKeyFile;
  const saved = file && existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (saved && (await keyWorks(options.baseUrl, saved))) {
    log(`   reusing Work Buddy's API key from ${file}`);
    return saved;
  }
  const key = await issueKey(options.baseUrl, options.adminToken, log);
  if (file) {
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    log(`   saved it in ${file} for the next run`);
  }
  return key;
}

/** A saved key stops working when it is revoked or the server's data was reset. */
async function keyWorks(baseUrl: string, apiKey: string): Promise<boolean> {
  try {
    await new Oriva({ apiKey, appId: 'work-buddy', baseUrl }).webhooks.list();
    return true;
  } catch (error) {
    if (error instanceof AuthenticationError) return false;
    throw error;
  }
}

/** Registers `work-buddy` if it is missing, else issues it a new key. */
async function issueKey(baseUrl: string, adminToken: string, log: (line: string) => void): Promise<string> {
  const admin = new Oriva({ adminToken, baseUrl });
  try {
    await admin.apps.retrieve('work-buddy');
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const { api_key } = await admin.apps.create({ app_id: 'work-buddy', name: 'Work Buddy' });
    log('   registered the app work-buddy');
    return api_key.key;
  }
  const { api_key } = await admin.apps.keys.create('work-buddy', { name: 'story' });
  log('   work-buddy exists: issued it a new API key');
  return api_key.key;
}

/**
 * The user's token: given; else from a dev-mode server, which mints them for loopback callers; else signed
 * here with the server's HS256 secret, as `oriva users token` does.
 */
async function userTokenFor(options: StoryOptions, userId: string, log: (line: string) => void): Promise<string> {
  if (options.userToken) return options.userToken;
  const devRoute = new URL(`/api/v1/dev/users/${encodeURIComponent(userId)}/token`, options.baseUrl);
  const response = await fetch(devRoute, { method: 'POST' }).catch(() => undefined);
  if (response?.ok) {
    log('   signed in with a dev token (POST /api/v1/dev/users/{user_id}/token)');
    return ((await response.json()) as { token: string }).token;
  }
  if (!options.jwtSecret) {
    throw new Error('No user token: the server mints none here; set ORIVA_USER_TOKEN, or ORIVA_JWT_SECRET to sign one');
  }
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: userId, iat: now, exp: now + 3600 })}`;
  log("   signed in with a token signed by the server's JWT secret");
  return `${unsigned}.${createHmac('sha256', options.jwtSecret).update(unsigned).digest('base64url')}`;
}

/** `ORIVA_DATA_DIR`, else the nearest `.oriva` directory from here up (`pnpm start` writes it at the repository root). */
function dataDir(): string | undefined {
  if (process.env.ORIVA_DATA_DIR) return process.env.ORIVA_DATA_DIR;
  for (let dir = resolve(process.env.INIT_CWD ?? process.cwd()); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.oriva'))) return join(dir, '.oriva');
    if (dirname(dir) === dir) return undefined;
  }
}

function dataDirFile(name: string): string | undefined {
  const dir = dataDir();
  return dir && join(dir, name);
}

function readSecretFile(name: string): string | undefined {
  const path = dataDirFile(name);
  return path && existsSync(path) ? readFileSync(path, 'utf8').trim() || undefined : undefined;
}

async function main(): Promise<number> {
  const baseUrl = process.env.ORIVA_API_BASE ?? 'http://127.0.0.1:8787';
  const adminToken = process.env.ORIVA_ADMIN_TOKEN ?? readSecretFile('admin-token');
  if (!adminToken) {
    console.error(
      'No admin token: set ORIVA_ADMIN_TOKEN, or start the server once with `pnpm start` (it writes .oriva/admin-token).',
    );
    return 1;
  }
  try {
    await runStory({
      baseUrl,
      adminToken,
      apiKey: process.env.ORIVA_API_KEY,
      apiKeyFile: dataDirFile('work-buddy-api-key'),
      userToken: process.env.ORIVA_USER_TOKEN,
      jwtSecret: process.env.ORIVA_JWT_SECRET ?? readSecretFile('jwt-secret'),
      port: process.env.WORK_BUDDY_PORT ? Number(process.env.WORK_BUDDY_PORT) : undefined,
    });
    console.log('\n✓ The story ran end to end.');
    return 0;
  } catch (error) {
    const hint =
      error instanceof APIConnectionError ? `\n  Is Oriva running at ${baseUrl}? Start it: \`pnpm start\`` : '';
    console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}${hint}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
